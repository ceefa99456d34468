"""The name lexicon: Arabic words' Latin spellings, variant groups, and word frequencies.

Built by `scripts/build_lexicon.py` from the training splits of three public data sets (see
NOTICE) and shipped as `hajiz/names/data/lexicon.json.gz`. Every word in it is normalised
with `normalize.normalize_word` (Latin: letters only), so look-ups take normalised words.

Frequency scale: `frequency(word)` is the word's count in the name data (Wikidata token counts
plus one per Google pair) divided by the total count of Latin name tokens there (225,427), so
it is a relative frequency in [0, 1]: muhammad ≈ 3.2e-3, ali ≈ 2.7e-3, hassan ≈ 1e-3,
baghdadi ≈ 1.8e-5, and 0 for an unseen word. A Latin spelling counts at least as much as the
Arabic word it shares a variant group with (mamadou and mehmed count as محمد), because how
common a *name* is, not one spelling of it, is what makes agreeing on it weak evidence.

Arabic words are kept without the article; `group_ids`, `count` and `frequency` also find
البغدادي under بغدادي.

The words live once in a list; everything else refers to them by index in flat arrays, which
keeps the loaded lexicon near 55 MB for 205,000 words and every look-up O(1).
"""

from __future__ import annotations

import gzip
from array import array
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

import orjson

from hajiz.errors import ConfigError

DATA_PACKAGE = "hajiz.names"
DATA_FILE = "data/lexicon.json.gz"
FORMAT_VERSION = 3
_ARABIC_ARTICLE = "ال"


def _offsets(lengths: list[int]) -> array[int]:
    """Row offsets from row lengths: [2, 3] → [0, 2, 5]."""
    return array("I", accumulate(lengths, initial=0))


class Lexicon:
    """Look-ups into the name lexicon; every argument is a normalised word."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT_VERSION:
            raise ConfigError(
                f"Name lexicon has format {data.get('format')!r}, expected {FORMAT_VERSION}: "
                "rebuild it with scripts/build_lexicon.py",
                status=500,
            )
        # Rows of indices are stored flat, with their lengths; loaded as offsets so that
        # row i is values[offsets[i]:offsets[i + 1]].
        self._words: list[str] = data["words"]
        self._index: dict[str, int] = dict(zip(self._words, range(len(self._words)), strict=True))
        self._counts = array("I", data["counts"])
        self._total: int = max(1, int(data["total"]))
        # Romanisations: for the i-th romanised Arabic word, its spellings and pair counts.
        romanized = data["romanized"]
        self._romanized_row: dict[int, int] = dict(
            zip(romanized, range(len(romanized)), strict=True)
        )
        self._rom_offsets = _offsets(data["romanization_lengths"])
        self._rom_values = array("I", data["romanization_values"])
        self._rom_counts = array("I", data["romanization_counts"])
        self._group_offsets = _offsets(data["group_lengths"])
        self._group_values = array("I", data["group_values"])
        # The same groups inverted: for each word, the groups it belongs to.
        self._word_group_offsets = _offsets(data["word_group_lengths"])
        self._word_group_values = array("I", data["word_group_values"])
        self._patterns: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in data["patterns"].items()
        }
        self._gaps: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data["gaps"].items()}

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def _find(self, word: str) -> int | None:
        """A word's index, trying an Arabic word without its article too."""
        index = self._index.get(word)
        if index is None and word.startswith(_ARABIC_ARTICLE) and len(word) >= 5:
            index = self._index.get(word[2:])
        return index

    def __len__(self) -> int:
        return len(self._words)

    @property
    def group_count(self) -> int:
        """How many variant groups the lexicon holds."""
        return len(self._group_offsets) - 1

    @property
    def romanized_count(self) -> int:
        """How many Arabic words have known Latin spellings."""
        return len(self._romanized_row)

    def romanizations(self, arabic_word: str) -> tuple[str, ...]:
        """Known Latin spellings of an Arabic word, most common first (empty if unknown)."""
        index = self._index.get(arabic_word)
        row = self._romanized_row.get(index) if index is not None else None
        if row is None:
            return ()
        start, end = self._rom_offsets[row], self._rom_offsets[row + 1]
        return tuple(self._words[i] for i in self._rom_values[start:end])

    def romanization_counts(self, arabic_word: str) -> tuple[tuple[str, int], ...]:
        """Known Latin spellings of an Arabic word with how often the pair was seen."""
        index = self._index.get(arabic_word)
        row = self._romanized_row.get(index) if index is not None else None
        if row is None:
            return ()
        start, end = self._rom_offsets[row], self._rom_offsets[row + 1]
        return tuple(
            (self._words[self._rom_values[i]], self._rom_counts[i]) for i in range(start, end)
        )

    def group_ids(self, word: str) -> frozenset[int]:
        """Ids of the variant groups a Latin or Arabic word belongs to (matching keys)."""
        index = self._find(word)
        if index is None:
            return frozenset()
        start, end = self._word_group_offsets[index], self._word_group_offsets[index + 1]
        return frozenset(self._word_group_values[start:end])

    def group_members(self, group_id: int) -> tuple[str, ...]:
        """Every word (Latin and Arabic) of one variant group."""
        start, end = self._group_offsets[group_id], self._group_offsets[group_id + 1]
        return tuple(self._words[i] for i in self._group_values[start:end])

    def variants(self, latin_word: str) -> frozenset[str]:
        """All Latin spellings sharing a variant group with the word, the word included."""
        found = {latin_word}
        for group_id in self.group_ids(latin_word):
            found.update(w for w in self.group_members(group_id) if w.isascii())
        return frozenset(found)

    def are_variants(self, a: str, b: str) -> bool:
        """Whether two words (any scripts) share a variant group, or are the same word."""
        return a == b or bool(self.group_ids(a) & self.group_ids(b))

    def arabic_forms(self, latin_word: str) -> tuple[str, ...]:
        """Arabic spellings in the word's variant groups, most common first."""
        forms: dict[str, int] = {}
        for group_id in self.group_ids(latin_word):
            for word in self.group_members(group_id):
                if not word.isascii():
                    forms[word] = self.count(word)
        return tuple(sorted(forms, key=lambda w: (-forms[w], w)))

    def count(self, word: str) -> int:
        """The word's count in the name data (0 if unseen); see the module docstring."""
        index = self._find(word)
        return 0 if index is None else self._counts[index]

    def frequency(self, word: str) -> float:
        """Relative frequency of the word among name tokens, in [0, 1] (0 = unseen)."""
        return min(1.0, self.count(word) / self._total)

    def vowel_patterns(self, shape: str) -> tuple[str, ...]:
        """Learned vowel templates for an Arabic word shape (see romanize), best first."""
        return self._patterns.get(shape, ())

    def gap_spellings(self, key: str) -> tuple[str, ...]:
        """Learned Latin spellings of one vowel gap (see romanize.gap_key), best first."""
        return self._gaps.get(key, ())


def read_lexicon(raw: bytes) -> Lexicon:
    """A lexicon from the bytes of a gzip'd JSON data file."""
    return Lexicon(orjson.loads(gzip.decompress(raw)))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    resource = resources.files(DATA_PACKAGE).joinpath(DATA_FILE)
    try:
        raw = resource.read_bytes()
    except FileNotFoundError as error:
        raise ConfigError(
            f"Name lexicon {DATA_PACKAGE}/{DATA_FILE} is missing: "
            "build it with scripts/build_lexicon.py",
            status=500,
        ) from error
    return read_lexicon(raw)
