"""Build the packaged name lexicon from the TRAINING splits of the real name data.

    python scripts/build_lexicon.py [--data DIR] [--out PATH]

Sources (read-only, see NOTICE and each folder's PROVENANCE.md):
  wikidata_netransliteration_arabic/wd_arabic_80   Latin token, Arabic letters, count (CC0)
  google_transliteration_ar2en/ar2en-train.txt     Arabic word, Latin word (Apache-2.0)
  rigour_person_names/persons.txt.xz               variant groups "forms => Qid" (MIT);
                                                   groups whose Qid hashes to held-out are skipped
Held out, never read here: wd_arabic_20, ar2en-eval, ar2en-test, and the held-out rigour groups.

The output is deterministic: same data, same bytes (sorted keys, gzip mtime 0).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import lzma
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hajiz.names.lexicon import FORMAT_VERSION, Lexicon, read_lexicon  # noqa: E402
from hajiz.names.normalize import normalize_name, normalize_word  # noqa: E402
from hajiz.names.phonetic import phonetic_key, skeleton  # noqa: E402
from hajiz.names.romanize import (  # noqa: E402
    gap_key,
    romanize_rules_with,
    segment_arabic,
    segment_latin,
    shape_keys,
    split_article,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "real"
DEFAULT_OUT = ROOT / "hajiz" / "names" / "data" / "lexicon.json.gz"
WIKIDATA_TRAIN = "wikidata_netransliteration_arabic/wd_arabic_80"
GOOGLE_TRAIN = "google_transliteration_ar2en/ar2en-train.txt"
RIGOUR = "rigour_person_names/persons.txt.xz"

# One rigour group in ten is held out for measurement, chosen by a stable hash of its Qid.
HELDOUT_BUCKETS = 10
# Vowel templates kept per word shape, and spellings kept per gap and per Arabic word.
MAX_PATTERNS = 5
MAX_GAP_SPELLINGS = 3
MAX_ROMANIZATIONS = 12
# A rule-based romanisation this similar (normalised Indel) to a pair's Latin side vouches for it.
RULE_SIMILARITY = 0.75
# The first word of a multi-word form that makes it one compound name (Abd al-Aziz, Abu Zayd).
COMPOUND_HEADS = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdur", "abed", "abu", "abou",
     "abo", "bou", "umm", "عبد", "ابو", "ام"}
)  # fmt: skip
LATIN_ARTICLES = ("al", "el")
CYRILLIC = re.compile("[\u0400-\u052f]")
# A Cyrillic form bridges the rigour groups that share it (see bridge_groups) when it has at
# least this many letters and is shared by at most this many groups.
MIN_BRIDGE_FORM = 4
MAX_BRIDGED_GROUPS = 8
# An h that is not part of kh, sh, ch, zh, th, dh, gh or ph.
LONE_H = re.compile("(?<![kscztdgp])h")
# Letters found in Arabic-origin names but rarely in transliterated foreign ones, and how much
# more a pair with one of them weighs when learning vowel patterns.
ARABIC_ORIGIN_LETTERS = frozenset("حعصضطظذقثخ")
ARABIC_ORIGIN_WEIGHT = 3
LONG_VOWELS = frozenset("اوي")
STANDALONE_ARTICLES = frozenset({"al", "el", "ul", "il", "ال"})


@dataclass(frozen=True, slots=True)
class Pair:
    """One Latin spelling of one Arabic word, seen `count` times in `source`."""

    latin: str
    arabic: str
    count: int
    source: str


# ---------------------------------------------------------------------------------- readers


def latin_token(text: str) -> str:
    """A Latin name token as the lexicon keeps it: normalised, letters a-z only ("" if other)."""
    word = normalize_word(text)
    return word if len(word) >= 2 and word.isascii() and word.isalpha() else ""


def arabic_token(text: str) -> str:
    """An Arabic name token as the lexicon keeps it: normalised, Arabic letters only."""
    word = normalize_word(text)
    return word if word and all("\u0600" <= ch <= "\u06ff" for ch in word) else ""


def read_wikidata_pairs(path: Path) -> list[Pair]:
    """Pairs from a Merhav & Ash token file: `latin<TAB>a r a b i c<TAB>count`."""
    pairs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                continue
            latin, arabic = latin_token(fields[0]), arabic_token(fields[1].replace(" ", ""))
            if latin and arabic:
                pairs.append(Pair(latin, arabic, int(fields[2]), "wikidata"))
    return pairs


def read_google_pairs(path: Path) -> list[Pair]:
    """Pairs from a Google transliteration file: `arabic<TAB>latin`."""
    pairs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 2:
                continue
            latin, arabic = latin_token(fields[1]), arabic_token(fields[0])
            if latin and arabic:
                pairs.append(Pair(latin, arabic, 1, "google"))
    return pairs


def is_heldout_group(qid: str) -> bool:
    """Whether a rigour group is held out for measurement (stable across runs and machines)."""
    return int(hashlib.sha1(qid.encode()).hexdigest(), 16) % HELDOUT_BUCKETS == 0


def read_rigour_groups(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Every rigour group as (Qid, raw forms), held-out ones included."""
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            left, _, qid = line.rstrip("\n").rpartition(" => ")
            if left:
                yield qid, left.split(", ")


