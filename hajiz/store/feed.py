"""The change feed (what changed since a point) and audited single-entry writes.

Service workers keep their in-memory index in step by reading `entry_changes` after the last
id they applied. That needs change ids to become visible in order: entry writers commit one at a
time (SQLite's single writer; PostgreSQL's advisory lock, see `SQLStore._lock_entries`), so a
change id is never committed after a larger one was already read. A store may also offer a
`ChangeListener` that wakes followers as soon as a change commits (PostgreSQL's LISTEN/NOTIFY);
followers keep polling as well, so a missed wake-up only costs one interval.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from hajiz.audit import AuditEvent, AuditRecord
from hajiz.errors import EntryNotFound
from hajiz.model import Entry
from hajiz.store.audit_log import AuditLogMixin
from hajiz.store.dialect import in_lists
from hajiz.store.migrations import Cursor

# Decides, given the stored entry (None: absent), what to store (None: delete); raises to refuse.
Decision = Callable[[Entry | None], Entry | None]


@dataclass(frozen=True)
class EntryWrite:
    """One audited change of one entry: what was there, what is there now, and the record."""

    before: Entry | None
    after: Entry | None
    kind: str  # added | changed | unchanged | removed
    audit: AuditRecord


class ChangeListener(Protocol):
    """Wakes a follower when entries change in another process."""

    async def wait(self, timeout: float) -> bool:
        """Return True once a change is announced, False after `timeout` seconds without one."""
        ...

    async def aclose(self) -> None:
        """Stop listening."""
        ...


class ChangeFeed(Protocol):
    """What a service worker needs to follow changes and serve entries."""

    def last_change_id(self) -> int:
        """The id of the newest recorded entry change (0 when there is none)."""
        ...

    def changes_since(self, after_id: int, limit: int = 5000) -> list[tuple[int, str]]:
        """(change id, entry id) of the changes after `after_id`, oldest first."""
        ...

    def get_many(self, entry_ids: Iterable[str]) -> dict[str, Entry]:
        """The entries with these ids that exist, by id."""
        ...

    def list_agency_entries(self, agency: str, *, limit: int = 50, offset: int = 0) -> list[Entry]:
        """One page of an agency's own entries, in id order."""
        ...

    def change_entry(self, entry_id: str, decide: Decision, event: AuditEvent) -> EntryWrite:
        """Write or delete one entry and audit it (before and after) in one transaction."""
        ...

    def change_listener(self) -> ChangeListener | None:
        """A listener for changes made by other processes; None where followers only poll."""
        ...


def _decode(body: Any) -> Entry:
    if isinstance(body, str | bytes):
        return Entry.from_json(body)
    return Entry.model_validate(body)


class ChangeFeedMixin(AuditLogMixin):
    """ChangeFeed over the SQL of `SQLStore` (mixed into it)."""

    @abstractmethod
    def _write_entries(
        self,
        cursor: Cursor,
        entries: Iterable[Entry],
        now: datetime,
        *,
        source: str | None,
        source_version: str | None,
    ) -> Any: ...

    @abstractmethod
    def _record_changes(
        self,
        cursor: Cursor,
        changes: list[tuple[str, str, int]],
        at: datetime,
        *,
        import_id: int | None,
    ) -> None: ...

    @abstractmethod
    def _entry_transaction(self) -> AbstractContextManager[Cursor]: ...

    def change_listener(self) -> ChangeListener | None:
        """A listener for changes made by other processes; None where followers only poll."""
        return None

    def last_change_id(self) -> int:
        """The id of the newest recorded entry change (0 when there is none)."""
        with self._read() as cursor:
            cursor.execute("SELECT MAX(id) FROM entry_changes")
            row = cursor.fetchone()
        return int(row[0] or 0)

    def changes_since(self, after_id: int, limit: int = 5000) -> list[tuple[int, str]]:
        """(change id, entry id) of the changes after `after_id`, oldest first."""
        p = self.dialect.param
        with self._read() as cursor:
            cursor.execute(
                f"SELECT id, entry_id FROM entry_changes WHERE id > {p} ORDER BY id LIMIT {p}",
                (after_id, limit),
            )
            return [(int(row[0]), str(row[1])) for row in cursor.fetchall()]

    def get_many(self, entry_ids: Iterable[str]) -> dict[str, Entry]:
        """The entries with these ids that exist, by id."""
        found: dict[str, Entry] = {}
        for chunk in in_lists(entry_ids):
            with self._read() as cursor:
                cursor.execute(
                    f"SELECT body FROM entries WHERE id IN ({self.dialect.params(len(chunk))})",
                    chunk,
                )
                rows = cursor.fetchall()
            for row in rows:
                entry = _decode(row[0])
                found[entry.id] = entry
        return found

    def list_agency_entries(self, agency: str, *, limit: int = 50, offset: int = 0) -> list[Entry]:
        """One page of an agency's own entries, in id order."""
        p = self.dialect.param
        with self._read() as cursor:
            cursor.execute(
                f"SELECT body FROM entries WHERE agency = {p} "
                f"ORDER BY id{self.dialect.binary_collation} LIMIT {p} OFFSET {p}",
                (agency, max(limit, 0), max(offset, 0)),
            )
            rows = cursor.fetchall()
        return [_decode(row[0]) for row in rows]

    def change_entry(self, entry_id: str, decide: Decision, event: AuditEvent) -> EntryWrite:
        """Write or delete one entry and audit it (before and after) in one transaction.

        `decide` runs inside the transaction, so the ownership check it makes cannot be
        overtaken by a concurrent change.
        """
        p = self.dialect.param
        now = datetime.now(UTC)
        with self._entry_transaction() as cursor:
            before = self._body(cursor, entry_id)
            wanted = decide(before)
            if wanted is None:
                if before is None:
                    raise EntryNotFound(entry_id)
                cursor.execute(f"DELETE FROM entries WHERE id = {p}", (entry_id,))
                self._record_changes(
                    cursor, [(entry_id, "removed", before.version)], now, import_id=None
                )
                after, kind = None, "removed"
            else:
                writes = self._write_entries(
                    cursor, [wanted], now, source=None, source_version=None
                )
                self._record_changes(cursor, writes.changes, now, import_id=None)
                after = self._body(cursor, wanted.id)
                kind = "added" if before is None else ("changed" if writes.changes else "unchanged")
            detail = {
                **event.detail,
                "kind": kind,
                "before": None if before is None else before.to_dict(),
                "after": None if after is None else after.to_dict(),
            }
            (record,) = self._append_audit(cursor, [replace(event, detail=detail)])
        return EntryWrite(before=before, after=after, kind=kind, audit=record)

    def _body(self, cursor: Cursor, entry_id: str) -> Entry | None:
        cursor.execute(f"SELECT body FROM entries WHERE id = {self.dialect.param}", (entry_id,))
        row = cursor.fetchone()
        return None if row is None else _decode(row[0])
