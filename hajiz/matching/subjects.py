"""Entries and queries prepared for scoring: names analysed once, secondary data kept compact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from hajiz.countries import to_country_code
from hajiz.model import BirthDate, Document, Entry, Gender, NameKind, Query
from hajiz.names.analysis import AnalysedName, analyse

# Arabic and Latin spellings of the same name are near duplicates; cap the names per subject so
# one entry with 80 aliases cannot dominate scoring time.
MAX_NAMES_PER_SUBJECT = 40


# Named tuples, not dataclasses: a million subjects and two million names come back from a
# snapshot several times faster as tuples.
class SubjectName(NamedTuple):
    """One analysed name of a subject and what it is to it."""

    name: AnalysedName
    kind: NameKind


class Subject(NamedTuple):
    """A watchlist entry prepared for the index and the matcher."""

    id: str
    agency: str
    source: str
    version: int
    schema: str
    names: tuple[SubjectName, ...]
    birth_dates: tuple[BirthDate, ...]
    nationalities: tuple[str, ...]
    birth_countries: tuple[str, ...]
    gender: Gender | None
    documents: tuple[Document, ...]
    releasable_to: tuple[str, ...] | None
    source_version: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class PreparedQuery:
    """A query with its names analysed once."""

    query: Query
    names: tuple[AnalysedName, ...]
    nationalities: tuple[str, ...]
    keys: frozenset[str] = frozenset()  # every matching key of its names' parts


def _unique_names(entry: Entry, analyser: Callable[[str], AnalysedName]) -> list[SubjectName]:
    seen: dict[str, SubjectName] = {}
    for name in entry.names:
        analysed = analyser(name.full)
        if not analysed.name_parts:
            continue
        key = " ".join(p.part.label for p in analysed.name_parts)
        previous = seen.get(key)
        # Keep the strongest kind for duplicates: a primary beats a weak alias of the same text.
        if previous is None or _kind_rank(name.kind) < _kind_rank(previous.kind):
            seen[key] = SubjectName(analysed, name.kind)
    return list(seen.values())[:MAX_NAMES_PER_SUBJECT]


def _kind_rank(kind: NameKind) -> int:
    order = (NameKind.PRIMARY, NameKind.ORIGINAL_SCRIPT, NameKind.ALIAS, NameKind.WEAK_ALIAS)
    return order.index(kind)


@lru_cache(maxsize=1 << 16)
def _shared(birth_dates: tuple[BirthDate, ...]) -> tuple[BirthDate, ...]:
    """One object per distinct set of birth dates: entries share few, and a snapshot then
    stores (and loads) each once."""
    return birth_dates


def prepare_entry(entry: Entry, analyser: Callable[[str], AnalysedName] = analyse) -> Subject:
    """Analyse an entry's names and compact its secondary data.

    `analyser` gives a name's analysis: `analyse` itself, or names already analysed (see
    `matching.preparing`)."""
    birth_countries = tuple(
        dict.fromkeys(p.country for p in entry.birth_places if p.country is not None)
    )
    return Subject(
        id=entry.id,
        agency=entry.agency,
        source=entry.source,
        version=entry.version,
        schema=entry.schema_.value,
        names=tuple(_unique_names(entry, analyser)),
        birth_dates=_shared(entry.birth_dates),
        nationalities=entry.nationalities,
        birth_countries=birth_countries,
        gender=entry.gender,
        documents=entry.documents,
        releasable_to=entry.releasable_to,
        source_version=entry.source_version,
    )


def prepare_query(query: Query) -> PreparedQuery:
    """Analyse a query's names; map its countries to ISO codes."""
    names = tuple(a for a in (analyse(n) for n in query.names) if a.name_parts)
    nationalities = tuple(
        dict.fromkeys(c for c in (to_country_code(n) for n in query.nationalities) if c)
    )
    keys = frozenset().union(*(name.keys() for name in names))
    return PreparedQuery(query=query, names=names, nationalities=nationalities, keys=keys)
