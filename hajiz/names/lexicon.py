"""The name lexicon: Arabic words' Latin spellings, variant groups, and word frequencies.

Built by `scripts/build_lexicon.py` from the training splits of three public data sets (see
NOTICE) and shipped as `hajiz/names/data/lexicon.json.gz`. Every word in it is normalised
with `normalize.normalize_word` (Latin: letters only), so look-ups take normalised words.

Frequency scale: `frequency(word)` is the word's count in the name data divided by the total
count of Latin name tokens there (about 230,000), so it is a relative frequency in [0, 1]:
muhammad ≈ 4e-3, ali ≈ 3e-3, baghdadi ≈ 1e-5, 0 for an unseen word. A Latin spelling counts at
least as much as the Arabic name it spells (mamadou and mehmed are as common as محمد), since
how common a *name* is, not a spelling, is what makes agreeing on it weak evidence.

The words live once in a list; everything else refers to them by index in flat arrays, which
keeps the loaded lexicon around 40 MB for 250,000 words and every look-up O(1).
"""

from __future__ import annotations

import gzip
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson

from hajiz.errors import ConfigError

DATA_PACKAGE = "hajiz.names"
DATA_FILE = "data/lexicon.json.gz"
FORMAT_VERSION = 1


def _csr(rows: Iterable[Sequence[int]]) -> tuple[array[int], array[int]]:
    """Rows of indices as (offsets, flat values): row i is values[offsets[i]:offsets[i + 1]]."""
    offsets = array("I", [0])
    values = array("I")
    for row in rows:
        values.extend(row)
        offsets.append(len(values))
    return offsets, values


class Lexicon:
    """Look-ups into the name lexicon; every argument is a normalised word."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("format") != FORMAT_VERSION:
            raise ConfigError(
                f"Name lexicon has format {data.get('format')!r}, expected {FORMAT_VERSION}: "
                "rebuild it with scripts/build_lexicon.py",
                status=500,
            )
        self._words: list[str] = data["words"]
        self._index: dict[str, int] = {w: i for i, w in enumerate(self._words)}
        self._counts = array("I", data["counts"])
        self._total: int = max(1, int(data["total"]))
        # Romanisations: row i lists Latin word indices for the Arabic word romanized_keys[i].
        self._romanized_row: dict[int, int] = {
            row[0]: i for i, row in enumerate(data["romanizations"])
        }
        self._rom_offsets, self._rom_values = _csr(row[1:] for row in data["romanizations"])
        self._group_offsets, self._group_values = _csr(data["groups"])
        # Invert groups: for each word, the groups it belongs to.
        member_of: list[list[int]] = [[] for _ in self._words]
        for group_id, members in enumerate(data["groups"]):
            for member in members:
                member_of[member].append(group_id)
        self._word_group_offsets, self._word_group_values = _csr(member_of)
        self._patterns: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in data["patterns"].items()
        }
        self._gaps: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data["gaps"].items()}
        self._max_count = max(self._counts, default=0)

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __len__(self) -> int:
        return len(self._words)

    @property
    def group_count(self) -> int:
        """How many variant groups the lexicon holds."""
        return len(self._group_offsets) - 1

    def romanizations(self, arabic_word: str) -> tuple[str, ...]:
        """Known Latin spellings of an Arabic word, most common first (empty if unknown)."""
        index = self._index.get(arabic_word)
        row = self._romanized_row.get(index) if index is not None else None
        if row is None:
            return ()
        start, end = self._rom_offsets[row], self._rom_offsets[row + 1]
        return tuple(self._words[i] for i in self._rom_values[start:end])

    def group_ids(self, word: str) -> frozenset[int]:
        """Ids of the variant groups a Latin or Arabic word belongs to (matching keys)."""
        index = self._index.get(word)
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
        index = self._index.get(word)
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
