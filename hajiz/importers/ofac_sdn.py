"""OFAC's legacy SDN CSV files (sdn.csv, alt.csv and add.csv in one folder) to entries.

The raw files have no header, CRLF line ends, a trailing 0x1A byte and `-0-` for empty.
Individuals become Persons and entities Organizations (id `ofac-sdn:<ent_num>`); vessels and
aircraft are skipped. The files carry no publication date, so `source_version` is None: the
import history tells versions apart by the files' checksum.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hajiz.errors import ImportFailed, WrongFormat
from hajiz.importers.common import (
    DEFAULT_MAX_NAME_LENGTH,
    EntryCollector,
    ParsedList,
    collapse,
    decode_utf8,
    make_name,
    read_bytes,
    unique,
    unique_dates,
    unique_names,
)
from hajiz.importers.ofac_remarks import Remarks, parse_remarks
from hajiz.model import EntrySchema, Name, NameKind, NamePart

SOURCE = "ofac-sdn"
AGENCY = "OFAC"
_COLUMNS = {"sdn.csv": 12, "alt.csv": 5, "add.csv": 6}
_SCHEMAS = {"individual": EntrySchema.PERSON, "": EntrySchema.ORGANIZATION}
_SKIPPED_TYPES = ("vessel", "aircraft")
_ALT_NOTES = {"aka": None, "fka": "formerly known as", "nka": "now known as"}
_ENT_NUM = re.compile(r"^[0-9]+$")
_PROGRAM_SEPARATOR = re.compile(r"\]\s*\[")  # "SDGT] [IRGC"


@dataclass(frozen=True)
class _Row:
    """One CSV record with the line it starts on; `-0-` already made empty."""

    line: int
    values: list[str]

    @property
    def where(self) -> str:
        return f"line {self.line}, row for ent_num {self.values[0]}"


def _read_csv(path: Path, kind: str) -> list[_Row]:
    file, columns = str(path), _COLUMNS[kind]
    text = decode_utf8(read_bytes(path), file).rstrip("\x1a\r\n ")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[_Row] = []
    line = 1
    try:
        for fields in reader:
            start, line = line, reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue
            values = ["" if f.strip() == "-0-" else collapse(f) for f in fields]
            if len(values) != columns or not _ENT_NUM.match(values[0]):
                problem = (
                    f"{len(values)} columns, expected {columns}"
                    if len(values) != columns
                    else f"ent_num {values[0]!r} is not a number"
                )
                if not rows:  # the very first record is wrong: not this kind of file at all
                    raise WrongFormat(file, f"not an OFAC {kind} ({problem})", f"line {start}")
                raise ImportFailed(file, problem, _Row(start, values).where)
            rows.append(_Row(start, values))
    except csv.Error as exc:
        raise ImportFailed(file, f"malformed CSV ({exc})", f"line {reader.line_num}") from exc
    return rows


def _sdn_path(path: Path) -> Path:
    if path.is_dir():
        return path / "sdn.csv"
    if path.is_file():  # sdn.csv itself, or another file that will be named as not one
        return path
    raise ImportFailed(str(path), "not found (expected a folder holding sdn.csv, alt.csv, add.csv)")


def parse_ofac_sdn(
    directory: Path, *, max_name_length: int = DEFAULT_MAX_NAME_LENGTH
) -> ParsedList:
    """Parse OFAC's sdn.csv, alt.csv and (optional) add.csv from one folder into entries."""
    sdn_path = _sdn_path(directory)
    sdn_rows = _read_csv(sdn_path, "sdn.csv")
    folder = sdn_path.parent
    alt_path, add_path = folder / "alt.csv", folder / "add.csv"
    if not alt_path.is_file():
        raise ImportFailed(str(alt_path), "file not found (OFAC's strong aliases are in alt.csv)")
    alt_rows = _read_csv(alt_path, "alt.csv")
    warnings: list[str] = []
    add_rows: list[_Row] = []
    if add_path.is_file():
        add_rows = _read_csv(add_path, "add.csv")
    else:
        warnings.append(f"{add_path} not found: addresses not imported")
    aliases = _group(alt_rows)
    addresses = _group(add_rows)
    collector = EntryCollector(str(sdn_path), max_name_length)
    skipped: dict[str, int] = defaultdict(int)
    listed: set[str] = set()
    for row in sdn_rows:
        sdn_type = row.values[2].casefold()
        listed.add(row.values[0])
        if sdn_type in _SKIPPED_TYPES:
            skipped[sdn_type] += 1
            continue
        if sdn_type not in _SCHEMAS:
            raise ImportFailed(collector.file, f"unknown SDN_Type {row.values[2]!r}", row.where)
        entry_warnings = _add_entry(
            collector, row, _SCHEMAS[sdn_type], aliases.get(row.values[0], []), addresses
        )
        warnings.extend(entry_warnings)
    warnings.extend(f"skipped {count} {kind} records" for kind, count in sorted(skipped.items()))
    orphans = sorted({r.values[0] for r in alt_rows} - listed, key=int)
    if orphans:
        warnings.append(
            f"{len(orphans)} ent_nums in alt.csv are not in sdn.csv (e.g. {orphans[0]}); "
            "the files are of different dates"
        )
    return collector.result(SOURCE, None, warnings)


