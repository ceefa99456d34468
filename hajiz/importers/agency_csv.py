"""An agency's own records as CSV (the format is documented in docs/agency-csv.md).

A header row is required; `id` and `name` are the only required columns. Values holding
several items separate them with `;`. Ids become `<AGENCY>:<id>` and the source
`agency:<AGENCY>`, so each agency's list replaces only its own earlier import.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from hajiz.errors import ConfigError, ImportFailed, WrongFormat
from hajiz.importers.common import (
    DEFAULT_MAX_NAME_LENGTH,
    EntryCollector,
    ParsedList,
    country_code,
    decode_utf8,
    make_name,
    place_from_text,
    read_bytes,
    unique,
    unique_dates,
    unique_names,
)
from hajiz.importers.dates import parse_iso_prefix
from hajiz.model import BirthDate, DateKind, Document, EntrySchema, Gender, NameKind

COLUMNS = (
    "id",
    "name",
    "aliases",
    "weak_aliases",
    "birth_dates",
    "birth_places",
    "nationalities",
    "gender",
    "documents",
    "programs",
    "listing_reason",
    "listed_on",
    "remarks",
    "releasable_to",
)
REQUIRED = ("id", "name")
_GENDERS = {
    "male": Gender.MALE,
    "m": Gender.MALE,
    "female": Gender.FEMALE,
    "f": Gender.FEMALE,
    "other": Gender.OTHER,
}
_AGENCY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def check_agency(agency: str) -> str:
    """The agency code, or ConfigError if it cannot be part of an id."""
    agency = agency.strip()
    if not _AGENCY.match(agency):
        raise ConfigError(
            f"Agency {agency!r} is not usable (1-40 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit)"
        )
    return agency


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(";") if item.strip()]


def parse_agency_csv(
    path: Path, agency: str, *, max_name_length: int = DEFAULT_MAX_NAME_LENGTH
) -> ParsedList:
    """Parse an agency's CSV list into Person entries with ids `<agency>:<id>`."""
    agency = check_agency(agency)
    file = str(path)
    text = decode_utf8(read_bytes(path), file)
    reader = csv.reader(io.StringIO(text, newline=""))
    collector = EntryCollector(file, max_name_length)
    source = f"agency:{agency}"
    try:
        header = _header(next(reader, []), file)
        line = reader.line_num + 1
        for fields in reader:
            start, line = line, reader.line_num + 1
            where = f"line {start}"
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                problem = f"{len(fields)} values, but the header has {len(header)} columns"
                raise ImportFailed(file, problem, where)
            row = {column: value.strip() for column, value in zip(header, fields, strict=True)}
            _add_row(collector, row, agency, source, where)
    except csv.Error as exc:
        raise ImportFailed(file, f"malformed CSV ({exc})", f"line {reader.line_num}") from exc
    return collector.result(source, None, [])


def _header(row: list[str], file: str) -> list[str]:
    header = [column.strip().casefold() for column in row]
    unknown = [c for c in header if c not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(f"unknown columns {', '.join(repr(c) for c in unknown)}")
        if missing:
            problems.append(f"missing columns {', '.join(missing)}")
        allowed = ", ".join(COLUMNS)
        raise WrongFormat(file, f"{'; '.join(problems)} (allowed: {allowed})", "line 1 (header)")
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise WrongFormat(file, f"repeated columns {', '.join(repeated)}", "line 1 (header)")
    return header


def _birth_date(text: str) -> BirthDate:
    """`1971`, `1971-10`, `1971-10-07`, `~1971` (approximate) or `1960..1962` (range)."""
    if text.startswith("~"):
        return BirthDate(kind=DateKind.APPROXIMATE, date=parse_iso_prefix(text[1:]))
    if ".." in text:
        start, end = text.split("..", 1)
        return BirthDate(
            kind=DateKind.BETWEEN, start=parse_iso_prefix(start), end=parse_iso_prefix(end)
        )
    return BirthDate(date=parse_iso_prefix(text))


def _document(text: str) -> Document:
    """`TYPE:NUMBER` or `TYPE:NUMBER:COUNTRY`."""
    parts = [p.strip() for p in text.split(":")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise ValueError(f"document {text!r} is not TYPE:NUMBER or TYPE:NUMBER:COUNTRY")
    country = None
    if len(parts) == 3 and parts[2]:
        country = country_code(parts[2], allow_codes=True)
        if country is None:
            raise ValueError(f"document {text!r}: {parts[2]!r} is not a recognised country")
    return Document(type=parts[0], number=parts[1], country=country)


def _countries(values: list[str]) -> list[str]:
    codes = []
    for value in values:
        code = country_code(value, allow_codes=True)
        if code is None:
            raise ValueError(f"nationality {value!r} is not a recognised country")
        codes.append(code)
    return codes


def _add_row(
    collector: EntryCollector, row: dict[str, str], agency: str, source: str, where: str
) -> None:
    local_id = row["id"]
    if not local_id:
        raise ImportFailed(collector.file, "empty id", where)
    gender_text = row.get("gender", "").casefold()
    if gender_text and gender_text not in _GENDERS:
        problem = f"gender {row['gender']!r} is not one of male, female, other (or m, f)"
        raise ImportFailed(collector.file, problem, where)
    try:
        birth_dates = [_birth_date(v) for v in _items(row.get("birth_dates", ""))]
        documents = [_document(v) for v in _items(row.get("documents", ""))]
        nationalities = _countries(_items(row.get("nationalities", "")))
        listed_on = row.get("listed_on", "")
        if listed_on:
            listed_on = str(parse_iso_prefix(listed_on))
    except ValueError as exc:
        raise ImportFailed(collector.file, str(exc), where) from exc
    names = [make_name(row["name"], NameKind.PRIMARY)] if row["name"] else []
    names += [make_name(v, NameKind.ALIAS) for v in _items(row.get("aliases", ""))]
    names += [make_name(v, NameKind.WEAK_ALIAS) for v in _items(row.get("weak_aliases", ""))]
    releasable = row.get("releasable_to", "")
    collector.add(
        where,
        id=f"{agency}:{local_id}",
        schema=EntrySchema.PERSON,
        agency=agency,
        source=source,
        names=unique_names(names),
        birth_dates=unique_dates(birth_dates),
        birth_places=unique(place_from_text(v) for v in _items(row.get("birth_places", ""))),
        nationalities=unique(nationalities),
        gender=_GENDERS.get(gender_text),
        documents=unique(documents),
        programs=unique(_items(row.get("programs", ""))),
        listing_reason=row.get("listing_reason") or None,
        listed_on=listed_on or None,
        remarks=row.get("remarks") or None,
        releasable_to=tuple(_items(releasable)) if releasable else None,
    )
