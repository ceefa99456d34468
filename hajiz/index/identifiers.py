"""What the index keeps of each entry besides its names: document numbers and birth years.

Names alone find the candidates, but two things a traveller carries must not be lost among
namesakes: a document number the list gives (an exact match is decisive, whatever the name),
and a birth year that tells one Mohammed Ali Hassan from a hundred listed others.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from hajiz.matching.features.dates import EXACT_TOLERANCE_YEARS, year_bounds
from hajiz.matching.features.documents import normalize_document_number
from hajiz.model import BirthDate, Document

# Document numbers shorter than this (leading zeros aside) are too short to look up alone.
MIN_LOOKUP_NUMBER = 5
# Stands for "no birth year known" in the year arrays.
UNKNOWN_YEAR = 0


def lookup_number(number: str) -> str:
    """A document number as the index keys it: normalised, without leading zeros."""
    return normalize_document_number(number).lstrip("0")


class Identifiers:
    """Per index slot: the entry's birth years; per document number: the slots that list it."""

    def __init__(self) -> None:
        self._documents: dict[str, list[int]] = {}
        self._first_year = array("h")
        self._last_year = array("h")

    def add(self, slot: int, documents: Iterable[Document], births: Sequence[BirthDate]) -> None:
        """Record the identifiers of the entry placed at `slot` (slots come in order)."""
        assert slot == len(self._first_year), "slots are added in order"
        for document in documents:
            number = lookup_number(document.number)
            if len(number) >= MIN_LOOKUP_NUMBER:
                self._documents.setdefault(number, []).append(slot)
        bounds = year_bounds(births)
        first, last = bounds if bounds is not None else (UNKNOWN_YEAR, UNKNOWN_YEAR)
        self._first_year.append(first)
        self._last_year.append(last)

    def slots_listing(self, documents: Iterable[Document]) -> list[int]:
        """The slots of entries that list one of these document numbers (removed ones too)."""
        slots: dict[int, None] = {}
        for document in documents:
            for slot in self._documents.get(lookup_number(document.number), ()):
                slots[slot] = None
        return list(slots)

    def born_near(
        self, slots: npt.NDArray[np.intp], born: tuple[int, int]
    ) -> npt.NDArray[np.bool_]:
        """Whether each slot's entry was born within the years `born` covers, give or take
        the tolerance the birth-date feature allows."""
        # Read slot by slot: a view of the arrays would stop them growing while it lives.
        first = np.fromiter((self._first_year[s] for s in slots), np.int16, len(slots))
        last = np.fromiter((self._last_year[s] for s in slots), np.int16, len(slots))
        low, high = born[0] - EXACT_TOLERANCE_YEARS, born[1] + EXACT_TOLERANCE_YEARS
        known: npt.NDArray[np.bool_] = first != UNKNOWN_YEAR
        return known & (first <= high) & (last >= low)
