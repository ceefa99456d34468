"""A synthetic population of travellers who are not listed, drawn from real name frequencies.

Name tokens and their frequencies come from the Wikidata person-name transliteration pairs
(Latin token, Arabic spelling, count). A token counts as Arabic-origin when its usual Arabic
spelling has a letter that European names transliterated into Arabic do not use
(ع ح ق ص ض ظ خ); the rest form the "other" pool. The rigour name groups give each token its other
Latin spellings, so travellers carry the spelling spread real passports show.
"""

from __future__ import annotations

import lzma
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hajiz.errors import ConfigError
from hajiz.evaluation.watchlist import name_key

WIKIDATA_TOKENS = Path("wikidata_netransliteration_arabic/wd_arabic.normalized.aligned.tokens")
RIGOUR_GROUPS = Path("rigour_person_names/persons.txt.xz")

ARABIC_ORIGIN_LETTERS = frozenset("عحقصضظخ")
ARABIC_ARTICLE = "ال"
# Short words that are particles, not names, in the token list.
_NOT_NAMES = frozenset(
    {"von", "van", "der", "den", "del", "della", "des", "dos", "das", "les", "the", "iii", "vii"}
)
ARABIC_SHARE = 0.6  # of travellers with an Arabic-origin name
ARABIC_SCRIPT_SHARE = 0.25  # of those, written in Arabic script
RESPELL_SHARE = 0.3  # chance that a token takes another Latin spelling from its rigour group
FIRST_BIRTH = date(1940, 1, 1)
LAST_BIRTH = date(2006, 12, 31)


@dataclass(frozen=True)
class NamePool:
    """Name tokens with their frequency weights and usual Arabic spelling."""

    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    arabic: dict[str, str] = field(default_factory=dict)

    def draw(self, rng: random.Random) -> str:
        """One token, drawn in proportion to its frequency."""
        return rng.choices(self.tokens, weights=self.weights, k=1)[0]


@dataclass(frozen=True)
class NameFrequencies:
    """The two pools of name tokens and the alternative spellings of each token."""

    arabic_origin: NamePool
    other: NamePool
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Traveller:
    """A synthetic traveller: one name, maybe a birth date."""

    name: str
    birth_date: date | None
    is_arabic_origin: bool


def _is_name_token(token: str) -> bool:
    return token.isascii() and token.isalpha() and len(token) >= 3 and token not in _NOT_NAMES


def pools_from_counts(
    counts: dict[str, int], arabic: dict[str, str], min_count: int = 2
) -> tuple[NamePool, NamePool]:
    """Split counted tokens into the Arabic-origin pool and the other pool."""
    arabic_tokens: list[str] = []
    other_tokens: list[str] = []
    for token in sorted(counts):
        if counts[token] < min_count or not _is_name_token(token):
            continue
        spelling = arabic.get(token, "")
        if any(ch in ARABIC_ORIGIN_LETTERS for ch in spelling):
            arabic_tokens.append(token)
        else:
            other_tokens.append(token)

    def pool(tokens: list[str]) -> NamePool:
        return NamePool(
            tuple(tokens),
            tuple(float(counts[t]) for t in tokens),
            {t: arabic[t] for t in tokens if t in arabic},
        )

    return pool(arabic_tokens), pool(other_tokens)


def read_wikidata_counts(path: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Token counts and each token's most frequent Arabic spelling from the Wikidata pairs."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or not fields[2].isdigit():
                continue
            token, letters, count = fields[0], fields[1].replace(" ", ""), int(fields[2])
            counts[token] += count
            spellings[token][letters] += count
    best = {t: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for t, c in spellings.items()}
    return dict(counts), best


def read_rigour_spellings(path: Path, wanted: set[str]) -> dict[str, tuple[str, ...]]:
    """Other plain Latin spellings of each wanted token, from the rigour name groups."""
    found: dict[str, set[str]] = defaultdict(set)
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            forms_text, _, _ = line.partition("=>")
            forms = [f.strip() for f in forms_text.split(",")]
            latin = [f for f in forms if _is_name_token(f)]
            hits = [f for f in latin if f in wanted]
            for token in hits:
                found[token].update(f for f in latin if f != token)
    return {token: tuple(sorted(forms)) for token, forms in sorted(found.items())}


def load_name_frequencies(real_data_dir: Path) -> NameFrequencies:
    """Read the name pools from the shared real data."""
    tokens_path = real_data_dir / WIKIDATA_TOKENS
    if not tokens_path.is_file():
        raise ConfigError(f"Name frequencies not found at {tokens_path} (set --data)")
    counts, arabic = read_wikidata_counts(tokens_path)
    arabic_pool, other_pool = pools_from_counts(counts, arabic)
    spellings: dict[str, tuple[str, ...]] = {}
    rigour_path = real_data_dir / RIGOUR_GROUPS
    if rigour_path.is_file():
        spellings = read_rigour_spellings(rigour_path, set(arabic_pool.tokens))
    return NameFrequencies(arabic_pool, other_pool, spellings)


def _spell(token: str, frequencies: NameFrequencies, rng: random.Random) -> str:
    alternatives = frequencies.spellings.get(token, ())
    if alternatives and rng.random() < RESPELL_SHARE:
        token = rng.choice(alternatives)
    return token.capitalize()


def _arabic_origin_name(frequencies: NameFrequencies, rng: random.Random) -> str:
    pool = frequencies.arabic_origin
    words = [pool.draw(rng) for _ in range(rng.choice((2, 3, 3, 4)))]
    has_article = rng.random() < 0.4
    if rng.random() < ARABIC_SCRIPT_SHARE and all(w in pool.arabic for w in words):
        arabic = [pool.arabic[w] for w in words]
        if has_article:
            arabic[-1] = ARABIC_ARTICLE + arabic[-1]
        return " ".join(arabic)
    latin = [_spell(w, frequencies, rng) for w in words]
    if has_article:
        latin[-1] = f"{rng.choice(('Al-', 'Al ', 'El-'))}{latin[-1]}"
    return " ".join(latin)


def _other_name(frequencies: NameFrequencies, rng: random.Random) -> str:
    count = 3 if rng.random() < 0.3 else 2
    return " ".join(frequencies.other.draw(rng).capitalize() for _ in range(count))


def random_birth_date(rng: random.Random) -> date:
    """A birth date drawn uniformly from 1940-01-01 to 2006-12-31."""
    return FIRST_BIRTH + timedelta(days=rng.randrange((LAST_BIRTH - FIRST_BIRTH).days + 1))


def synthesise_travellers(
    frequencies: NameFrequencies,
    count: int,
    rng: random.Random,
    *,
    listed_keys: frozenset[tuple[str, ...]],
    with_birth_date: bool,
) -> list[Traveller]:
    """`count` travellers none of whom bears exactly the name of a listed person.

    `listed_keys` holds the `name_key` of every listed name. Common names may recur, as they do
    among real travellers.
    """
    travellers: list[Traveller] = []
    attempts = 0
    while len(travellers) < count:
        attempts += 1
        if attempts > count * 50:
            raise ConfigError(f"Could not draw {count} unlisted travellers (too many collisions)")
        is_arabic = rng.random() < ARABIC_SHARE
        name = _arabic_origin_name(frequencies, rng) if is_arabic else _other_name(frequencies, rng)
        born = random_birth_date(rng) if with_birth_date else None
        name_words = name_key(name)
        if not name_words or name_words in listed_keys:
            continue
        travellers.append(Traveller(name, born, is_arabic))
    return travellers
