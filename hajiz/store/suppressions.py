"""Suppressions in the store: remembered false positives, looked up on every screening.

A suppression row is written with its decision (see `store/cases.py`); its traveller keys go
in `suppression_keys`, indexed for the lookup by key. Revoking is audited in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import orjson

from hajiz.audit import AuditEvent
from hajiz.review.model import DecisionKind, Suppression
from hajiz.review.rules import SuppressionNotFound
from hajiz.store.audit_log import AuditLogMixin
from hajiz.store.dialect import in_lists
from hajiz.store.migrations import Cursor

_SUPPRESSION_COLUMNS = (
    *("id", "case_id", "entry_id", "entry_version", "entry_agency", "traveller_keys", "kind"),
    *("agency", "reviewer", "reason", "decided_at", "applies_to", "revoked_at", "revoked_by"),
    "revoke_reason",
)
# Columns of the review tables (cases and suppressions) written as JSON, cast on PostgreSQL.
_JSON = frozenset({"query", "traveller_keys", "explanation", "releasable_to"})


@dataclass(frozen=True)
class SuppressionFilter:
    """Which suppressions to list: related to an agency (made by it, on its entries, or global)."""

    related_to: str | None = None
    entry_id: str | None = None
    include_revoked: bool = True
    limit: int = 100
    offset: int = 0


class SuppressionStore(Protocol):
    """What suppressions need from a store."""

    def find_suppressions(self, traveller_keys: Iterable[str]) -> list[Suppression]:
        """Unrevoked suppressions holding any of these traveller keys."""
        ...

    def get_suppression(self, suppression_id: str) -> Suppression | None:
        """The suppression, or None."""
        ...

    def list_suppressions(self, where: SuppressionFilter) -> list[Suppression]:
        """Suppressions matching a filter, newest first."""
        ...

    def revoke_suppression(
        self,
        suppression_id: str,
        check: Callable[[Suppression], None],
        *,
        at: datetime,
        by: str,
        reason: str,
        audit: AuditEvent,
    ) -> Suppression:
        """Revoke a suppression and audit it in one transaction; `check` raises to refuse."""
        ...


def json_value(value: Any) -> Any:
    """A JSON column's value, whichever form the driver hands it in."""
    # SQLite hands back JSON text; PostgreSQL's driver a parsed value.
    return orjson.loads(value) if isinstance(value, str | bytes) else value


