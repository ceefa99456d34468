"""The Store protocol: what every backend (SQLite now, PostgreSQL later) offers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from hajiz.model import Entry


@dataclass(frozen=True)
class ImportRecord:
    """One import of a list file, as recorded in the history."""

    id: int
    source: str
    source_version: str | None
    file_name: str
    sha256: str
    imported_at: datetime
    added: int
    changed: int
    removed: int
    unchanged: int


@dataclass(frozen=True)
class UpsertResult:
    """What a batch upsert did, by entry id."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EntryChange:
    """One recorded change of an entry: added, changed or removed, and by which import."""

    entry_id: str
    kind: str
    version: int
    at: datetime
    import_id: int | None


class Store(Protocol):
    """A watchlist store. Every write method is one transaction: all or nothing."""

    url: str

    def upsert(self, entries: Iterable[Entry]) -> UpsertResult:
        """Insert or update entries; unchanged content keeps its version and timestamps."""
        ...

    def replace_source(
        self,
        source: str,
        entries: Iterable[Entry],
        *,
        file_name: str,
        sha256: str,
        source_version: str | None,
    ) -> tuple[UpsertResult, ImportRecord]:
        """Make `source` hold exactly `entries`, remove the rest, and record the import."""
        ...

    def delete(self, entry_id: str) -> bool:
        """Delete one entry; return whether it existed."""
        ...

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        ...

    def iter_entries(self, source: str | None = None) -> Iterator[Entry]:
        """Stream every entry (of one source, if given), in id order."""
        ...

    def list_entries(
        self, source: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[Entry]:
        """One page of entries (of one source, if given), in id order."""
        ...

    def entry_history(self, entry_id: str) -> list[EntryChange]:
        """The recorded changes of one entry, oldest first (kept after its removal)."""
        ...

    def count(self) -> int:
        """How many entries the store holds."""
        ...

    def fingerprint(self) -> str:
        """A digest of every entry's id, content and list version; changes whenever they do."""
        ...

    def counts_by_source(self) -> dict[str, int]:
        """How many entries each source holds."""
        ...

    def import_history(self, source: str | None = None) -> list[ImportRecord]:
        """Past imports, newest first."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
