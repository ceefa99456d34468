"""Keeping a worker's index in step with the store: the change feed, applied idempotently."""

from __future__ import annotations

import asyncio
import contextlib
import time

from hajiz.api.sync import IndexSync, SourceVisibility
from hajiz.queries import build_query
from hajiz.settings import Settings
from hajiz.store.service import open_service_store
from tests.backends import store_at


def test_source_visibility_and_versions_follow_entries():
    sources = SourceVisibility()
    sources.add("u1", "un-sc", "UN", None, "2024-05")
    sources.add("b1", "csv:B", "B", ("B",))
    sources.add("b2", "csv:B", "B", ("B", "A"))
    assert sources.visible_sources("A") == {"un-sc", "csv:B"}
    sources.remove("b2")
    assert sources.visible_sources("A") == {"un-sc"}
    assert sources.visible_sources("B") == {"un-sc", "csv:B"}
    assert sources.versions == {"un-sc": "2024-05", "csv:B": None}
    sources.remove("b1")
    sources.remove("b1")  # twice is harmless
    assert sources.versions == {"un-sc": "2024-05"}


def test_the_feed_is_applied_once_in_order_and_twice_is_harmless(db_url, tmp_path, e):
    store = open_service_store(db_url)
    try:
        store.upsert([e("a", "Ahmad Khan")])
        settings = Settings(data_dir=tmp_path / "data", use_snapshots=False)
        sync = IndexSync.load(store, settings)
        assert "a" in sync.screener.index
        store.upsert([e("b", "Osama Bin Laden", agency="B", releasable_to=("B",))])
        store.delete("a")
        store.upsert([e("a", "Omar Mukhtar")])  # deleted and re-added: must not be skipped
        generation = sync.generation
        assert sync.catch_up() == 3
        assert sync.generation > generation
        assert sync.catch_up() == 0
        hits = sync.screener.screen(build_query(["Omar Mukhtar"]), agency="X").hits
        assert [hit.entry_id for hit in hits] == ["a"]
        assert not sync.screener.screen(build_query(["Ahmad Khan"]), threshold=0.9).hits
        assert sync.list_versions("X") == {"test": None}
        # Re-applying what is already applied changes nothing.
        generation = sync.generation
        sync.apply_ids(["a", "b"])
        assert sync.generation == generation
        store.delete("b")
        sync.catch_up()
        assert "b" not in sync.screener.index
    finally:
        store.close()


def test_pending_changes_are_applied_all_at_once_unless_the_index_moved_on(db_url, tmp_path, e):
    settings = Settings(data_dir=tmp_path / "data", use_snapshots=False)
    with store_at(db_url) as store:
        sync = IndexSync.load(store, settings)
        assert sync.read_pending() is None
        store.upsert([e(f"p-{i}") for i in range(2500)])  # more than one read of the feed
        pending = sync.read_pending()
        assert pending is not None and len(pending.entry_ids) == 2500
        assert "p-0" not in sync.screener.index  # read, not applied
        assert sync.apply_pending(pending) is True
        assert len(sync.screener.index) == 2500 and sync.read_pending() is None
        store.delete("p-0")
        stale = sync.read_pending()
        assert stale is not None
        store.upsert([e("p-0", "Back Again")])
        while sync.catch_up():  # e.g. an import's own catch-up, in between
            pass
        assert sync.apply_pending(stale) is False  # its older state of p-0 is dropped
        assert "p-0" in sync.screener.index


def test_follow_applies_another_process_change_while_running(db_url, tmp_path, e):
    """On PostgreSQL a NOTIFY wakes the follower; on SQLite it polls. Both arrive promptly."""
    settings = Settings(data_dir=tmp_path / "data", use_snapshots=False)
    with store_at(db_url) as store, store_at(db_url) as other:
        sync = IndexSync.load(store, settings)

        async def scenario() -> bool:
            # A long interval where the store can announce changes: only NOTIFY is in time.
            interval = 0.05 if store.change_listener() is None else 30.0
            follower = asyncio.create_task(sync.follow(interval))
            await asyncio.sleep(0.3)  # let it start listening
            other.upsert([e("x", "Nadia Farouk Salim")])
            deadline = time.monotonic() + 5
            while "x" not in sync.screener.index and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await follower
            return "x" in sync.screener.index

        assert asyncio.run(scenario()) is True
