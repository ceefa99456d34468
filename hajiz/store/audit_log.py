"""The audit log in the store: appended in the writer's transaction, read back for verification.

Appending reads the head (last seq and hash) and writes the new record and the new head inside
one write transaction, so concurrent writers (threads or processes) still form one chain:
SQLite's `BEGIN IMMEDIATE` serialises them, PostgreSQL's row lock on the head
(`Dialect.lock_row`) does the same.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import orjson

from hajiz.audit import AuditEvent, AuditFailed, AuditRecord, canonical_json, seal
from hajiz.errors import StoreError
from hajiz.store.dialect import Dialect
from hajiz.store.migrations import Cursor

_COLUMNS = (
    *("seq", "at", "actor", "agency", "action", "subject", "query_digest", "query"),
    *("detail", "prev_hash", "hash"),
)


@dataclass(frozen=True)
class AuditFilter:
    """Which audit records to list: all conditions given must hold."""

    actor: str | None = None
    agency: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    after_seq: int = 0
    limit: int = 100


def _failed(reason: str) -> AuditFailed:
    return AuditFailed(f"The audit record could not be written, so nothing was done: {reason}")


class AuditStore(Protocol):
    """What the audit trail needs from a store."""

    def append_audit(self, events: Sequence[AuditEvent]) -> list[AuditRecord]:
        """Seal and append events in one transaction; raise AuditFailed if it cannot be written."""
        ...

    def iter_audit(self) -> Iterator[AuditRecord]:
        """Every record, in seq order."""
        ...

    def audit_head(self) -> tuple[int, str] | None:
        """The recorded (seq, hash) of the last record; (0, GENESIS) before the first."""
        ...

    def find_audit(self, where: AuditFilter) -> list[AuditRecord]:
        """Records matching a filter, in seq order."""
        ...

    def redact_audit_queries(self, before: datetime) -> int:
        """Remove the query text of records older than `before`; return how many."""
        ...


def redact_expired(store: AuditStore, retention_days: int, now: datetime | None = None) -> int:
    """Redact the queries of records older than the retention period (none when it is 0)."""
    if retention_days <= 0:
        return 0
    cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
    return store.redact_audit_queries(cutoff)


class AuditLogMixin(ABC):
    """AuditStore over the SQL of `SQLStore` (mixed into it)."""

    dialect: Dialect
    url: str

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Cursor]: ...

    @abstractmethod
    def _read(self) -> AbstractContextManager[Cursor]: ...

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]: ...

    def append_audit(self, events: Sequence[AuditEvent]) -> list[AuditRecord]:
        """Seal and append events in one transaction; raise AuditFailed if it cannot be written."""
        try:
            with self._transaction() as cursor:
                return self._append_audit(cursor, events)
        except StoreError as error:
            raise _failed(error.detail) from error

    def _append_audit(self, cursor: Cursor, events: Sequence[AuditEvent]) -> list[AuditRecord]:
        """Append inside the caller's write transaction; AuditFailed if it cannot be written."""
        if not events:
            return []
        try:
            return self._append_sealed(cursor, events)
        except AuditFailed:
            raise
        except Exception as error:  # any driver's error: the audit could not be written
            raise _failed(str(error)) from error

    def _append_sealed(self, cursor: Cursor, events: Sequence[AuditEvent]) -> list[AuditRecord]:
        p = self.dialect.param
        cursor.execute(f"SELECT seq, hash FROM audit_head WHERE id = 1{self.dialect.lock_row}")
        row = cursor.fetchone()
        if row is None:
            raise _failed(f"{self.url}: the audit log has no head row (was it deleted?)")
        seq, prev_hash = int(row[0]), str(row[1])
        now = datetime.now(UTC)
        records: list[AuditRecord] = []
        for event in events:
            seq += 1
            record = seal(event, seq, now, prev_hash)
            records.append(record)
            prev_hash = record.hash
        cursor.executemany(
            f"INSERT INTO audit_log ({', '.join(_COLUMNS)}) VALUES ({self.dialect.params(11)})",
            [self._audit_row(record) for record in records],
        )
        last = records[-1]
        cursor.execute(
            f"UPDATE audit_head SET seq = {p}, hash = {p} WHERE id = 1", (last.seq, last.hash)
        )
        return records

    def _audit_row(self, record: AuditRecord) -> tuple[Any, ...]:
        query = None if record.query is None else canonical_json(record.query).decode()
        return (
            record.seq,
            self.dialect.to_db_time(record.at),
            record.actor,
            record.agency,
            record.action,
            record.subject,
            record.query_digest,
            query,
            canonical_json(record.detail).decode(),
            record.prev_hash,
            record.hash,
        )

    def _audit_record(self, row: Sequence[Any]) -> AuditRecord:
        return AuditRecord(
            seq=int(row[0]),
            at=self.dialect.from_db_time(row[1]),
            actor=row[2],
            agency=row[3],
            action=row[4],
            subject=row[5],
            query_digest=row[6],
            query=None if row[7] is None else orjson.loads(row[7]),
            detail=orjson.loads(row[8]),
            prev_hash=row[9],
            hash=row[10],
        )

    def iter_audit(self) -> Iterator[AuditRecord]:
        """Every record, in seq order."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM audit_log ORDER BY seq"
        for row in self._stream(sql, ()):
            yield self._audit_record(row)

    def audit_head(self) -> tuple[int, str] | None:
        """The recorded (seq, hash) of the last record: (0, GENESIS) before the first."""
        with self._read() as cursor:
            cursor.execute("SELECT seq, hash FROM audit_head WHERE id = 1")
            row = cursor.fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def find_audit(self, where: AuditFilter) -> list[AuditRecord]:
        """Records matching a filter, in seq order."""
        p = self.dialect.param
        clauses = [f"seq > {p}"]
        params: list[Any] = [where.after_seq]
        for column, value in (
            ("actor", where.actor),
            ("agency", where.agency),
            ("action", where.action),
        ):
            if value is not None:
                clauses.append(f"{column} = {p}")
                params.append(value)
        if where.since is not None:
            clauses.append(f"at >= {p}")
            params.append(self.dialect.to_db_time(where.since))
        if where.until is not None:
            clauses.append(f"at < {p}")
            params.append(self.dialect.to_db_time(where.until))
        with self._read() as cursor:
            cursor.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM audit_log WHERE {' AND '.join(clauses)} "
                f"ORDER BY seq LIMIT {p}",
                (*params, where.limit),
            )
            rows = cursor.fetchall()
        return [self._audit_record(row) for row in rows]

    def redact_audit_queries(self, before: datetime) -> int:
        """Remove the query text of records older than `before`; return how many."""
        p = self.dialect.param
        with self._transaction() as cursor:
            cursor.execute(
                f"UPDATE audit_log SET query = NULL WHERE query IS NOT NULL AND at < {p}",
                (self.dialect.to_db_time(before),),
            )
            return max(cursor.rowcount, 0)
