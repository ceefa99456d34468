"""Keep a worker's in-memory index in step with the store.

Every worker process holds its own index. It follows the store's change feed
(`entry_changes`): it reads the changes after the last one it applied and re-reads only those
entries, as soon as the store announces a change (PostgreSQL's LISTEN/NOTIFY) and in any case
every `api_sync_interval` seconds. The worker that makes a change applies it at once.
Applying re-reads the entry's current state, so applying a change twice, or out of order, is
harmless.

The feed and the entries are read off the event loop, so screening goes on meanwhile on the
index as it was; then every change read is applied in one go, without yielding, so a whole
import reaches screening at once and a query never meets half of one. The index itself is only
touched on the event loop thread, so it is never read and written at the same time.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from hajiz.errors import HajizError
from hajiz.model import Entry
from hajiz.screening import Screener
from hajiz.settings import Settings
from hajiz.store.service import ServiceStore
from hajiz.watchlist import load_screener

log = logging.getLogger("hajiz.api.sync")

# An entry's version, list version and update time: equal stamps mean equal content.
_Stamp = tuple[int, str | None, datetime | None]
_ABSENT = object()

# Changes read per query of the feed (and applied per step by `catch_up`).
_STEP = 2000


@dataclass(frozen=True)
class Pending:
    """Changes read from the feed but not applied yet, with their entries as the store has them."""

    after: int  # the last applied change when they were read
    last: int  # the newest change read
    entry_ids: list[str]
    entries: dict[str, Entry]


class SourceVisibility:
    """Which sources (lists) each agency may know of: one with at least one entry it may see."""

    def __init__(self) -> None:
        self._open: Counter[str] = Counter()
        self._restricted: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = defaultdict(dict)
        self._source_of: dict[str, tuple[str, bool]] = {}
        # Kept here, incrementally: recomputing it from the whole index costs milliseconds.
        self.versions: dict[str, str | None] = {}

    def add(
        self,
        entry_id: str,
        source: str,
        agency: str,
        releasable_to: tuple[str, ...] | None,
        source_version: str | None = None,
    ) -> None:
        """Count an entry (replacing what was counted under its id)."""
        self.remove(entry_id)
        if releasable_to is None:
            self._open[source] += 1
        else:
            self._restricted[source][entry_id] = (agency, releasable_to)
        self._source_of[entry_id] = (source, releasable_to is None)
        if source_version is not None or source not in self.versions:
            self.versions[source] = source_version

    def remove(self, entry_id: str) -> None:
        """Forget an entry."""
        known = self._source_of.pop(entry_id, None)
        if known is None:
            return
        source, is_open = known
        if is_open:
            self._open[source] -= 1
            if self._open[source] <= 0:
                del self._open[source]
        else:
            self._restricted[source].pop(entry_id, None)
            if not self._restricted[source]:
                del self._restricted[source]
        if source not in self._open and source not in self._restricted:
            self.versions.pop(source, None)

    def visible_sources(self, agency: str) -> set[str]:
        """The sources with an entry this agency may see."""
        sources = set(self._open)
        for source, entries in self._restricted.items():
            if source not in sources and any(
                agency == owner or agency in releasable for owner, releasable in entries.values()
            ):
                sources.add(source)
        return sources


class IndexSync:
    """A screener over the store's entries, kept up to date from the change feed."""

    def __init__(self, store: ServiceStore, screener: Screener, last_change: int) -> None:
        self.store = store
        self.screener = screener
        self.last_change = last_change
        # Bumped on every index change; caches derived from the index key on it.
        self.generation = 0
        self.sources = SourceVisibility()
        # What each indexed entry was when applied; None where only the index knows it.
        self._stamps: dict[str, _Stamp | None] = {}
        for subject in screener.index.subjects():
            self.sources.add(
                subject.id,
                subject.source,
                subject.agency,
                subject.releasable_to,
                subject.source_version,
            )
            self._stamps[subject.id] = None
        self._visible_cache: dict[str, dict[str, str | None]] = {}
        self._cache_generation = -1

    @classmethod
    def load(cls, store: ServiceStore, settings: Settings) -> IndexSync:
        """Build (or load the snapshot of) the index, then catch up with the feed."""
        # Read the feed position first: a change made while the index loads is applied after.
        last_change = store.last_change_id()
        sync = cls(store, load_screener(store, settings), last_change)
        while sync.catch_up():
            pass
        return sync

    def catch_up(self, limit: int = _STEP) -> int:
        """Apply up to `limit` changes recorded since the last applied one; return how many."""
        changes = self.store.changes_since(self.last_change, limit)
        if not changes:
            return 0
        self.apply_ids(entry_id for _, entry_id in changes)
        self.last_change = changes[-1][0]
        return len(changes)

    def read_pending(self) -> Pending | None:
        """Every change since the last applied one, with the entries' current state (None: none).

        Reads the store only, never the index: safe to run in another thread.
        """
        after = position = self.last_change
        entry_ids: list[str] = []
        while changes := self.store.changes_since(position, _STEP):
            entry_ids.extend(entry_id for _, entry_id in changes)
            position = changes[-1][0]
            if len(changes) < _STEP:
                break
        if position == after:
            return None
        entry_ids = list(dict.fromkeys(entry_ids))
        return Pending(after, position, entry_ids, self.store.get_many(entry_ids))

    def apply_pending(self, pending: Pending) -> bool:
        """Apply what `read_pending` read, all at once; False if the index moved on meanwhile."""
        if pending.after != self.last_change:
            return False  # e.g. an import's own catch-up came first: these may be older states
        for entry_id in pending.entry_ids:
            self.apply(entry_id, pending.entries.get(entry_id))
        self.last_change = pending.last
        return True

    def apply_ids(self, entry_ids: Iterable[str]) -> None:
        """Bring these entries' index state to what the store holds now."""
        ids = list(dict.fromkeys(entry_ids))
        current = self.store.get_many(ids)
        for entry_id in ids:
            self.apply(entry_id, current.get(entry_id))

    def apply(self, entry_id: str, entry: Entry | None) -> None:
        """Put an entry's current state (None: deleted) into the index."""
        if entry is None:
            if self._stamps.pop(entry_id, _ABSENT) is not _ABSENT:
                self.screener.remove(entry_id)
                self.sources.remove(entry_id)
                self.generation += 1
            return
        stamp = (entry.version, entry.source_version, entry.updated_at)
        if self._stamps.get(entry_id, _ABSENT) == stamp:
            return  # already applied (by this worker, or seen twice in the feed)
        self.screener.add(entry)
        self.sources.add(
            entry.id, entry.source, entry.agency, entry.releasable_to, entry.source_version
        )
        self._stamps[entry_id] = stamp
        self.generation += 1

    def list_versions(self, agency: str) -> dict[str, str | None]:
        """The version of each list this agency may know of."""
        if self._cache_generation != self.generation:
            self._visible_cache.clear()
            self._cache_generation = self.generation
        versions = self._visible_cache.get(agency)
        if versions is None:
            visible = self.sources.visible_sources(agency)
            versions = {s: v for s, v in sorted(self.sources.versions.items()) if s in visible}
            self._visible_cache[agency] = versions
        return versions

    async def follow(self, interval: float) -> None:
        """Apply the feed when a change is announced, or every `interval` s, until cancelled.

        A failed read is logged and retried at the next wake-up.
        """
        listener = self.store.change_listener()
        try:
            while True:
                if listener is None:
                    await asyncio.sleep(interval)
                else:
                    await listener.wait(interval)
                try:
                    pending = await asyncio.to_thread(self.read_pending)
                    if pending is not None:
                        self.apply_pending(pending)
                except HajizError as error:
                    log.warning("cannot read the change feed: %s", error.detail)
                except Exception:  # never stop following: a stale worker would screen stale data
                    log.exception("cannot apply the change feed; retrying")
        finally:
            if listener is not None:
                await listener.aclose()