def _group(rows: list[_Row]) -> dict[str, list[_Row]]:
    grouped: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        grouped[row.values[0]].append(row)
    return grouped


def _name_parts(full: str) -> tuple[NamePart, ...]:
    """`LAST, First[, Suffix]` -> family, given (and suffix) parts."""
    family, *rest = [p.strip() for p in full.split(",")]
    if not rest or not family:
        return ()
    parts = [NamePart(kind="family", value=family)]
    if rest[0]:
        parts.append(NamePart(kind="given", value=rest[0]))
    parts.extend(NamePart(kind="suffix", value=p) for p in rest[1:] if p)
    return tuple(parts)


def _add_entry(
    collector: EntryCollector,
    row: _Row,
    schema: EntrySchema,
    alt_rows: list[_Row],
    addresses: dict[str, list[_Row]],
) -> list[str]:
    ent_num, sdn_name, _, program, title = row.values[:5]
    remarks_text = row.values[11]
    is_person = schema is EntrySchema.PERSON
    entry_id = f"{SOURCE}:{ent_num}"

    def name(full: str, kind: NameKind, quality: str | None, note: str | None = None) -> Name:
        parts = _name_parts(full) if is_person else ()
        return make_name(full, kind, quality=quality, parts=parts, note=note)

    names = [name(sdn_name, NameKind.PRIMARY, None)] if sdn_name else []
    for alt in alt_rows:
        alt_type, alt_name, alt_remarks = alt.values[2].casefold(), alt.values[3], alt.values[4]
        if alt_type not in _ALT_NOTES:
            file = str(Path(collector.file).with_name("alt.csv"))
            raise ImportFailed(file, f"unknown alt_type {alt.values[2]!r}", alt.where)
        note = "; ".join(n for n in (_ALT_NOTES[alt_type], alt_remarks) if n)
        if alt_name:
            names.append(name(alt_name, NameKind.ALIAS, "strong", note or None))
    found: Remarks = parse_remarks(remarks_text, is_person=is_person)
    for marker, weak in found.weak_aliases:
        names.append(
            name(weak, NameKind.WEAK_ALIAS, "weak", None if marker == "a.k.a." else marker)
        )
    remarks = [f"Title: {title}" if title else "", remarks_text]
    for address in addresses.get(ent_num, []):
        parts = [p for p in address.values[2:5] if p]
        if parts:
            note = f" ({address.values[5]})" if address.values[5] else ""
            remarks.append(f"Address: {', '.join(parts)}{note}")
    collector.add(
        f"{row.where}",
        id=entry_id,
        schema=schema,
        agency=AGENCY,
        source=SOURCE,
        names=unique_names(names),
        birth_dates=unique_dates(found.birth_dates),
        birth_places=unique(found.birth_places),
        nationalities=unique(found.nationalities),
        gender=found.gender,
        documents=unique(found.documents),
        programs=unique(
            p for p in (p.strip("[] ") for p in _PROGRAM_SEPARATOR.split(program)) if p
        ),
        remarks="\n".join(r for r in remarks if r) or None,
    )
    return [f"{entry_id}: {problem}" for problem in found.problems]
