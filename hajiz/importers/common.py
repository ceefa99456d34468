"""What every importer shares: the parse result, careful file reading, and entry checks.

Importers never return partial results: any problem raises `ImportFailed` (or `WrongFormat`)
naming the file, where in it, and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from hajiz.countries import to_country_code
from hajiz.errors import ImportFailed
from hajiz.model import BirthDate, Entry, Name, NameKind, NamePart, Place, Script
from hajiz.names.normalize import detect_script

T = TypeVar("T")

DEFAULT_MAX_NAME_LENGTH = 500

_ALPHA2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class ParsedList:
    """The entries of one list file, plus what the parser noticed along the way."""

    source: str
    source_version: str | None
    entries: list[Entry]
    warnings: list[str]


def read_bytes(path: Path) -> bytes:
    """Read a whole list file, refusing missing, unreadable and empty files."""
    if not path.exists():
        raise ImportFailed(str(path), "file not found")
    if not path.is_file():
        raise ImportFailed(str(path), "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip(b" \t\r\n\x1a\x00"):
        raise ImportFailed(str(path), "file is empty")
    return data


def decode_utf8(data: bytes, file: str) -> str:
    """Decode UTF-8 (a BOM is allowed); a bad byte is reported with its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise ImportFailed(
            file,
            f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); save the file as UTF-8",
            f"line {line}",
        ) from exc


def collapse(text: str | None) -> str:
    """Whitespace runs (newlines and indentation from the source layout) become one space."""
    return " ".join(text.split()) if text else ""


def country_code(text: str | None, *, allow_codes: bool = False) -> str | None:
    """An ISO 3166 alpha-2 code for a country name (or code, if allowed), else None.

    Lists that spell countries out also use "na" (not available) and the like, which must not
    turn into Namibia: codes are only accepted where the format says values are codes.
    """
    text = collapse(text)
    if not text or (len(text) <= 3 and not allow_codes):
        return None
    code = to_country_code(text)
    return code if code and _ALPHA2.match(code) else None


def place_from_text(text: str) -> Place:
    """A place written as "City, Region, Country": the country comes from the last part."""
    text = collapse(text)
    last = text.rsplit(",", 1)[-1]
    return Place(text=text, country=country_code(last))


def unique(items: Iterable[T]) -> tuple[T, ...]:
    """The items in order, without repeats."""
    return tuple(dict.fromkeys(items))


def make_name(
    full: str,
    kind: NameKind,
    *,
    quality: str | None = None,
    parts: tuple[NamePart, ...] = (),
    note: str | None = None,
) -> Name:
    """A Name with its script detected from the text."""
    full = collapse(full)
    return Name(
        full=full,
        script=Script.LATIN if full.isascii() else detect_script(full),
        kind=kind,
        quality=quality or None,
        parts=parts,
        note=collapse(note) or None,
    )


def unique_names(names: Iterable[Name]) -> tuple[Name, ...]:
    """Drop empty names and later repeats of the same text with the same kind."""
    seen: set[tuple[str, NameKind]] = set()
    kept: list[Name] = []
    for name in names:
        key = (name.full, name.kind)
        if name.full and key not in seen:
            seen.add(key)
            kept.append(name)
    return tuple(kept)


def unique_dates(dates: Iterable[BirthDate]) -> tuple[BirthDate, ...]:
    """Birth dates without repeats of the same date (the first one's note is kept)."""
    seen: set[tuple[object, ...]] = set()
    kept: list[BirthDate] = []
    for found in dates:
        key = (found.kind, found.date, found.start, found.end)
        if key not in seen:
            seen.add(key)
            kept.append(found)
    return tuple(kept)


class EntryCollector:
    """Builds entries one by one, checking names, limits and unique ids as it goes."""

    def __init__(self, file: str, max_name_length: int) -> None:
        self.file = file
        self.max_name_length = max_name_length
        self.entries: list[Entry] = []
        self._where_by_id: dict[str, str] = {}

    def add(self, where: str, **fields: Any) -> Entry:
        """Validate and keep one entry; raise ImportFailed naming `where` on any problem."""
        entry_id = fields.get("id") or ""
        if not entry_id:
            raise ImportFailed(self.file, "entry has no id", where)
        if entry_id in self._where_by_id:
            first = self._where_by_id[entry_id]
            raise ImportFailed(
                self.file, f"duplicate id {entry_id!r} (first seen at {first})", where
            )
        names: tuple[Name, ...] = fields.get("names", ())
        if not any(name.kind is NameKind.PRIMARY for name in names):
            raise ImportFailed(self.file, f"entry {entry_id!r} has no name", where)
        for name in names:
            if len(name.full) > self.max_name_length:
                raise ImportFailed(
                    self.file,
                    f"name of {len(name.full)} characters is longer than the limit of "
                    f"{self.max_name_length} ({name.full[:40]!r}...)",
                    where,
                )
        try:
            entry = Entry(**fields)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
            raise ImportFailed(self.file, f"invalid entry {entry_id!r}: {problems}", where) from exc
        self._where_by_id[entry_id] = where
        self.entries.append(entry)
        return entry

    def result(self, source: str, source_version: str | None, warnings: list[str]) -> ParsedList:
        """The finished list; a list without entries is refused (it would empty the store)."""
        if not self.entries:
            raise ImportFailed(self.file, "the list holds no entries")
        return ParsedList(
            source=source, source_version=source_version, entries=self.entries, warnings=warnings
        )