def form_words(form: str) -> list[str]:
    """The normalised words of one rigour form."""
    return normalize_name(form)


def compound_token(words: list[str]) -> str:
    """A multi-word compound as one token (abd al aziz → abdalaziz), else ""."""
    if 2 <= len(words) <= 3 and words[0] in COMPOUND_HEADS:
        return "".join(words)
    return ""


def group_tokens(forms: Iterable[str]) -> tuple[set[str], set[str], list[list[str]]]:
    """A rigour group's Latin tokens, Arabic tokens, and its other multi-word forms' words."""
    latin: set[str] = set()
    arabic: set[str] = set()
    phrases: list[list[str]] = []
    for form in forms:
        words = form_words(form)
        if not words:
            continue
        token = words[0] if len(words) == 1 else compound_token(words)
        if not token:
            phrases.append(words)
            continue
        if latin_token(token):
            latin.add(token)
        elif arabic_token(token):
            arabic.add(token)
    return latin, arabic, phrases


def strip_latin_articles(words: list[str]) -> list[str]:
    """Words of a phrase without standalone articles, Arabic article prefixes removed."""
    out = []
    for word in words:
        if word in STANDALONE_ARTICLES:
            continue
        out.append(split_article(word)[1] if arabic_token(word) else word)
    return out


def phrase_pairs(phrases: list[list[str]]) -> Iterator[tuple[str, str]]:
    """Word-by-word pairs of a group's Latin and Arabic phrases of equal length."""
    latin = [strip_latin_articles(p) for p in phrases if all(latin_token(w) for w in p)]
    arabic = [strip_latin_articles(p) for p in phrases if all(arabic_token(w) for w in p)]
    for lp in latin:
        for ap in arabic:
            if len(lp) == len(ap):
                yield from zip(lp, ap, strict=True)


# ------------------------------------------------------------------------- pair handling


def stem_pair(latin: str, arabic: str) -> tuple[str, str]:
    """A pair without articles: the Arabic one, and a Latin al-/el- when the Arabic has one or
    when the consonants show the Arabic word was written without it (alhassan / حسن)."""
    article, stem = split_article(arabic)
    for prefix in LATIN_ARTICLES:
        if latin.startswith(prefix) and len(latin) > len(prefix) + 2:
            bare = latin[len(prefix) :]
            if article or (skeleton(bare) == skeleton(arabic) != skeleton(latin)):
                return bare, stem
    return latin, stem


def units_compatible(latin_unit: str, arabic_letter: str) -> bool:
    """Whether a Latin consonant spelling can stand for an Arabic consonant letter."""
    if skeleton(latin_unit) == skeleton(arabic_letter):
        return True
    # European g is written ج as often as غ (Georg = جورج).
    return latin_unit == "g" and arabic_letter == "ج"


def pattern_weight(arabic: str) -> int:
    """How much one pair teaches the vowel patterns: Arabic-origin names count more, so that
    the many European names in the data do not set the vowels of Arabic ones."""
    return ARABIC_ORIGIN_WEIGHT if ARABIC_ORIGIN_LETTERS & set(arabic) else 1


