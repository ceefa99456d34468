"""Rarity weights of name parts: from the name lexicon and from the list being screened.

A part common in the world's names (Muhammad) or in this watchlist (Ahmed, on a list of
Arabic-origin names) says little when it agrees; a rare one (Baghdadi) says a lot. The list's
own counts are shrunk toward zero for small lists, which cannot tell common from rare.
"""

from __future__ import annotations

from collections.abc import Callable

from hajiz.names.analysis import TITLE_WEIGHT, AnalysedPart, rarity_weight
from hajiz.names.structure import Role

# Pseudo-count of persons: a list needs to be large before its own counts dominate.
LIST_PRIOR = 1000
# Parts per person, to turn "share of persons" into "share of name tokens" like the lexicon's.
PARTS_PER_PERSON = 4.0
# Cached weights before the cache is reset (the list changes slowly; queries bring new parts).
CACHE_LIMIT = 200_000


class PartWeights:
    """Weigh parts by how rare they are, in the name data and in the indexed list."""

    def __init__(self, document_frequency: Callable[[str], int], persons: int) -> None:
        self._df = document_frequency
        self._persons = persons
        # Keyed by the part itself: parts are interned and hash by identity, which is fast.
        self._cache: dict[AnalysedPart, float] = {}

    def __call__(self, part: AnalysedPart) -> float:
        weight = self._cache.get(part)
        if weight is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            weight = self._compute(part)
            self._cache[part] = weight
        return weight

    def _compute(self, part: AnalysedPart) -> float:
        listed = max((self._df(f"p:{k}") for k in part.phonetic if k), default=0)
        share = listed / (self._persons + LIST_PRIOR) / PARTS_PER_PERSON
        weight = min(part.weight, rarity_weight(max(part.frequency, share)))
        return weight * TITLE_WEIGHT if part.role is Role.TITLE else weight
