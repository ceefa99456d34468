"""Precision and recall of name-part equivalence on the HELD-OUT name data.

    python scripts/eval_part_equivalence.py [--data DIR] [--threshold 0.8] [--json PATH]
    python scripts/eval_part_equivalence.py --export-fixture tests/fixtures/names/heldout_pairs.tsv

Categories (none of these pairs was used to build the lexicon, see build_lexicon.py):
  ar-lat   Arabic word vs Latin word: wd_arabic_20 and ar2en-test pairs, and the Arabic/Latin
           forms of held-out rigour groups. Negatives: each Arabic word against another Latin
           word of the same source, one at random and one "hard" (same consonant skeleton or
           phonetic key as the true spelling, but a different name).
  lat-lat  Latin vs Latin: spellings inside one held-out rigour group with Arabic script
           (positives) and across groups (negatives, random and hard).
Pairs are compared as name cores: an Arabic article (and a matching Latin al-/el-) is taken off
first, as the name parser does before comparing parts. Sampling is seeded: same data, same pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_lexicon import (  # noqa: E402
    DEFAULT_DATA,
    RIGOUR,
    Pair,
    group_tokens,
    is_heldout_group,
    read_google_pairs,
    read_rigour_groups,
    read_wikidata_pairs,
    skeletons_close,
    stem_pair,
)

from hajiz.names.phonetic import phonetic_key, skeleton  # noqa: E402
from hajiz.names.romanize import split_article  # noqa: E402

WIKIDATA_TEST = "wikidata_netransliteration_arabic/wd_arabic_20"
GOOGLE_TEST = "google_transliteration_ar2en/ar2en-test.txt"
GOOGLE_EVAL = "google_transliteration_ar2en/ar2en-eval.txt"
SEED = 20240601
# At most this many positive pairs from one rigour group (Muhammad alone has 40 spellings).
MAX_PAIRS_PER_GROUP = 6
# Letters found in Arabic-origin names but rarely in transliterated foreign ones.
ARABIC_ORIGIN_LETTERS = frozenset("حعصضطظذقثخ")


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled pair."""

    a: str
    b: str
    expected: bool
    category: str  # ar-lat | lat-lat
    source: str  # wd_arabic_20 | ar2en-test | ar2en-eval | rigour-heldout
    kind: str  # positive | random | hard
    # The Arabic side (or, for lat-lat, the group's Arabic forms) has letters typical of
    # Arabic-origin names: a proxy for "an Arabic name" in data that is mostly foreign names.
    is_arabic_origin: bool = False


def has_arabic_origin_letters(*words: str) -> bool:
    """Whether any word has letters typical of Arabic-origin names (ح ع ص ض ط ظ ذ ق ث خ)."""
    return any(ARABIC_ORIGIN_LETTERS & set(w) for w in words)


# ----------------------------------------------------------------------------- similarity


def _stand_in() -> Callable[[str, str], float]:
    """STAND-IN for hajiz.names.similarity.part_similarity (used only when it is missing)."""
    from rapidfuzz.distance import Indel

    from hajiz.names.lexicon import load_lexicon
    from hajiz.names.romanize import romanize

    lexicon = load_lexicon()

    def score(a: str, b: str) -> float:
        if lexicon.are_variants(a, b):
            return 0.95
        forms_a = romanize(a) if not a.isascii() else (a,)
        forms_b = romanize(b) if not b.isascii() else (b,)
        pairs = [(x, y) for x in forms_a for y in forms_b]
        best = max((Indel.normalized_similarity(x, y) for x, y in pairs), default=0.0)
        if any(phonetic_key(x) == phonetic_key(y) for x, y in pairs):
            best = max(best, 0.9)
        # The same consonants alone are not enough to call two words equal.
        if skeleton(a) == skeleton(b):
            best = max(best, 0.75)
        return best

    return score


def similarity_function(stand_in: bool = False) -> tuple[Callable[[str, str], float], str]:
    """The lead's part_similarity if present, else the stand-in; and which one it is."""
    if stand_in:
        return _stand_in(), "STAND-IN (asked for with --stand-in)"
    try:
        from hajiz.names.similarity import part_similarity
    except ImportError:
        return _stand_in(), "STAND-IN (hajiz.names.similarity not found)"
    return (lambda a, b: part_similarity(a, b).score), "hajiz.names.similarity.part_similarity"


# ---------------------------------------------------------------------------------- cases


def _core_pairs(pairs: Iterable[Pair]) -> list[tuple[str, str]]:
    """Distinct (arabic, latin) core pairs: articles off, as the name parser does."""
    out: dict[tuple[str, str], None] = {}
    for pair in pairs:
        latin, arabic = stem_pair(pair.latin, pair.arabic)
        if latin and arabic:
            out[arabic, latin] = None
    return list(out)