def learn_patterns(
    pairs: Iterable[tuple[str, str]],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Vowel templates per Arabic word shape, and spellings per gap, from aligned pairs."""
    by_shape: dict[str, Counter[str]] = defaultdict(Counter)
    by_gap: dict[str, Counter[str]] = defaultdict(Counter)
    for latin, arabic in pairs:
        weight = pattern_weight(arabic)
        seg_a, seg_l = segment_arabic(arabic), segment_latin(latin)
        n = len(seg_a.consonants)
        if n == 0 or n != len(seg_l.consonants):
            continue
        if not all(map(units_compatible, seg_l.consonants, seg_a.consonants)):
            continue
        # A long vowel (ا و ي) is always written in Latin; an empty gap there is a misalignment
        # (McCallum = ماكالوم).
        gap_pairs = zip(seg_a.gaps, seg_l.gaps, strict=True)
        if any(LONG_VOWELS & set(letters) and not spelled for letters, spelled in gap_pairs):
            continue
        doubled = "".join("1" if d else "0" for d in seg_l.doubled)
        template = "|".join((*seg_l.gaps, doubled))
        for key in shape_keys(seg_a):
            by_shape[key][template] += weight
        for i, letters in enumerate(seg_a.gaps):
            by_gap[gap_key(letters, i, n)][seg_l.gaps[i]] += weight
    patterns = {
        shape: [t for t, c in _ranked(counts)[:MAX_PATTERNS] if c >= 2]
        for shape, counts in by_shape.items()
    }
    gaps = {
        key: [g for g, _ in _ranked(counts)[:MAX_GAP_SPELLINGS]] for key, counts in by_gap.items()
    }
    return {k: v for k, v in patterns.items() if v}, gaps


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most common first, ties broken alphabetically so the output is deterministic."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def rule_closeness(latin: str, rules: tuple[str, ...]) -> float:
    """How close a Latin spelling is to the nearest rule-based romanisation, in [0, 1]."""
    return max((Levenshtein.normalized_similarity(latin, r) for r in rules), default=0.0)


def is_trusted(latin: str, arabic: str, count: int, rules: tuple[str, ...]) -> bool:
    """Whether a pair is a real spelling, not an alignment slip or a translation.

    The consonant skeletons must agree (or differ by one class on a longer word), and a pair
    seen once must also be close to what the rules would write, or share its phonetic key.
    """
    distance = Levenshtein.distance(skeleton(latin), skeleton(arabic))
    if distance > 1 or (distance == 1 and len(skeleton(arabic)) < 3):
        return False
    if distance == 0 and count >= 2:
        return True
    key = phonetic_key(latin)
    return rule_closeness(latin, rules) >= RULE_SIMILARITY or any(
        phonetic_key(r) == key for r in rules
    )


# -------------------------------------------------------------------------------- build


@dataclass(frozen=True, slots=True)
class RigourGroup:
    """One training rigour group: its Latin tokens and article-less Arabic tokens."""

    latin: set[str]
    arabic: set[str]
    cyrillic: frozenset[str] = frozenset()  # its Cyrillic forms, transliterated


def read_training(data_dir: Path) -> tuple[list[Pair], list[RigourGroup]]:
    """All training pairs (the three sources) and the training rigour groups."""
    pairs = read_wikidata_pairs(data_dir / WIKIDATA_TRAIN)
    pairs += read_google_pairs(data_dir / GOOGLE_TRAIN)
    groups = []
    for qid, forms in read_rigour_groups(data_dir / RIGOUR):
        if is_heldout_group(qid):
            continue
        latin, arabic_forms, phrases = group_tokens(forms)
        arabic = {split_article(a)[1] for a in arabic_forms}
        # Forms written in Cyrillic join the group (screening reads them transliterated) but
        # are not Latin spellings of the Arabic forms: gasan is how Russian spells حسن.
        cyrillic = frozenset(latin_token(f) for f in forms if CYRILLIC.search(f)) - {""}
        spelled = latin - cyrillic
        pairs += [Pair(lw, aw, 1, "rigour") for lw, aw in phrase_pairs(phrases)]
        pairs += [Pair(lw, aw, 1, "rigour") for lw in sorted(spelled) for aw in sorted(arabic)]
        if arabic or len(latin) >= 2:
            groups.append(RigourGroup(latin, arabic, cyrillic))
    return pairs, groups


def trusted_spellings(
    pairs: list[Pair], rules_lexicon: Lexicon, latin_counts: Counter[str]
) -> dict[str, list[tuple[str, int]]]:
    """For each article-less Arabic word, its trusted Latin spellings with their pair counts.

    Best first: the most often paired (transliteration counts plus rigour groups), then the
    most often in the transliteration data, the most common Latin word, and the closest to
    what the rules would write.
    """
    counts: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()  # in the transliteration data, not rigour
    for pair in pairs:
        key = stem_pair(pair.latin, pair.arabic)
        counts[key] += pair.count
        if pair.source != "rigour":
            seen[key] += pair.count
    ranked: dict[str, list[tuple[tuple[int, int, int, float], str, int]]] = defaultdict(list)
    for (latin, arabic), count in counts.items():
        rules = romanize_rules_with(rules_lexicon, arabic)
        if is_trusted(latin, arabic, count, rules):
            closeness = rule_closeness(latin, rules)
            order = (-count, -seen[latin, arabic], -latin_counts[latin], -closeness)
            ranked[arabic].append((order, latin, count))
    return {
        arabic: [(latin, count) for _, latin, count in sorted(spellings)]
        for arabic, spellings in ranked.items()
    }


def build(data_dir: Path) -> dict[str, object]:
    """The lexicon data structure, from the training data under data_dir."""
    pairs, rigour_groups = read_training(data_dir)
    latin_counts: Counter[str] = Counter()
    arabic_counts: Counter[str] = Counter()
    for pair in pairs:
        if pair.source != "rigour":  # rigour lists spellings, it does not count them
            latin_counts[pair.latin] += pair.count
            arabic_counts[split_article(pair.arabic)[1]] += pair.count
    patterns, gaps = learn_patterns(stem_pair(p.latin, p.arabic) for p in pairs)
    rules_lexicon = rules_only_lexicon(patterns, gaps)
    by_arabic = trusted_spellings(pairs, rules_lexicon, latin_counts)

    # Groups: each cleaned rigour group, then one group per Arabic word and its trusted spellings.
    groups: set[tuple[str, ...]] = set()
    for group in rigour_groups:
        kept = clean_group(group.latin, group.arabic)
        if len(kept) >= 2:
            groups.add(tuple(sorted(kept)))
    groups.update(tuple(sorted(b)) for b in bridge_groups(rigour_groups))
    romanizations: dict[str, list[tuple[str, int]]] = {}
    for arabic, ranked in by_arabic.items():
        romanizations[arabic] = ranked[:MAX_ROMANIZATIONS]
        groups.add(tuple(sorted({arabic, *pair_group(ranked)})))
    ordered = sorted(groups)

    counts = pooled_counts(ordered, latin_counts, arabic_counts)
    words = sorted(
        {w for g in ordered for w in g}
        | set(counts)
        | {w for a, spellings in romanizations.items() for w in (a, *(s for s, _ in spellings))}
    )
    index = {w: i for i, w in enumerate(words)}
    romanized = sorted(romanizations, key=index.__getitem__)
    group_rows = [[index[w] for w in g] for g in ordered]
    member_of: list[list[int]] = [[] for _ in words]
    for group_id, members in enumerate(group_rows):
        for member in members:
            member_of[member].append(group_id)
    rom_lengths, rom_values = flatten([index[s] for s, _ in romanizations[a]] for a in romanized)
    group_lengths, group_values = flatten(group_rows)
    word_group_lengths, word_group_values = flatten(member_of)
    return {
        "format": FORMAT_VERSION,
        "total": sum(latin_counts.values()),
        "words": words,
        "counts": [counts.get(w, 0) for w in words],
        "romanized": [index[a] for a in romanized],
        "romanization_lengths": rom_lengths,
        "romanization_values": rom_values,
        "romanization_counts": [c for a in romanized for _, c in romanizations[a]],
        "group_lengths": group_lengths,
        "group_values": group_values,
        "word_group_lengths": word_group_lengths,
        "word_group_values": word_group_values,
        "patterns": patterns,
        "gaps": gaps,
    }


def flatten(rows: Iterable[list[int]]) -> tuple[list[int], list[int]]:
    """Rows of indices as (lengths, values): lengths compress better than offsets."""
    lengths: list[int] = []
    values: list[int] = []
    for row in rows:
        values.extend(row)
        lengths.append(len(row))
    return lengths, values


def rules_only_lexicon(patterns: dict[str, list[str]], gaps: dict[str, list[str]]) -> Lexicon:
    """An empty lexicon carrying only vowel patterns, to run the rules during the build."""
    data: dict[str, object] = {"format": FORMAT_VERSION, "total": 1, "patterns": patterns}
    data["gaps"] = gaps
    for name in ("words", "counts", "romanized", "romanization_values", "romanization_counts"):
        data[name] = []
    for name in ("group_values", "word_group_values", "romanization_lengths", "group_lengths"):
        data[name] = []
    data["word_group_lengths"] = []
    return Lexicon(data)


def pair_group(ranked: list[tuple[str, int]]) -> list[str]:
    """The spellings of one Arabic word that are variants of each other.

    An Arabic word can be read as more than one name (عمر is Omar, and sometimes Amr), so its
    spellings are not all variants of one another: only those whose phonetic key is the key
    of a main reading (seen at least twice and a tenth as often as the top one) are grouped.
    """
    top = ranked[0][1]
    anchors = {phonetic_key(s) for s, c in ranked if c >= 2 and c * 10 >= top} or {
        phonetic_key(ranked[0][0])
    }
    return [s for s, _ in ranked if phonetic_key(s) in anchors]


def clean_group(latin: set[str], arabic: set[str]) -> set[str]:
    """A rigour group without the Latin forms whose consonants match none of its other forms.

    Wikidata items mix a name with look-alikes (the item for Alison lists "ali"); a form is kept
    when its skeleton is close to an Arabic form's (or, with no Arabic form, to another Latin
    form's) skeleton: equal, or one class apart on three or more.
    """
    reference = {skeleton(a) for a in arabic}
    kept = set(arabic)
    for word in latin:
        others = reference or {skeleton(o) for o in latin if o != word}
        own = slavic_skeletons(word)
        if any(skeletons_close(a, b) for a in own for b in others):
            kept.add(word)
    return kept


def bridge_groups(groups: Iterable[RigourGroup]) -> Iterator[set[str]]:
    """One group per Cyrillic spelling shared by several rigour groups.

    Wikidata keeps one item per language's form of a name: Oleksiy (Ukrainian) and Alexei
    (Russian) are two items, both listing алексей. Read through that shared Cyrillic form they
    are one name, as a Ukrainian's passport and a Russian list spell it. Only Latin forms whose
    consonants match the Cyrillic form's join (the Olga items also list the nickname Olya), and
    a form shared by too many items (ян: Jan, Yan, Ian and Chinese Yang) bridges nothing.
    """
    by_form: dict[str, list[RigourGroup]] = defaultdict(list)
    for group in groups:
        for form in group.cyrillic:
            by_form[form].append(group)
    for form, members in sorted(by_form.items()):
        if len(form) < MIN_BRIDGE_FORM or not 2 <= len(members) <= MAX_BRIDGED_GROUPS:
            continue
        own = skeleton(form)
        words = {w for m in members for w in m.latin}
        kept = {w for w in words if any(skeletons_close(a, own) for a in slavic_skeletons(w))}
        if len(kept) >= 2:
            yield kept


def slavic_skeletons(word: str) -> set[str]:
    """A Latin word's skeleton, and its skeleton with a lone h read as g: Ukrainian and
    Belarusian spell with h the г that Russian spells with g (Ihor = Igor)."""
    return {skeleton(word), skeleton(LONE_H.sub("g", word))}


def skeletons_close(a: str, b: str) -> bool:
    """Equal skeletons, or one class apart when both have three or more."""
    return a == b or (min(len(a), len(b)) >= 3 and Levenshtein.distance(a, b) <= 1)


def pooled_counts(
    groups: list[tuple[str, ...]], latin_counts: Counter[str], arabic_counts: Counter[str]
) -> dict[str, int]:
    """Each word's count; a Latin word counts at least as much as the Arabic forms it shares
    a group with (mamadou counts as محمد), since the name, not the spelling, is what is common."""
    counts: dict[str, int] = dict(latin_counts)
    counts.update(arabic_counts)
    for group in groups:
        arabic_max = max((arabic_counts.get(w, 0) for w in group if not w.isascii()), default=0)
        if arabic_max:
            for word in group:
                if word.isascii() and counts.get(word, 0) < arabic_max:
                    counts[word] = arabic_max
    return {w: c for w, c in counts.items() if c > 0}


def write(payload: dict[str, object], out: Path) -> None:
    """Write the lexicon as gzip'd JSON, byte-for-byte reproducible."""
    raw = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> None:
    """Build the lexicon and print what went into it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="real data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .json.gz")
    args = parser.parse_args(argv)
    payload = build(args.data)
    write(payload, args.out)
    lexicon = read_lexicon(args.out.read_bytes())
    print(
        f"{args.out}: {args.out.stat().st_size:,} bytes, {len(lexicon):,} words, "
        f"{lexicon.group_count:,} groups, {lexicon.romanized_count:,} romanised Arabic words"
    )


if __name__ == "__main__":
    main()
