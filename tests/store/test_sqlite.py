from __future__ import annotations

import random
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hajiz.errors import InvalidInput, StoreError
from hajiz.model import Entry
from hajiz.store.base import Store
from hajiz.store.sql import BATCH_SIZE
from hajiz.store.sqlite import SQLiteStore


def replace(store: Store, source: str, entries: list[Entry], version: str = "v1") -> tuple:
    return store.replace_source(
        source, entries, file_name=f"{source}.xml", sha256="ab" * 32, source_version=version
    )


def snapshot(store: SQLiteStore) -> tuple:
    """Everything observable about a store, to compare before and after a failed write."""
    entries = list(store.iter_entries())
    history = {entry.id: store.entry_history(entry.id) for entry in entries}
    return entries, history, store.import_history(), store.counts_by_source()


def test_new_entries_get_version_1_and_equal_times(fresh_store, e):
    result = fresh_store.upsert([e("a"), e("b")])
    assert result.added == ["a", "b"]
    assert result.changed == result.unchanged == result.removed == []
    stored = fresh_store.get("a")
    assert stored is not None
    assert stored.version == 1
    assert stored.created_at is not None
    assert stored.created_at == stored.updated_at
    assert stored.names[0].full == "Name Of a"


def test_get_missing_is_none(fresh_store):
    assert fresh_store.get("nope") is None


def test_same_content_is_unchanged_and_keeps_version_and_times(fresh_store, e):
    fresh_store.upsert([e("a", birth_date="1970")])
    first = fresh_store.get("a")
    result = fresh_store.upsert([e("a", birth_date="1970")])
    assert result.unchanged == ["a"]
    assert fresh_store.get("a") == first


def test_changed_content_gets_next_version_and_keeps_created_at(fresh_store, e):
    fresh_store.upsert([e("a", birth_date="1970")])
    first = fresh_store.get("a")
    result = fresh_store.upsert([e("a", birth_date="1971")])
    second = fresh_store.get("a")
    assert result.changed == ["a"]
    assert second.version == 2
    assert second.created_at == first.created_at
    assert second.updated_at > first.updated_at
    assert str(second.birth_dates[0]) == "1971"
    assert [change.kind for change in fresh_store.entry_history("a")] == ["added", "changed"]
    assert [change.version for change in fresh_store.entry_history("a")] == [1, 2]


def test_unchanged_content_records_the_new_list_version(fresh_store, e):
    replace(fresh_store, "test", [e("a")], version="2026-01-01")
    first = fresh_store.get("a")
    result, record = replace(fresh_store, "test", [e("a")], version="2026-02-01")
    again = fresh_store.get("a")
    assert result.unchanged == ["a"]
    assert again.source_version == "2026-02-01"
    assert (again.version, again.created_at, again.updated_at) == (
        first.version,
        first.created_at,
        first.updated_at,
    )
    assert record.source_version == "2026-02-01"


def test_replace_source_twice_is_idempotent(fresh_store, e):
    entries = [e("a"), e("b", schema="Organization"), e("c")]
    first, _ = replace(fresh_store, "test", entries)
    before = list(fresh_store.iter_entries())
    second, record = replace(fresh_store, "test", entries)
    assert first.added == ["a", "b", "c"]
    assert (second.added, second.changed, second.removed) == ([], [], [])
    assert second.unchanged == ["a", "b", "c"]
    assert (record.added, record.changed, record.removed, record.unchanged) == (0, 0, 0, 3)
    assert list(fresh_store.iter_entries()) == before
    assert len(fresh_store.import_history()) == 2


def test_replace_source_removes_missing_ids_and_records_it(fresh_store, e):
    fresh_store.upsert([e("other-1", source="other")])
    replace(fresh_store, "test", [e("a"), e("b"), e("c")])
    result, record = replace(fresh_store, "test", [e("a"), e("c", birth_date="1980"), e("d")])
    assert result.added == ["d"]
    assert result.changed == ["c"]
    assert result.unchanged == ["a"]
    assert result.removed == ["b"]
    assert (record.added, record.changed, record.removed, record.unchanged) == (1, 1, 1, 1)
    assert fresh_store.get("b") is None
    assert fresh_store.get("other-1") is not None  # other sources are left alone
    history = fresh_store.entry_history("b")
    assert [(change.kind, change.version) for change in history] == [("added", 1), ("removed", 1)]
    assert history[-1].import_id == record.id


