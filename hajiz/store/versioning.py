"""The versioning rules of every store, free of SQL: added, changed or unchanged, and the stamps.

A new id starts at version 1 with created_at = updated_at = now. The same content (by
`Entry.content_hash`) keeps its version and times; different content gets version + 1 and a new
updated_at. The stored body always carries these stamps, so `get()` returns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hajiz.errors import InvalidInput
from hajiz.model import Entry


class ChangeKind(StrEnum):
    """What happened to an entry, as recorded in `entry_changes`."""

    ADDED = "added"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    REMOVED = "removed"


@dataclass(frozen=True)
class Stored:
    """What the store already holds about one entry id."""

    source: str
    source_version: str | None
    version: int
    content_hash: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Planned:
    """One entry's fate in a write: its kind, the stamped entry, and whether to write it."""

    kind: ChangeKind
    entry: Entry
    content_hash: str
    needs_write: bool


@dataclass
class BatchCheck:
    """Refuses ids seen twice in one batch and, when replacing a source, foreign entries."""

    source: str | None = None
    seen: set[str] = field(default_factory=set)

    def check(self, entry: Entry) -> None:
        """Raise InvalidInput when `entry` cannot be part of this batch."""
        if entry.id in self.seen:
            raise InvalidInput(f"Entry id {entry.id!r} appears twice in one batch; ids are unique")
        if self.source is not None and entry.source != self.source:
            raise InvalidInput(
                f"Entry {entry.id!r} belongs to source {entry.source!r}, "
                f"not to {self.source!r} which is being replaced"
            )
        self.seen.add(entry.id)


def plan(entry: Entry, stored: Stored | None, now: datetime) -> Planned:
    """Decide what writing `entry` does, given what is stored under its id."""
    content_hash = entry.content_hash()
    if stored is None:
        return Planned(ChangeKind.ADDED, _stamp(entry, 1, now, now), content_hash, True)
    if stored.source != entry.source:
        # Importers namespace ids per source ("un-sc:QDi.001"); a clash means two lists collide.
        raise InvalidInput(
            f"Entry id {entry.id!r} of source {entry.source!r} is already held by "
            f"source {stored.source!r}"
        )
    if stored.content_hash == content_hash:
        # Same content, perhaps in a newer list version: keep version and times; only a new
        # list version needs writing.
        stamped = _stamp(entry, stored.version, stored.created_at, stored.updated_at)
        is_new_list_version = stored.source_version != entry.source_version
        return Planned(ChangeKind.UNCHANGED, stamped, content_hash, is_new_list_version)
    stamped = _stamp(entry, stored.version + 1, stored.created_at, now)
    return Planned(ChangeKind.CHANGED, stamped, content_hash, True)


def _stamp(entry: Entry, version: int, created_at: datetime, updated_at: datetime) -> Entry:
    return entry.model_copy(
        update={"version": version, "created_at": created_at, "updated_at": updated_at}
    )
