"""Build screening queries from what travellers' data looks like on the wire.

A query arrives as a yente-style FollowTheMoney object
(`{"id": "q1", "schema": "Person", "properties": {"name": [...], "birthDate": [...], ...}}`),
as a CSV row, or as command-line options. Every path ends here, so every path gets the same
checks and the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hajiz.countries import to_country_code
from hajiz.errors import InvalidInput
from hajiz.model import BirthDate, Document, Gender, Query
from hajiz.names.normalize import clean

# Limits on one query; names longer than the setting are refused, see Settings.max_name_length.
MAX_NAMES = 20
MAX_VALUES = 20

_NAME_PROPERTIES = ("name", "alias")
_GENDERS = {"male": Gender.MALE, "m": Gender.MALE, "female": Gender.FEMALE, "f": Gender.FEMALE}
_DOCUMENT_PROPERTIES = {"passportNumber": "passport", "idNumber": "id"}


def check_name(name: str, max_name_length: int) -> str:
    """Return the name cleaned, or raise InvalidInput naming the problem and the limit."""
    if not isinstance(name, str):
        raise InvalidInput(f"A name must be a string, not {type(name).__name__}")
    if len(name) > max_name_length:
        raise InvalidInput(f"Name is {len(name)} characters long; the limit is {max_name_length}")
    if "\x00" in name:
        raise InvalidInput("Name contains a NUL character")
    cleaned = clean(name).strip()
    if not any(ch.isalpha() for ch in cleaned):
        raise InvalidInput(f"Name {name[:40]!r} has no letters")
    return cleaned


def parse_gender(value: str | None) -> Gender | None:
    """Map male/female/m/f (any case) to a Gender; other values are unknown."""
    if not value:
        return None
    return _GENDERS.get(value.strip().lower())


def parse_document(text: str) -> Document:
    """Parse `TYPE:NUMBER:COUNTRY` (COUNTRY optional) into a Document."""
    fields = [f.strip() for f in text.split(":")]
    if len(fields) == 1:
        fields = ["document", fields[0]]
    if len(fields) not in (2, 3) or not fields[1]:
        raise InvalidInput(f"Document {text!r} is not TYPE:NUMBER[:COUNTRY]")
    country = to_country_code(fields[2]) if len(fields) == 3 and fields[2] else None
    return Document(type=fields[0] or "document", number=fields[1], country=country)


def parse_birth_date(text: str) -> BirthDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD, or raise InvalidInput."""
    try:
        return BirthDate.parse(text)
    except ValueError:
        raise InvalidInput(
            f"Birth date {text!r} is not a real date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None


def build_query(
    names: list[str],
    *,
    query_id: str | None = None,
    birth_dates: list[str] = (),  # type: ignore[assignment]
    nationalities: list[str] = (),  # type: ignore[assignment]
    gender: str | None = None,
    documents: list[str] = (),  # type: ignore[assignment]
    max_name_length: int = 500,
) -> Query:
    """Build a query from plain values, checking every one."""
    if not names:
        raise InvalidInput("A query needs at least one name")
    if len(names) > MAX_NAMES:
        raise InvalidInput(f"A query has {len(names)} names; the limit is {MAX_NAMES}")
    for label, values in (("birth dates", birth_dates), ("nationalities", nationalities)):
        if len(values) > MAX_VALUES:
            raise InvalidInput(f"A query has {len(values)} {label}; the limit is {MAX_VALUES}")
    return Query(
        id=query_id,
        names=tuple(check_name(n, max_name_length) for n in names),
        birth_dates=tuple(parse_birth_date(d) for d in birth_dates if d),
        nationalities=tuple(c for c in (to_country_code(n) for n in nationalities) if c),
        gender=parse_gender(gender),
        documents=tuple(parse_document(d) for d in documents if d),
    )


def _strings(properties: Mapping[str, Any], key: str) -> list[str]:
    value = properties.get(key, [])
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"Property {key!r} must be a list of strings")
    return value


def query_from_ftm(data: Any, *, max_name_length: int = 500) -> Query:
    """Build a query from a yente-style FollowTheMoney object."""
    if not isinstance(data, Mapping):
        raise InvalidInput("A query must be a JSON object")
    properties = data.get("properties", {})
    if not isinstance(properties, Mapping):
        raise InvalidInput("'properties' must be an object")
    query_id = data.get("id")
    if query_id is not None and not isinstance(query_id, str | int):
        raise InvalidInput("'id' must be a string")
    names = [n for key in _NAME_PROPERTIES for n in _strings(properties, key)]
    # Name parts alone are too weak to screen on: join them into one full name.
    parts = [
        _strings(properties, key)[:1]
        for key in ("firstName", "secondName", "middleName", "fatherName", "lastName")
    ]
    joined = " ".join(p[0] for p in parts if p)
    if joined:
        names.append(joined)
    documents = [
        f"{label}:{number}" for key, label in _DOCUMENT_PROPERTIES.items()
        for number in _strings(properties, key)
    ]  # fmt: skip
    genders = _strings(properties, "gender")
    return build_query(
        list(dict.fromkeys(names)),
        query_id=None if query_id is None else str(query_id),
        birth_dates=_strings(properties, "birthDate"),
        nationalities=_strings(properties, "nationality") + _strings(properties, "citizenship"),
        gender=genders[0] if genders else None,
        documents=documents,
        max_name_length=max_name_length,
    )
