"""Loading the screener for a store: from a fresh snapshot, else by building it (watchlist.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hajiz.errors import UnknownAlgorithm
from hajiz.index.candidates import CandidateIndex
from hajiz.index.snapshot import load_snapshot, save_snapshot
from hajiz.matching.subjects import prepare_entry, prepare_query
from hajiz.model import Entry, Query
from hajiz.settings import Settings
from hajiz.store.service import ServiceStore
from hajiz.store.sqlite import SQLiteStore
from hajiz.watchlist import build_index, load_screener, snapshot_path
from tests.backends import store_at

EntryFactory = Callable[..., Entry]


@pytest.fixture
def store(db_url: str, e: EntryFactory) -> Iterator[ServiceStore]:
    with store_at(db_url) as opened:
        opened.upsert([e("t-1", "Ayman al-Zawahiri"), e("t-2", "Hamza bin Laden")])
        yield opened


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def candidate_ids(index: CandidateIndex, name: str) -> set[str]:
    return {s.id for s in index.candidates(prepare_query(Query(names=(name,))))}


def test_the_first_load_builds_and_saves_a_snapshot(
    store: ServiceStore, settings: Settings
) -> None:
    path = snapshot_path(store, settings)
    assert path.parent == settings.data_dir / "snapshots"
    assert not path.exists()
    screener = load_screener(store, settings)
    assert path.is_file()
    assert len(screener.index) == 2
    assert [h.entry_id for h in screener.screen(Query(names=("Ayman al-Zawahiri",))).hits] == [
        "t-1"
    ]
    saved = load_snapshot(path, store.fingerprint())
    assert saved is not None and len(saved) == 2


def test_a_fresh_snapshot_is_used(store: ServiceStore, settings: Settings, e: EntryFactory) -> None:
    # Plant a snapshot for the store's current fingerprint that holds something else: if the
    # loader reads it, the screener sees the planted entry.
    planted = CandidateIndex.build([prepare_entry(e("planted", "Gulbuddin Hekmatyar"))])
    save_snapshot(planted, snapshot_path(store, settings), store.fingerprint())
    screener = load_screener(store, settings)
    assert {s.id for s in screener.index.subjects()} == {"planted"}


def test_a_stale_snapshot_is_rebuilt(
    store: ServiceStore, settings: Settings, e: EntryFactory
) -> None:
    load_screener(store, settings)
    old_fingerprint = store.fingerprint()
    store.upsert([e("t-3", "Gulbuddin Hekmatyar")])
    assert store.fingerprint() != old_fingerprint
    screener = load_screener(store, settings)
    assert {s.id for s in screener.index.subjects()} == {"t-1", "t-2", "t-3"}
    assert load_snapshot(snapshot_path(store, settings), store.fingerprint()) is not None
    assert load_snapshot(snapshot_path(store, settings), old_fingerprint) is None


def test_a_changed_entry_changes_the_fingerprint(store: ServiceStore, e: EntryFactory) -> None:
    before = store.fingerprint()
    assert store.fingerprint() == before
    store.upsert([e("t-1", "Ayman Zawahri")])
    assert store.fingerprint() != before


def test_snapshots_can_be_turned_off(store: ServiceStore, tmp_path: Path, e: EntryFactory) -> None:
    settings = Settings(data_dir=tmp_path / "data", use_snapshots=False)
    planted = CandidateIndex.build([prepare_entry(e("planted", "Gulbuddin Hekmatyar"))])
    path = snapshot_path(store, settings)
    save_snapshot(planted, path, store.fingerprint())
    before = path.read_bytes()
    screener = load_screener(store, settings)
    assert {s.id for s in screener.index.subjects()} == {"t-1", "t-2"}
    assert path.read_bytes() == before


def test_each_database_has_its_own_snapshot(tmp_path: Path, settings: Settings) -> None:
    with SQLiteStore(tmp_path / "a.db") as a, SQLiteStore(tmp_path / "b.db") as b:
        assert snapshot_path(a, settings) != snapshot_path(b, settings)


def test_build_index_reads_every_entry(store: ServiceStore) -> None:
    index = build_index(store)
    assert len(index) == store.count() == 2
    assert candidate_ids(index, "Hamza bin Laden") == {"t-2"}


def test_an_unknown_algorithm_is_refused(store: ServiceStore, settings: Settings) -> None:
    with pytest.raises(UnknownAlgorithm, match="hajiz-v1"):
        load_screener(store, settings, algorithm="nope")
