"""Keep a worker's in-memory index in step with the store.

Every worker process holds its own index. It follows the store's change feed
(`entry_changes`): every `api_sync_interval` seconds it reads the changes after the last one it
applied and re-reads only those entries. The worker that makes a change applies it at once.
Applying re-reads the entry's current state, so applying a change twice, or out of order, is
harmless. Everything here runs on the worker's event loop thread, so the index is never read
and written at the same time.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
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

# Changes applied per step, so a large import does not hold the event loop for long at once.
_STEP = 2000


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
        """Poll the change feed until cancelled; a failed read is logged and retried."""
        while True:
            await asyncio.sleep(interval)
            try:
                # Yield between steps so a big import does not stall screening for long.
                while self.catch_up() == _STEP:
                    await asyncio.sleep(0)
            except HajizError as error:
                log.warning("cannot read the change feed: %s", error.detail)
            except Exception:  # never stop following: a stale worker would screen stale data
                log.exception("cannot apply the change feed; retrying")
