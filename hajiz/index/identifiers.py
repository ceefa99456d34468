"""What the index keeps of each entry besides its name keys: documents, birth years, name sizes.

Names alone find the candidates, but two things a traveller carries must not be lost among
namesakes: a document number the list gives (an exact match is decisive, whatever the name),
and a birth year that tells one Mohammed Ali Hassan from a hundred listed others. The size of
an entry's shortest name orders namesakes that tie on every key: against "Abdur Rehman", an
entry listed as just that scores higher than one listed as Abdul Rehman Makki.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from hajiz.matching.features.dates import EXACT_TOLERANCE_YEARS, year_bounds
from hajiz.matching.features.documents import normalize_document_number
from hajiz.matching.subjects import Subject
from hajiz.model import BirthDate, DateKind, Document, NameKind
from hajiz.names.analysis import AnalysedName, count_names

# Document numbers shorter than this (leading zeros aside) are too short to look up alone.
MIN_LOOKUP_NUMBER = 5
# Stands for "no birth year known" in the year arrays.
UNKNOWN_YEAR = 0
# Name sizes are kept in a byte.
MAX_PARTS = 255


def lookup_number(number: str) -> str:
    """A document number as the index keys it: normalised, without leading zeros."""
    return normalize_document_number(number).lstrip("0")


class Identifiers:
    """Per index slot: the entry's birth years; per document number: the slots that list it."""

    def __init__(self) -> None:
        self._documents: dict[str, list[int]] = {}
        self._first_year = array("h")
        self._last_year = array("h")
        self._fewest_parts = array("B")
        # Per full birth date (yyyymmdd), the slots of the entries that give it.
        self._born_on: dict[int, array[int]] = {}
        # A numpy copy of the name sizes for look-ups, made again after additions: a view
        # would stop the array growing while it lives.
        self._sizes: npt.NDArray[np.uint8] | None = None

    def add(
        self,
        slot: int,
        documents: Iterable[Document],
        births: Sequence[BirthDate],
        fewest_parts: int = 0,
    ) -> None:
        """Record the identifiers of the entry placed at `slot` (slots come in order), and the
        number of parts of its shortest name."""
        assert slot == len(self._first_year), "slots are added in order"
        self._fewest_parts.append(min(fewest_parts, MAX_PARTS))
        self._sizes = None
        day = next(filter(None, map(full_day, births)), 0)
        if day:
            self._born_on.setdefault(day, array("i")).append(slot)
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

    def longer_names(self, slots: npt.NDArray[np.intp], parts: int) -> npt.NDArray[np.int16]:
        """For each slot, how many parts its entry's shortest name has beyond `parts` (0 if
        none: an entry with a name as short as the traveller's, or shorter)."""
        if self._sizes is None:
            self._sizes = np.array(self._fewest_parts, dtype=np.uint8)
        fewest = self._sizes[slots].astype(np.int16)
        extra: npt.NDArray[np.int16] = np.maximum(fewest - parts, 0).astype(np.int16)
        return extra

    def born_on(self, day: int) -> npt.NDArray[np.int32]:
        """The slots (in order, removed ones too) whose entry gives `day` (yyyymmdd) as its
        full birth date: a few among a million."""
        return np.array(self._born_on.get(day, ()), dtype=np.int32)


def full_day(birth: BirthDate) -> int:
    """A stated full birth date as yyyymmdd, else 0 (a year, a range, or 1 January, which
    lists and passports write for an unknown day)."""
    date = birth.date
    if (
        birth.kind is not DateKind.EXACT
        or date is None
        or date.month is None
        or date.day is None
        or (date.month, date.day) == (1, 1)
    ):
        return 0
    return date.year * 10000 + date.month * 100 + date.day


def fewest_parts(names: Iterable[AnalysedName]) -> int:
    """The number of parts (titles aside) of the shortest name that has any."""
    return min((count_names(n.name_parts) for n in names if n.name_parts), default=0)


def listed_names(subject: Subject) -> list[AnalysedName]:
    """The names an entry is listed under: weak aliases aside, unless it has nothing else."""
    strong = [n.name for n in subject.names if n.kind is not NameKind.WEAK_ALIAS]
    return strong or [n.name for n in subject.names]
