"""The watchlist data model: entries, their names, dates, places and documents, and queries.

Everything here is plain data. Values are kept exactly as the source states them: a birth
date given as a year stays a year, a range stays a range; nothing is invented or widened.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator


class Frozen(BaseModel):
    """Base of every model value: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Script(StrEnum):
    """The writing system a name is written in."""

    LATIN = "latin"
    ARABIC = "arabic"
    CYRILLIC = "cyrillic"
    OTHER = "other"


class NameKind(StrEnum):
    """What a name is to its entry."""

    PRIMARY = "primary"
    ALIAS = "alias"
    WEAK_ALIAS = "weak_alias"
    ORIGINAL_SCRIPT = "original_script"


class EntrySchema(StrEnum):
    """What an entry describes."""

    PERSON = "Person"
    ORGANIZATION = "Organization"


class Gender(StrEnum):
    """A person's gender as lists state it."""

    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class DateKind(StrEnum):
    """How a source qualifies a date: as exact, approximate, or a range between two dates."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    BETWEEN = "between"


class NamePart(Frozen):
    """One structured part of a name, as the source labels it (e.g. first, second, family)."""

    kind: str
    value: str


class Name(Frozen):
    """A name exactly as written in the source."""

    full: str
    script: Script = Script.LATIN
    kind: NameKind = NameKind.PRIMARY
    quality: str | None = None
    parts: tuple[NamePart, ...] = ()
    note: str | None = None


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(Frozen):
    """A date known to the year, the month or the day."""

    year: Annotated[int, Field(ge=1, le=9999)]
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    day: Annotated[int, Field(ge=1, le=31)] | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError otherwise."""
        match = _PARTIAL_DATE.match(text.strip())
        if match is None:
            raise ValueError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = match.groups()
        value = cls(
            year=int(year),
            month=int(month) if month else None,
            day=int(day) if day else None,
        )
        if value.day is not None and value.month is not None:
            datetime(value.year, value.month, value.day)  # raises ValueError on 2001-02-30
        return value

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


class BirthDate(Frozen):
    """One birth date as a source states it: a (partial) date, approximate, or a range."""

    kind: DateKind = DateKind.EXACT
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    note: str | None = None

    @classmethod
    def parse(cls, text: str) -> BirthDate:
        """Parse `YYYY[-MM[-DD]]` or a range `YYYY..YYYY` (either side partial)."""
        if ".." in text:
            start, end = text.split("..", 1)
            return cls(
                kind=DateKind.BETWEEN,
                start=PartialDate.parse(start),
                end=PartialDate.parse(end),
            )
        return cls(date=PartialDate.parse(text))

    def __str__(self) -> str:
        if self.kind is DateKind.BETWEEN:
            return f"{self.start}..{self.end}"
        prefix = "~" if self.kind is DateKind.APPROXIMATE else ""
        return f"{prefix}{self.date}"


class Place(Frozen):
    """A place, as text plus the country's ISO 3166 alpha-2 code where recognisable."""

    text: str
    country: str | None = None


class Document(Frozen):
    """An identity document: passport, national id, ..."""

    type: str
    number: str
    country: str | None = None
    note: str | None = None


class Entry(Frozen):
    """One watchlist entry: a listed person (or organisation) with everything known of them."""

    id: str
    schema_: EntrySchema = Field(default=EntrySchema.PERSON, alias="schema")
    agency: str
    source: str
    source_version: str | None = None
    names: tuple[Name, ...]
    birth_dates: tuple[BirthDate, ...] = ()
    birth_places: tuple[Place, ...] = ()
    nationalities: tuple[str, ...] = ()
    gender: Gender | None = None
    documents: tuple[Document, ...] = ()
    programs: tuple[str, ...] = ()
    listing_reason: str | None = None
    listed_on: str | None = None
    remarks: str | None = None
    releasable_to: tuple[str, ...] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @field_validator("names")
    @classmethod
    def _has_a_name(cls, names: tuple[Name, ...]) -> tuple[Name, ...]:
        if not names:
            raise ValueError("an entry needs at least one name")
        return names

    @property
    def primary_name(self) -> str:
        """The name to show first: the primary one, else the first."""
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.full
        return self.names[0].full

    def content_hash(self) -> str:
        """A digest of what the entry says, ignoring bookkeeping (times, version, list version)."""
        content = self.model_dump(
            mode="json",
            by_alias=True,
            exclude={"created_at", "updated_at", "version", "source_version"},
        )
        return hashlib.sha256(orjson.dumps(content, option=orjson.OPT_SORT_KEYS)).hexdigest()

    def to_json(self) -> bytes:
        """Serialise for storage."""
        return self.model_dump_json(by_alias=True, exclude_none=True).encode()

    @classmethod
    def from_json(cls, data: bytes | str) -> Entry:
        """Deserialise from storage."""
        return cls.model_validate_json(data)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, as `entries show --json` prints it."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class Query(Frozen):
    """A traveller to screen: one or more names and whatever else is known."""

    id: str | None = None
    names: tuple[str, ...]
    birth_dates: tuple[BirthDate, ...] = ()
    nationalities: tuple[str, ...] = ()
    birth_country: str | None = None
    gender: Gender | None = None
    documents: tuple[Document, ...] = ()