def _negatives(
    positives: list[tuple[str, str]],
    source: str,
    category: str,
    rng: random.Random,
    origin: Callable[[str], bool] = has_arabic_origin_letters,
) -> list[Case]:
    """One random and one hard negative per first element, never a known positive."""
    known = set(positives)
    firsts: dict[str, list[str]] = defaultdict(list)
    for a, b in positives:
        firsts[a].append(b)
    seconds = sorted({b for _, b in positives})
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    by_key: dict[str, list[str]] = defaultdict(list)
    for b in seconds:
        by_skeleton[skeleton(b)].append(b)
        by_key[phonetic_key(b)].append(b)
    cases = []
    for a in sorted(firsts):
        mates = firsts[a]
        for _ in range(10):
            b = rng.choice(seconds)
            if (a, b) not in known and b not in mates:
                cases.append(Case(a, b, False, category, source, "random", origin(a)))
                break
        hard = {
            b
            for m in mates
            for b in (*by_key[phonetic_key(m)], *by_skeleton[skeleton(m)])
            if (a, b) not in known and b not in mates
        }
        if hard:
            b = rng.choice(sorted(hard))
            cases.append(Case(a, b, False, category, source, "hard", origin(a)))
    return cases


def arabic_latin_cases(data: Path, rng: random.Random, with_eval: bool) -> list[Case]:
    """Held-out Arabic/Latin pairs and their negatives, per source."""
    sources = [
        ("wd_arabic_20", read_wikidata_pairs(data / WIKIDATA_TEST)),
        ("ar2en-test", read_google_pairs(data / GOOGLE_TEST)),
    ]
    if with_eval:
        sources.append(("ar2en-eval", read_google_pairs(data / GOOGLE_EVAL)))
    cases = []
    for source, pairs in sources:
        positives = _core_pairs(pairs)
        cases += [
            Case(a, b, True, "ar-lat", source, "positive", has_arabic_origin_letters(a))
            for a, b in positives
        ]
        cases += _negatives(positives, source, "ar-lat", rng)
    return cases


def rigour_cases(data: Path, rng: random.Random) -> list[Case]:
    """Held-out rigour groups with Arabic script: Arabic/Latin and Latin/Latin pairs."""
    groups: list[tuple[set[str], set[str]]] = []
    for qid, forms in read_rigour_groups(data / RIGOUR):
        if not is_heldout_group(qid):
            continue
        latin, arabic, _ = group_tokens(forms)
        arabic = {split_article(a)[1] for a in arabic}
        if arabic and latin:
            groups.append((latin, arabic))
    # Words that share a group, or an Arabic form, are the same name: never negatives.
    same_name: dict[str, set[str]] = defaultdict(set)
    for latin, arabic in groups:
        for word in latin | arabic:
            same_name[word] |= latin | arabic
    ar_lat: list[tuple[str, str]] = []
    lat_lat: list[tuple[str, str]] = []
    arabic_origin: set[str] = set()
    for latin, arabic in groups:
        if has_arabic_origin_letters(*arabic):
            arabic_origin.update(latin | arabic)
        words = sorted(latin)
        pairs = [(x, y) for i, x in enumerate(words) for y in words[i + 1 :]]
        lat_lat += rng.sample(pairs, min(MAX_PAIRS_PER_GROUP, len(pairs)))
        cross = [(a, w) for a in sorted(arabic) for w in words]
        ar_lat += rng.sample(cross, min(MAX_PAIRS_PER_GROUP, len(cross)))
    source = "rigour-heldout"
    cases = [
        Case(a, b, True, category, source, "positive", a in arabic_origin)
        for category, pairs in (("ar-lat", ar_lat), ("lat-lat", lat_lat))
        for a, b in pairs
    ]
    for category, positives in (("ar-lat", ar_lat), ("lat-lat", lat_lat)):
        negatives = _negatives(positives, source, category, rng, arabic_origin.__contains__)
        cases += [c for c in negatives if c.b not in same_name[c.a]]
    return cases


def all_cases(data: Path, with_eval: bool = False) -> list[Case]:
    """Every labelled held-out pair, deterministic for a given data folder."""
    rng = random.Random(SEED)
    return arabic_latin_cases(data, rng, with_eval) + rigour_cases(data, rng)


# -------------------------------------------------------------------------------- metrics