def test_failure_mid_batch_rolls_everything_back(fresh_store, e):
    replace(fresh_store, "test", [e(f"id-{i:04d}") for i in range(10)])
    before = snapshot(fresh_store)

    def entries_then_crash() -> Iterator[Entry]:
        # More than one batch gets written before the failure.
        for i in range(BATCH_SIZE * 2 + 7):
            yield e(f"id-{i:04d}", birth_date="1990")
        raise RuntimeError("source file vanished")

    with pytest.raises(RuntimeError, match="vanished"):
        fresh_store.replace_source(
            "test", entries_then_crash(), file_name="f", sha256="0", source_version="v2"
        )
    assert snapshot(fresh_store) == before


def test_upsert_failure_rolls_back(fresh_store, e):
    fresh_store.upsert([e("a")])
    before = snapshot(fresh_store)

    def crash() -> Iterator[Entry]:
        yield e("a", birth_date="1970")
        yield e("b")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fresh_store.upsert(crash())
    assert snapshot(fresh_store) == before


def test_duplicate_id_in_a_batch_is_refused_and_nothing_written(fresh_store, e):
    with pytest.raises(InvalidInput, match="'a' appears twice"):
        replace(fresh_store, "test", [e("a"), e("b"), e("a", birth_date="1970")])
    assert fresh_store.count() == 0
    assert fresh_store.import_history() == []


def test_entry_of_another_source_is_refused(fresh_store, e):
    with pytest.raises(InvalidInput, match="belongs to source 'other'"):
        replace(fresh_store, "test", [e("a"), e("b", source="other")])
    assert fresh_store.count() == 0


def test_id_held_by_another_source_is_refused(fresh_store, e):
    fresh_store.upsert([e("a", source="other")])
    with pytest.raises(InvalidInput, match="already held by source 'other'"):
        replace(fresh_store, "test", [e("a")])
    assert fresh_store.get("a").source == "other"


def test_delete_reports_whether_it_existed_and_records_removal(fresh_store, e):
    fresh_store.upsert([e("a"), e("b")])
    assert fresh_store.delete("a") is True
    assert fresh_store.delete("a") is False
    assert fresh_store.get("a") is None
    assert fresh_store.count() == 1
    assert [change.kind for change in fresh_store.entry_history("a")] == ["added", "removed"]
    assert fresh_store.entry_history("a")[-1].import_id is None


def test_counts(fresh_store, e):
    assert fresh_store.count() == 0
    assert fresh_store.counts_by_source() == {}
    fresh_store.upsert([e("a", source="un-sc"), e("b", source="un-sc"), e("c", source="ofac")])
    assert fresh_store.count() == 3
    assert fresh_store.counts_by_source() == {"ofac": 1, "un-sc": 2}


def test_import_history_is_newest_first_and_filters_by_source(fresh_store, e):
    replace(fresh_store, "one", [e("a", source="one")], version="1")
    replace(fresh_store, "two", [e("b", source="two")], version="2")
    replace(fresh_store, "one", [e("a", source="one")], version="3")
    assert [record.source_version for record in fresh_store.import_history()] == ["3", "2", "1"]
    assert [record.source_version for record in fresh_store.import_history("one")] == ["3", "1"]
    newest = fresh_store.import_history()[0]
    assert (newest.file_name, newest.sha256, newest.unchanged) == ("one.xml", "ab" * 32, 1)
    assert newest.imported_at.tzinfo is not None


def test_iter_entries_streams_in_id_order_across_batches(fresh_store, e):
    ids = [f"x-{i:05d}" for i in range(BATCH_SIZE * 2 + 3)] + ["Z", "a", "ä"]
    shuffled = ids[:]
    random.Random(7).shuffle(shuffled)
    fresh_store.upsert(
        e(entry_id, source="s1" if i % 2 else "s2") for i, entry_id in enumerate(shuffled)
    )
    streamed = [entry.id for entry in fresh_store.iter_entries()]
    assert streamed == sorted(ids)  # byte order: "Z" < "a" < "x-..." < "ä"
    s1 = [entry.id for entry in fresh_store.iter_entries("s1")]
    assert s1 == sorted(entry_id for i, entry_id in enumerate(shuffled) if i % 2)


