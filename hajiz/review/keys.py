"""Who a traveller is, for suppression: identity keys built from the query, never a name alone.

A key is either an identity document (number and issuing country) with the birth date, or,
when no usable document was given, the normalised name with the full birth date. A query with
neither gives no key, and then nothing is ever suppressed for it: a name alone (or a name with
only a birth year) is shared by too many people to clear anyone on.

    >>> [k.text for k in traveller_keys(Query(names=("Mohammed ALI",),
    ...     birth_dates=(BirthDate.parse("1980-05-01"),)))]
    ['name:mohammed ali|born:1980-05-01']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from hajiz.model import BirthDate, DateKind, Query
from hajiz.names.normalize import normalize_name

# Spaces, dashes, dots and slashes inside a document number are how it was typed, not what it is.
_NUMBER_NOISE = re.compile(r"[\s\-./]+")


class KeyKind(StrEnum):
    """What a traveller key rests on."""

    DOCUMENT = "document"
    NAME = "name"


@dataclass(frozen=True)
class TravellerKey:
    """One identity key of a traveller; `text` is what is stored and compared."""

    kind: KeyKind
    text: str

    def __str__(self) -> str:
        return self.text


def document_number(number: str) -> str:
    """A document number as compared: capitals, without spaces, dashes, dots or slashes."""
    return _NUMBER_NOISE.sub("", number).upper()


def is_full_date(value: BirthDate) -> bool:
    """Whether a birth date is an exact day (not a year, a month, approximate or a range)."""
    return value.kind is DateKind.EXACT and value.date is not None and value.date.day is not None


def _dates(values: tuple[BirthDate, ...]) -> str:
    return ",".join(sorted({str(value) for value in values}))


def traveller_keys(query: Query) -> tuple[TravellerKey, ...]:
    """The traveller's identity keys: per document, else per name; empty when neither holds."""
    if query.birth_dates:
        born = _dates(query.birth_dates)
        documents = sorted(
            {
                f"document:{doc.country}:{document_number(doc.number)}|born:{born}"
                for doc in query.documents
                if doc.country and document_number(doc.number)
            }
        )
        if documents:
            return tuple(TravellerKey(KeyKind.DOCUMENT, text) for text in documents)
    full = tuple(value for value in query.birth_dates if is_full_date(value))
    if not full:
        return ()
    born = _dates(full)
    names = sorted({" ".join(words) for words in map(normalize_name, query.names) if words})
    return tuple(TravellerKey(KeyKind.NAME, f"name:{name}|born:{born}") for name in names)
