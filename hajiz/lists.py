"""The import use case: read an official list file and make the store hold exactly its entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hajiz.errors import ImportFailed
from hajiz.importers.base import parse_list, sha256_of
from hajiz.importers.common import DEFAULT_MAX_NAME_LENGTH
from hajiz.model import Entry, EntrySchema
from hajiz.store.base import Store

# Receives a short description of each stage ("Reading …", "Writing …") for progress display.
StageCallback = Callable[[str], None]


@dataclass(frozen=True)
class ImportReport:
    """What one import did: list version, file, and the entries added, changed, removed."""

    source: str
    source_version: str | None
    file_name: str
    sha256: str
    added: int
    changed: int
    removed: int
    unchanged: int
    persons: int
    organizations: int
    warnings: tuple[str, ...]
    import_id: int
    imported_at: datetime

    @property
    def total(self) -> int:
        """How many entries the source holds after the import."""
        return self.persons + self.organizations


def import_list(
    store: Store,
    fmt: str,
    path: Path,
    *,
    agency: str | None = None,
    max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
    on_stage: StageCallback | None = None,
) -> ImportReport:
    """Parse a list file of format `fmt` and replace its source in the store, in one transaction.

    Nothing is written when the file cannot be parsed (the importer raises ImportFailed).
    A name longer than `max_name_length` characters fails the import.
    """
    _stage(on_stage, f"Reading {fmt} list {path.name}")
    parsed = parse_list(fmt, path, agency=agency, max_name_length=max_name_length)
    sha256 = sha256_of(path)
    _stage(on_stage, f"Writing {len(parsed.entries)} entries")
    return import_entries(
        store,
        source=parsed.source,
        source_version=parsed.source_version,
        entries=parsed.entries,
        file_name=path.name,
        sha256=sha256,
        warnings=parsed.warnings,
    )


def import_entries(
    store: Store,
    *,
    source: str,
    source_version: str | None,
    entries: Sequence[Entry],
    file_name: str,
    sha256: str,
    warnings: Sequence[str] = (),
) -> ImportReport:
    """Make `source` hold exactly `entries` and record the import (import_list after parsing)."""
    if not entries:
        # An empty list is almost always a broken download; emptying the source would be silent.
        raise ImportFailed(
            file_name, f"no entries found; refusing to remove every entry of source {source!r}"
        )
    result, record = store.replace_source(
        source, entries, file_name=file_name, sha256=sha256, source_version=source_version
    )
    persons = sum(1 for entry in entries if entry.schema_ is EntrySchema.PERSON)
    return ImportReport(
        source=source,
        source_version=source_version,
        file_name=file_name,
        sha256=sha256,
        added=len(result.added),
        changed=len(result.changed),
        removed=len(result.removed),
        unchanged=len(result.unchanged),
        persons=persons,
        organizations=len(entries) - persons,
        warnings=tuple(warnings),
        import_id=record.id,
        imported_at=record.imported_at,
    )


def _stage(on_stage: StageCallback | None, message: str) -> None:
    if on_stage is not None:
        on_stage(message)