def test_list_entries_pages_in_id_order(fresh_store, e):
    fresh_store.upsert([e(f"id-{i}") for i in range(5)] + [e("o-1", source="other")])
    assert [x.id for x in fresh_store.list_entries(limit=2)] == ["id-0", "id-1"]
    assert [x.id for x in fresh_store.list_entries(limit=2, offset=4)] == ["id-4", "o-1"]
    assert [x.id for x in fresh_store.list_entries("other")] == ["o-1"]
    with pytest.raises(InvalidInput):
        fresh_store.list_entries(limit=-1)


def test_file_store_reopened_keeps_data(db_path, e):
    with SQLiteStore(db_path) as store:
        replace(store, "test", [e("a", birth_date="1970")])
        saved = store.get("a")
    assert db_path.exists()
    with SQLiteStore(f"sqlite:///{db_path}") as store:
        assert store.get("a") == saved
        assert len(store.import_history()) == 1
        assert store.entry_history("a")[0].kind == "added"


def test_file_store_uses_wal_and_foreign_keys(db_path):
    with SQLiteStore(db_path):
        pass
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_streaming_reader_sees_one_snapshot_while_writes_go_on(db_path, e):
    with SQLiteStore(db_path) as store:
        store.upsert([e(f"a-{i:04d}") for i in range(BATCH_SIZE + 10)])
        stream = store.iter_entries()
        first = next(stream)
        store.upsert([e("b-new")])  # the writer is not blocked by the open stream
        rest = [entry.id for entry in stream]
        assert first.id == "a-0000"
        assert "b-new" not in rest
        assert len(rest) == BATCH_SIZE + 9
        assert store.get("b-new") is not None


def test_concurrent_writers_from_threads_are_serialised(fresh_store, e):
    def write(thread: int) -> None:
        for i in range(20):
            fresh_store.upsert([e(f"t{thread}-{i}")])

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert fresh_store.count() == 80


def test_closed_store_refuses_work(e):
    store = SQLiteStore(":memory:")
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.upsert([e("a")])
    with pytest.raises(StoreError, match="closed"):
        store.count()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not SQLite " * 100)
    with pytest.raises(StoreError, match=r"notes\.db: cannot open the database"):
        SQLiteStore(bogus)


def test_parent_folders_are_created(tmp_path):
    path = tmp_path / "deep" / "er" / "hajiz.db"
    with SQLiteStore(path) as store:
        assert store.url == f"sqlite:///{path}"
    assert path.exists()


def test_memory_stores_are_separate(e):
    with SQLiteStore(":memory:") as one, SQLiteStore("sqlite:///:memory:") as two:
        one.upsert([e("a")])
        assert two.count() == 0
        assert one.url == two.url == "sqlite:///:memory:"


def test_stored_body_round_trips_every_field(fresh_store, e):
    entry = e(
        "full",
        names=("أحمد خان",),
        nationalities=("AF",),
        programs=("TAi",),
        remarks="said [so] in 2001",
        birth_date="1960..1962",
    )
    fresh_store.upsert([entry])
    stored = fresh_store.get("full")
    assert stored.model_copy(update={"version": 0, "created_at": None, "updated_at": None}) == entry
    assert stored.content_hash() == entry.content_hash()


def test_store_satisfies_the_protocol(fresh_store):
    methods = [name for name in vars(Store) if not name.startswith("_")]
    assert "replace_source" in methods
    for name in methods:
        assert callable(getattr(fresh_store, name, None)), name


def test_path_objects_are_accepted(tmp_path: Path):
    with SQLiteStore(tmp_path / "x.db") as store:
        assert store.path == tmp_path / "x.db"


def test_fingerprint_changes_exactly_when_entries_do(fresh_store, e):
    empty = fresh_store.fingerprint()
    replace(fresh_store, "test", [e("a"), e("b")])
    filled = fresh_store.fingerprint()
    assert filled != empty
    replace(fresh_store, "test", [e("a"), e("b")])
    assert fresh_store.fingerprint() == filled  # an identical re-import changes nothing
    fresh_store.upsert([e("b", birth_date="1970")])
    changed = fresh_store.fingerprint()
    assert changed != filled
    fresh_store.delete("b")
    assert fresh_store.fingerprint() not in {empty, filled, changed}


def test_fingerprint_depends_on_content_not_history(e):
    with SQLiteStore(":memory:") as one, SQLiteStore(":memory:") as two:
        one.upsert([e("a", birth_date="1970")])
        one.upsert([e("a")])
        two.upsert([e("a")])
        assert one.fingerprint() == two.fingerprint()
        two.upsert([e("z")])
        assert one.fingerprint() != two.fingerprint()
