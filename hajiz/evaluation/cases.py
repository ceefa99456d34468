"""Labelled test cases: a query, the entries it should (or must not) find, and the watchlist."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from hajiz.model import Entry, Query


class Category(StrEnum):
    """One family of test cases, reported on its own row."""

    CROSS_SCRIPT_AR_LAT = "cross-script-ar-lat"
    CROSS_SCRIPT_LAT_AR = "cross-script-lat-ar"
    ALIAS_STRONG = "alias-strong"
    ALIAS_STRONG_DOB = "alias-strong-dob"
    ALIAS_WEAK = "alias-weak"
    VARIANTS = "variants"
    NEGATIVES_NO_DOB = "negatives-no-dob"
    NEGATIVES_DOB = "negatives-dob"
    NEAR_MISSES = "near-misses"

    @property
    def is_positive(self) -> bool:
        """Whether each query should find its expected entry (else it should find nothing)."""
        return self in POSITIVE_CATEGORIES

    @property
    def description(self) -> str:
        """One line for the report."""
        return _DESCRIPTIONS[self]


POSITIVE_CATEGORIES = frozenset(
    {
        Category.CROSS_SCRIPT_AR_LAT,
        Category.CROSS_SCRIPT_LAT_AR,
        Category.ALIAS_STRONG,
        Category.ALIAS_STRONG_DOB,
        Category.ALIAS_WEAK,
        Category.VARIANTS,
    }
)

_DESCRIPTIONS = {
    Category.CROSS_SCRIPT_AR_LAT: "Arabic-script query, watchlist holds only the Latin names",
    Category.CROSS_SCRIPT_LAT_AR: "Latin query, watchlist holds only the Arabic-script names",
    Category.ALIAS_STRONG: "held-out strong alias (UN 'Good', OFAC alt.csv) as the query",
    Category.ALIAS_STRONG_DOB: "the same strong aliases, with the birth date the list gives",
    Category.ALIAS_WEAK: "held-out weak alias (UN 'Low', OFAC remarks a.k.a.) as the query",
    Category.VARIANTS: "systematic variation of a listed name (MRZ, order, particle, ...)",
    Category.NEGATIVES_NO_DOB: "synthetic unlisted traveller, name only",
    Category.NEGATIVES_DOB: "synthetic unlisted traveller with a birth date",
    Category.NEAR_MISSES: "listed name, birth date >= 5 years off and another nationality",
}


class DobMode(StrEnum):
    """How a variant query states the birth date."""

    GIVEN = "dob-given"
    ABSENT = "dob-absent"
    ONE_YEAR_OFF = "dob-one-year-off"


@dataclass(frozen=True)
class Case:
    """One query and what it should find.

    `expected` holds the entry ids that count as the right answer (the listed person and,
    where the same person is on both lists, their twin). For negatives it is empty; for near
    misses it holds the entries bearing that exact name, which must all stay below threshold.
    """

    id: str
    category: Category
    query: Query
    expected: frozenset[str] = frozenset()
    kind: str = ""  # sub-kind: the variant transform, alias source, ...
    dob_mode: DobMode | None = None
    source_name: str = ""  # the listed name the query was made from, for the miss report
    relation: str = ""  # aliases: whether the query shares any name key with what is left


# An alias that shares no matching key with any name left on the list (Torres Hernandez for
# Davila Lopez) is beyond any name matcher; the report counts these apart.
SHARES_A_KEY = "shares-a-name-key"
SHARES_NO_KEY = "shares-no-name-key"


@dataclass(frozen=True)
class CaseSet:
    """The cases of one category and the watchlist they are screened against."""

    category: Category
    cases: tuple[Case, ...]
    watchlist: tuple[Entry, ...]
    notes: dict[str, int | str] = field(default_factory=dict)
