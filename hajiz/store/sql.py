"""The Store protocol over any DB-API database; backends supply connections and a Dialect.

Every query is written here once. A backend (`sqlite.py`, `postgres.py`) only says how to open a
write transaction, run a short read, and stream a long read, plus two hooks for many writers:
how entry writers wait for each other and how they announce a change.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from hajiz.errors import InvalidInput
from hajiz.model import Entry
from hajiz.store.base import EntryChange, ImportRecord, UpsertResult
from hajiz.store.cases import CasesMixin
from hajiz.store.dialect import Dialect
from hajiz.store.feed import ChangeFeedMixin
from hajiz.store.migrations import Cursor
from hajiz.store.security import SecurityMixin
from hajiz.store.versioning import BatchCheck, ChangeKind, Planned, Stored, plan
from hajiz.store.web_sessions import WebSessionMixin

# Entries are read and written in chunks: few round trips, bounded memory, short IN lists.
BATCH_SIZE = 500

_ENTRY_COLUMNS: tuple[str, ...] = (
    *("id", "source", "agency", "schema", "source_version", "version", "content_hash"),
    *("created_at", "updated_at", "body"),
)
_IMPORT_COLUMNS: tuple[str, ...] = (
    *("id", "source", "source_version", "file_name", "sha256", "imported_at"),
    *("added", "changed", "removed", "unchanged"),
)


@dataclass
class _Writes:
    """The outcome of writing one batch: per-id result plus change rows to record."""

    result: UpsertResult
    batch: BatchCheck
    changes: list[tuple[str, str, int]] = field(default_factory=list)  # (id, kind, version)

    def note(self, planned: Planned) -> None:
        entry = planned.entry
        {
            ChangeKind.ADDED: self.result.added,
            ChangeKind.CHANGED: self.result.changed,
            ChangeKind.UNCHANGED: self.result.unchanged,
        }[planned.kind].append(entry.id)
        if planned.kind is not ChangeKind.UNCHANGED:
            self.changes.append((entry.id, str(planned.kind), entry.version))


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _decode(body: Any) -> Entry:
    # SQLite hands back JSON text; PostgreSQL's driver hands back a parsed JSONB dict.
    if isinstance(body, str | bytes):
        return Entry.from_json(body)
    return Entry.model_validate(body)


class SQLStore(SecurityMixin, ChangeFeedMixin, WebSessionMixin, CasesMixin, ABC):
    """A Store whose every write is one transaction; subclasses provide the connections.

    The mixins add the service's tables: agencies and keys, the audit log, the change feed.
    """

    url: str
    dialect: Dialect

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Cursor]:
        """A write transaction's cursor: commit on exit, roll back on any error."""

    @abstractmethod
    def _read(self) -> AbstractContextManager[Cursor]:
        """A cursor for one short read."""

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        """Rows of one long read, fetched in batches without holding up writers."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    @contextmanager
    def _entry_transaction(self) -> Iterator[Cursor]:
        """A write transaction that changes entries: entry writers run one at a time."""
        with self._transaction() as cursor:
            self._lock_entries(cursor)
            yield cursor

    def _lock_entries(self, cursor: Cursor) -> None:
        """Wait until no other transaction writes entries (SQLite's BEGIN IMMEDIATE already did).

        Versions are computed from what is stored, and the change feed is read by id: both need
        entry writers to commit one after the other.
        """

    def _announce_changes(self, cursor: Cursor) -> None:
        """Tell other processes, at commit, that entries changed (SQLite's followers poll)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writes -------------------------------------------------------------------------------

    def upsert(self, entries: Iterable[Entry]) -> UpsertResult:
        """Insert or update entries; unchanged content keeps its version and timestamps."""
        now = _now()
        with self._entry_transaction() as cursor:
            writes = self._write_entries(cursor, entries, now, source=None, source_version=None)
            self._record_changes(cursor, writes.changes, now, import_id=None)
        return writes.result

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
        now = _now()
        with self._entry_transaction() as cursor:
            writes = self._write_entries(
                cursor, entries, now, source=source, source_version=source_version
            )
            removed = self._remove_missing(cursor, source, writes.batch.seen)
            writes.result.removed.extend(entry_id for entry_id, _ in removed)
            writes.changes.extend(
                (entry_id, str(ChangeKind.REMOVED), version) for entry_id, version in removed
            )
            result = writes.result
            record = self._insert_import(
                cursor,
                source=source,
                source_version=source_version,
                file_name=file_name,
                sha256=sha256,
                imported_at=now,
                counts=(
                    len(result.added),
                    len(result.changed),
                    len(result.removed),
                    len(result.unchanged),
                ),
            )
            self._record_changes(cursor, writes.changes, now, import_id=record.id)
        return result, record

    def delete(self, entry_id: str) -> bool:
        """Delete one entry; return whether it existed."""
        p = self.dialect.param
        now = _now()
        with self._entry_transaction() as cursor:
            cursor.execute(f"SELECT version FROM entries WHERE id = {p}", (entry_id,))
            row = cursor.fetchone()
            if row is None:
                return False
            cursor.execute(f"DELETE FROM entries WHERE id = {p}", (entry_id,))
            removal = [(entry_id, str(ChangeKind.REMOVED), row[0])]
            self._record_changes(cursor, removal, now, import_id=None)
        return True

    def _write_entries(
        self,
        cursor: Cursor,
        entries: Iterable[Entry],
        now: datetime,
        *,
        source: str | None,
        source_version: str | None,
    ) -> _Writes:
        writes = _Writes(result=UpsertResult(), batch=BatchCheck(source))
        sql = self.dialect.upsert("entries", _ENTRY_COLUMNS, "id", json_columns=("body",))
        for chunk in _chunks(entries, BATCH_SIZE):
            for entry in chunk:
                writes.batch.check(entry)
            stored = self._stored(cursor, [entry.id for entry in chunk])
            rows = []
            for entry in chunk:
                if entry.source_version is None and source_version is not None:
                    entry = entry.model_copy(update={"source_version": source_version})
                planned = plan(entry, stored.get(entry.id), now)
                writes.note(planned)
                if planned.needs_write:
                    rows.append(self._row(planned))
            if rows:
                cursor.executemany(sql, rows)
        return writes

    def _row(self, planned: Planned) -> tuple[Any, ...]:
        entry = planned.entry
        assert entry.created_at is not None and entry.updated_at is not None  # set by plan()
        return (
            entry.id,
            entry.source,
            entry.agency,
            str(entry.schema_),
            entry.source_version,
            entry.version,
            planned.content_hash,
            self.dialect.to_db_time(entry.created_at),
            self.dialect.to_db_time(entry.updated_at),
            entry.to_json().decode(),
        )

    def _stored(self, cursor: Cursor, ids: list[str]) -> dict[str, Stored]:
        cursor.execute(
            "SELECT id, source, source_version, version, content_hash, created_at, updated_at "
            f"FROM entries WHERE id IN ({self.dialect.params(len(ids))})",
            ids,
        )
        return {
            row[0]: Stored(
                source=row[1],
                source_version=row[2],
                version=row[3],
                content_hash=row[4],
                created_at=self.dialect.from_db_time(row[5]),
                updated_at=self.dialect.from_db_time(row[6]),
            )
            for row in cursor.fetchall()
        }

    def _remove_missing(self, cursor: Cursor, source: str, keep: set[str]) -> list[tuple[str, int]]:
        p = self.dialect.param
        cursor.execute(
            f"SELECT id, version FROM entries WHERE source = {p} "
            f"ORDER BY id{self.dialect.binary_collation}",
            (source,),
        )
        gone = [(row[0], row[1]) for row in cursor.fetchall() if row[0] not in keep]
        for chunk in _chunks(gone, BATCH_SIZE):
            cursor.execute(
                f"DELETE FROM entries WHERE id IN ({self.dialect.params(len(chunk))})",
                [entry_id for entry_id, _ in chunk],
            )
        return gone

    def _insert_import(
        self,
        cursor: Cursor,
        *,
        source: str,
        source_version: str | None,
        file_name: str,
        sha256: str,
        imported_at: datetime,
        counts: tuple[int, int, int, int],
    ) -> ImportRecord:
        columns = _IMPORT_COLUMNS[1:]
        cursor.execute(
            f"INSERT INTO imports ({', '.join(columns)}) "
            f"VALUES ({self.dialect.params(len(columns))}) RETURNING id",
            (
                source,
                source_version,
                file_name,
                sha256,
                self.dialect.to_db_time(imported_at),
                *counts,
            ),
        )
        import_id = cursor.fetchone()[0]
        added, changed, removed, unchanged = counts
        return ImportRecord(
            id=import_id,
            source=source,
            source_version=source_version,
            file_name=file_name,
            sha256=sha256,
            imported_at=imported_at,
            added=added,
            changed=changed,
            removed=removed,
            unchanged=unchanged,
        )

    def _record_changes(
        self,
        cursor: Cursor,
        changes: list[tuple[str, str, int]],
        at: datetime,
        *,
        import_id: int | None,
    ) -> None:
        if not changes:
            return
        time = self.dialect.to_db_time(at)
        cursor.executemany(
            "INSERT INTO entry_changes (entry_id, kind, version, at, import_id) "
            f"VALUES ({self.dialect.params(5)})",
            [(entry_id, kind, version, time, import_id) for entry_id, kind, version in changes],
        )
        self._announce_changes(cursor)

    # -- reads --------------------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        with self._read() as cursor:
            cursor.execute(f"SELECT body FROM entries WHERE id = {self.dialect.param}", (entry_id,))
            row = cursor.fetchone()
        return None if row is None else _decode(row[0])

    def iter_entries(self, source: str | None = None) -> Iterator[Entry]:
        """Stream every entry (of one source, if given), in id order."""
        where, params = self._where_source(source)
        sql = f"SELECT body FROM entries{where} ORDER BY id{self.dialect.binary_collation}"
        for row in self._stream(sql, params):
            yield _decode(row[0])

    def list_entries(
        self, source: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[Entry]:
        """One page of entries (of one source, if given), in id order."""
        if limit < 0 or offset < 0:
            raise InvalidInput(f"limit ({limit}) and offset ({offset}) must not be negative")
        where, params = self._where_source(source)
        p = self.dialect.param
        with self._read() as cursor:
            cursor.execute(
                f"SELECT body FROM entries{where} ORDER BY id{self.dialect.binary_collation} "
                f"LIMIT {p} OFFSET {p}",
                (*params, limit, offset),
            )
            rows = cursor.fetchall()
        return [_decode(row[0]) for row in rows]

    def entry_history(self, entry_id: str) -> list[EntryChange]:
        """The recorded changes of one entry, oldest first (kept after its removal)."""
        with self._read() as cursor:
            cursor.execute(
                "SELECT entry_id, kind, version, at, import_id FROM entry_changes "
                f"WHERE entry_id = {self.dialect.param} ORDER BY id",
                (entry_id,),
            )
            rows = cursor.fetchall()
        return [
            EntryChange(
                entry_id=row[0],
                kind=row[1],
                version=row[2],
                at=self.dialect.from_db_time(row[3]),
                import_id=row[4],
            )
            for row in rows
        ]

    def count(self) -> int:
        """How many entries the store holds."""
        with self._read() as cursor:
            cursor.execute("SELECT COUNT(*) FROM entries")
            return int(cursor.fetchone()[0])

    def fingerprint(self) -> str:
        """A digest of every entry's id, content and list version; changes whenever they do."""
        # Content-based, not change-counter-based: a recreated database with other entries
        # but the same number of changes must not look the same to an index snapshot.
        digest = hashlib.sha256()
        sql = (
            "SELECT id, content_hash, source_version FROM entries "
            f"ORDER BY id{self.dialect.binary_collation}"
        )
        for entry_id, content_hash, source_version in self._stream(sql, ()):
            digest.update(f"{entry_id}\t{content_hash}\t{source_version or ''}\n".encode())
        return digest.hexdigest()

    def counts_by_source(self) -> dict[str, int]:
        """How many entries each source holds."""
        with self._read() as cursor:
            cursor.execute("SELECT source, COUNT(*) FROM entries GROUP BY source ORDER BY source")
            return {row[0]: int(row[1]) for row in cursor.fetchall()}

    def import_history(self, source: str | None = None) -> list[ImportRecord]:
        """Past imports, newest first."""
        where, params = self._where_source(source)
        with self._read() as cursor:
            cursor.execute(
                f"SELECT {', '.join(_IMPORT_COLUMNS)} FROM imports{where} ORDER BY id DESC",
                params,
            )
            rows = cursor.fetchall()
        return [
            ImportRecord(
                id=row[0],
                source=row[1],
                source_version=row[2],
                file_name=row[3],
                sha256=row[4],
                imported_at=self.dialect.from_db_time(row[5]),
                added=row[6],
                changed=row[7],
                removed=row[8],
                unchanged=row[9],
            )
            for row in rows
        ]

    def _where_source(self, source: str | None) -> tuple[str, tuple[Any, ...]]:
        if source is None:
            return "", ()
        return f" WHERE source = {self.dialect.param}", (source,)
