"""How the list commands show things: one-line import summaries and rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from hajiz.lists import ImportReport
from hajiz.model import Entry
from hajiz.store.base import ImportRecord

# Warnings shown after an import; the rest are counted, not printed.
MAX_WARNINGS_SHOWN = 10


def import_summary(report: ImportReport) -> str:
    """One line: list, version, what it holds and what the import changed."""
    version = report.source_version or "(no version)"
    return (
        f"{report.source} {version}: {_count(report.persons, 'person')}, "
        f"{_count(report.organizations, 'organization')} — added {report.added}, "
        f"changed {report.changed}, removed {report.removed}, unchanged {report.unchanged}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def warning_lines(warnings: Sequence[str]) -> list[str]:
    """The first warnings of an import, then how many more there were."""
    if not warnings:
        return []
    lines = [f"{len(warnings)} warning(s):"]
    lines += [f"  - {warning}" for warning in warnings[:MAX_WARNINGS_SHOWN]]
    if len(warnings) > MAX_WARNINGS_SHOWN:
        lines.append(f"  … and {len(warnings) - MAX_WARNINGS_SHOWN} more")
    return lines


def _time(value: datetime | None, suffix: str = " UTC") -> str:
    return value.strftime("%Y-%m-%d %H:%M") + suffix if value is not None else ""


def entries_table(entries: Sequence[Entry]) -> Table:
    """A table of entries: id, kind, primary name, source, version, last update."""
    table = Table("ID", "Schema", "Name", "Source", "Version", "Updated (UTC)")
    for entry in entries:
        table.add_row(
            *_cells(
                entry.id,
                str(entry.schema_),
                entry.primary_name,
                entry.source,
                str(entry.version),
                _time(entry.updated_at, suffix=""),
            )
        )
    return table


def lists_table(counts: dict[str, int], last_imports: dict[str, ImportRecord]) -> Table:
    """A table of sources: entries held, list version, last import and its file's checksum."""
    table = Table("Source", "Entries", "List version", "Last import (UTC)", "File", "SHA-256")
    for source in sorted(set(counts) | set(last_imports)):
        record = last_imports.get(source)
        table.add_row(
            *_cells(
                source,
                str(counts.get(source, 0)),
                (record.source_version or "") if record else "",
                _time(record.imported_at, suffix="") if record else "",
                record.file_name if record else "",
                record.sha256[:12] if record else "",
            )
        )
    return table


def entry_view(entry: Entry) -> RenderableType:
    """Everything an entry says: its facts, then every name."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    rows: list[tuple[str, str | None]] = [
        ("Schema", str(entry.schema_)),
        ("Source", f"{entry.source} ({entry.agency})"),
        ("List version", entry.source_version),
        (
            "Version",
            f"{entry.version} (created {_time(entry.created_at)}, "
            f"updated {_time(entry.updated_at)})",
        ),
        ("Birth dates", ", ".join(str(date) for date in entry.birth_dates)),
        ("Birth places", "; ".join(_place(p.text, p.country) for p in entry.birth_places)),
        ("Nationalities", ", ".join(entry.nationalities)),
        ("Gender", str(entry.gender) if entry.gender else None),
        ("Documents", "; ".join(_document(d.type, d.number, d.country) for d in entry.documents)),
        ("Programs", ", ".join(entry.programs)),
        ("Listed on", entry.listed_on),
        ("Reason", entry.listing_reason),
        ("Remarks", entry.remarks),
    ]
    for label, value in rows:
        if value:
            facts.add_row(*_cells(label, value))
    names = Table("Name", "Script", "Kind", "Quality", title="Names", title_justify="left")
    for name in entry.names:
        names.add_row(*_cells(name.full, str(name.script), str(name.kind), name.quality or ""))
    title = Text(f"{entry.id} — {entry.primary_name}", style="bold")
    return Group(title, facts, names)


def _cells(*values: str) -> list[Text]:
    # Text, not str: list data may hold "[...]", which rich would read as markup.
    return [Text(value) for value in values]


def _place(text: str, country: str | None) -> str:
    return f"{text} [{country}]" if country else text


def _document(kind: str, number: str, country: str | None) -> str:
    return f"{kind} {number}" + (f" ({country})" if country else "")