class SuppressionsMixin(AuditLogMixin):
    """SuppressionStore over the SQL of `SQLStore`, plus the SQL helpers cases share."""

    def _insert(self, table: str, columns: Sequence[str]) -> str:
        d = self.dialect
        values = ", ".join(f"{d.param}{d.json_cast}" if c in _JSON else d.param for c in columns)
        return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"

    def _time(self, value: datetime | None) -> Any:
        return None if value is None else self.dialect.to_db_time(value)

    def _read_time(self, value: Any) -> datetime | None:
        return None if value is None else self.dialect.from_db_time(value)

    # -- suppressions -------------------------------------------------------------------------

    def _insert_suppression(self, cursor: Cursor, suppression: Suppression) -> None:
        s = suppression
        cursor.execute(
            self._insert("suppressions", _SUPPRESSION_COLUMNS),
            (
                s.id,
                s.case_id,
                s.entry_id,
                s.entry_version,
                s.entry_agency,
                orjson.dumps(list(s.traveller_keys)).decode(),
                s.kind.value,
                s.agency,
                s.reviewer,
                s.reason,
                self._time(s.decided_at),
                s.applies_to,
                self._time(s.revoked_at),
                s.revoked_by,
                s.revoke_reason,
            ),
        )
        cursor.executemany(
            self._insert("suppression_keys", ("suppression_id", "traveller_key", "entry_id")),
            [(s.id, key, s.entry_id) for key in dict.fromkeys(s.traveller_keys)],
        )

    def _suppression(self, row: Sequence[Any]) -> Suppression:
        decided_at = self._read_time(row[10])
        assert decided_at is not None
        return Suppression(
            id=row[0],
            case_id=row[1],
            entry_id=row[2],
            entry_version=int(row[3]),
            entry_agency=row[4],
            traveller_keys=tuple(json_value(row[5])),
            kind=DecisionKind(row[6]),
            agency=row[7],
            reviewer=row[8],
            reason=row[9],
            decided_at=decided_at,
            applies_to=row[11],
            revoked_at=self._read_time(row[12]),
            revoked_by=row[13],
            revoke_reason=row[14],
        )

    def _select_suppressions(self, alias: str = "s") -> str:
        columns = ", ".join(f"{alias}.{column}" for column in _SUPPRESSION_COLUMNS)
        return f"SELECT {columns} FROM suppressions {alias}"

    def find_suppressions(self, traveller_keys: Iterable[str]) -> list[Suppression]:
        """Unrevoked suppressions holding any of these traveller keys."""
        found: dict[str, Suppression] = {}
        for chunk in in_lists(traveller_keys):
            with self._read() as cursor:
                cursor.execute(
                    f"{self._select_suppressions()} WHERE s.revoked_at IS NULL AND s.id IN "
                    "(SELECT k.suppression_id FROM suppression_keys k "
                    f"WHERE k.traveller_key IN ({self.dialect.params(len(chunk))}))",
                    chunk,
                )
                rows = cursor.fetchall()
            for row in rows:
                found.setdefault(row[0], self._suppression(row))
        return list(found.values())

    def get_suppression(self, suppression_id: str) -> Suppression | None:
        """The suppression, or None."""
        with self._read() as cursor:
            cursor.execute(
                f"{self._select_suppressions()} WHERE s.id = {self.dialect.param}",
                (suppression_id,),
            )
            row = cursor.fetchone()
        return None if row is None else self._suppression(row)

    def list_suppressions(self, where: SuppressionFilter) -> list[Suppression]:
        """Suppressions matching a filter, newest first."""
        p = self.dialect.param
        clauses: list[str] = []
        params: list[Any] = []
        if where.related_to is not None:
            clauses.append(f"(s.agency = {p} OR s.entry_agency = {p} OR s.applies_to IS NULL)")
            params.extend([where.related_to, where.related_to])
        if where.entry_id is not None:
            clauses.append(f"s.entry_id = {p}")
            params.append(where.entry_id)
        if not where.include_revoked:
            clauses.append("s.revoked_at IS NULL")
        condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as cursor:
            cursor.execute(
                f"{self._select_suppressions()}{condition} "
                f"ORDER BY s.decided_at DESC, s.id{self.dialect.binary_collation} "
                f"LIMIT {p} OFFSET {p}",
                (*params, max(where.limit, 0), max(where.offset, 0)),
            )
            rows = cursor.fetchall()
        return [self._suppression(row) for row in rows]

    def revoke_suppression(
        self,
        suppression_id: str,
        check: Callable[[Suppression], None],
        *,
        at: datetime,
        by: str,
        reason: str,
        audit: AuditEvent,
    ) -> Suppression:
        """Revoke a suppression and audit it in one transaction; `check` raises to refuse."""
        p = self.dialect.param
        with self._transaction() as cursor:
            cursor.execute(
                f"{self._select_suppressions()} WHERE s.id = {p}{self.dialect.lock_row}",
                (suppression_id,),
            )
            row = cursor.fetchone()
            if row is None:
                raise SuppressionNotFound(suppression_id)
            check(self._suppression(row))
            self._append_audit(cursor, [audit])
            cursor.execute(
                f"UPDATE suppressions SET revoked_at = {p}, revoked_by = {p}, "
                f"revoke_reason = {p} WHERE id = {p}",
                (self._time(at), by, reason, suppression_id),
            )
            cursor.execute(f"{self._select_suppressions()} WHERE s.id = {p}", (suppression_id,))
            return self._suppression(cursor.fetchone())