@dataclass
class Tally:
    """Counts of one slice of the evaluation."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        """Count one decision."""
        if expected:
            self.tp += predicted
            self.fn += not predicted
        else:
            self.fp += predicted
            self.tn += not predicted

    def metrics(self) -> dict[str, float | int]:
        """Pairs, precision, recall and F1 of this slice."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "positives": self.tp + self.fn,
            "negatives": self.fp + self.tn,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "false_positives": self.fp,
        }


def evaluate(
    cases: list[Case], score: Callable[[str, str], float], threshold: float
) -> dict[str, dict[str, float | int]]:
    """Metrics per category, per category and source, and for the Arabic-origin subset."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        predicted = score(case.a, case.b) >= threshold
        slices = ["all", case.category, f"{case.category} {case.source}"]
        if case.is_arabic_origin:
            slices.append(f"{case.category} arabic-origin letters")
        if not case.expected:
            slices.append(f"{case.category} negatives:{case.kind}")
        for name in slices:
            tallies[name].add(case.expected, predicted)
    return {name: tallies[name].metrics() for name in sorted(tallies)}


def print_table(results: dict[str, dict[str, float | int]]) -> None:
    """The metrics as an aligned text table."""
    print(f"{'slice':40s} {'pos':>6s} {'neg':>6s} {'prec':>7s} {'recall':>7s} {'F1':>7s}")
    for name, m in results.items():
        if "negatives:" in name:
            fp_rate = m["false_positives"] / max(1, int(m["negatives"]))
            print(f"{name:40s} {'':>6s} {m['negatives']:>6} false-positive rate {fp_rate:.4f}")
        else:
            print(
                f"{name:40s} {m['positives']:>6} {m['negatives']:>6} "
                f"{m['precision']:>7.4f} {m['recall']:>7.4f} {m['f1']:>7.4f}"
            )


# -------------------------------------------------------------------------------- fixture

# How many pairs of each (category, expected) go into the exported fixture.
FIXTURE_QUOTA = {("ar-lat", True): 100, ("ar-lat", False): 100, ("lat-lat", True): 100,
                 ("lat-lat", False): 100}  # fmt: skip


def fixture_cases(cases: list[Case]) -> list[Case]:
    """A balanced, deterministic sample for the test suite, Arabic-origin names first.

    Positives whose consonant skeletons are far apart (alignment slips in the source data, such
    as "xin" for السيدة) are left out: a fixture must not assert a wrong label.
    """
    rng = random.Random(SEED + 1)
    chosen: list[Case] = []
    for (category, expected), quota in FIXTURE_QUOTA.items():
        pool = [c for c in cases if c.category == category and c.expected == expected]
        if expected:
            pool = [c for c in pool if skeletons_close(skeleton(c.a), skeleton(c.b))]
        else:
            pool = [c for c in pool if c.kind == "hard"] + rng.sample(
                [c for c in pool if c.kind == "random"], quota // 4
            )
        origin = [c for c in pool if c.is_arabic_origin]
        rest = [c for c in pool if c not in set(origin)]
        picked = rng.sample(origin, min(quota, len(origin)))
        picked += rng.sample(rest, min(quota - len(picked), len(rest)))
        chosen += sorted(picked, key=lambda c: (c.source, c.a, c.b))
    return chosen


def export_fixture(cases: list[Case], path: Path) -> None:
    """Write the fixture TSV: a, b, expected (1/0), category, source."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["a\tb\texpected\tcategory\tsource"]
    for c in fixture_cases(cases):
        source = c.source if c.expected else f"{c.source}:{c.kind}"
        lines.append(f"{c.a}\t{c.b}\t{int(c.expected)}\t{c.category}\t{source}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines) - 1} pairs")


def main(argv: list[str] | None = None) -> None:
    """Evaluate part equivalence on the held-out data, or export the test fixture."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="real data folder")
    parser.add_argument("--threshold", type=float, default=0.8, help="score counted as equal")
    parser.add_argument("--json", type=Path, help="also write the metrics as JSON here")
    parser.add_argument("--with-eval", action="store_true", help="add the ar2en-eval pairs")
    parser.add_argument("--stand-in", action="store_true", help="use the stand-in similarity")
    parser.add_argument("--export-fixture", type=Path, help="write ~400 held-out pairs (TSV)")
    args = parser.parse_args(argv)
    cases = all_cases(args.data, args.with_eval)
    if args.export_fixture:
        export_fixture(cases, args.export_fixture)
        return
    score, name = similarity_function(args.stand_in)
    started = time.perf_counter()
    results = evaluate(cases, score, args.threshold)
    elapsed = time.perf_counter() - started
    print(f"similarity: {name}; threshold {args.threshold}; {len(cases)} pairs in {elapsed:.1f}s")
    print_table(results)
    if args.json:
        report = {"similarity": name, "threshold": args.threshold, "results": results}
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
