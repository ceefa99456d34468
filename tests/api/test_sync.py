"""Keeping a worker's index in step with the store: the change feed, applied idempotently."""

from __future__ import annotations

from hajiz.api.sync import IndexSync, SourceVisibility
from hajiz.queries import build_query
from hajiz.settings import Settings
from hajiz.store.service import open_service_store


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


def test_the_feed_is_applied_once_in_order_and_twice_is_harmless(tmp_path, e):
    store = open_service_store(str(tmp_path / "hajiz.db"))
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
