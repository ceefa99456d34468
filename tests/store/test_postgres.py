"""What PostgreSQL adds: many writers at once, one chain, an ordered feed, atomic imports, NOTIFY.

Needs the PostgreSQL test server (HAJIZ_TEST_POSTGRES_URL); without one, conftest leaves this
module out. Every other store test runs on PostgreSQL too, through `fresh_store` and `db_url`.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from hajiz.audit import AuditEvent, verify_chain
from hajiz.errors import ConfigError, StoreError
from hajiz.model import Entry
from hajiz.store.postgres import PostgresStore
from tests.backends import with_schema


@pytest.fixture
def url(postgres_database) -> str:
    """A new, empty schema's URL."""
    return postgres_database.new_url()


def run_threads(count: int, work) -> None:
    """Run work(n) in `count` threads at once; re-raise the first failure."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_stores_opened_at_once_on_an_empty_schema_migrate_it_once(url):
    stores: list[PostgresStore] = []
    run_threads(4, lambda n: stores.append(PostgresStore(url)))
    with stores[0]._read() as cursor:
        cursor.execute("SELECT name, COUNT(*) FROM _migrations GROUP BY name HAVING COUNT(*) > 1")
        assert cursor.fetchall() == []
    for store in stores:
        store.close()


def test_audit_appends_from_many_connections_form_one_chain(url):
    stores = [PostgresStore(url) for _ in range(4)]

    def append(n: int) -> None:
        for i in range(25):
            stores[n].append_audit([AuditEvent("k", "ALPHA", "screen", f"{n}-{i}", detail={})])

    run_threads(4, append)
    records = list(stores[0].iter_audit())
    assert [r.seq for r in records] == list(range(1, 101))
    assert verify_chain(records, stores[1].audit_head()) == []
    for store in stores:
        store.close()


def test_concurrent_writers_of_one_entry_get_consecutive_versions(url, e):
    stores = [PostgresStore(url) for _ in range(3)]

    def write(n: int) -> None:
        for i in range(10):
            stores[n].upsert([e("shared", birth_date=str(1900 + n * 10 + i))])

    run_threads(3, write)
    history = stores[0].entry_history("shared")
    assert [change.version for change in history] == list(range(1, 31))
    assert stores[0].get("shared").version == 30
    for store in stores:
        store.close()


def test_a_follower_reading_while_writers_commit_misses_no_change(url, e):
    """Change ids become visible in order, so reading after the last seen id skips none."""
    writers = [PostgresStore(url) for _ in range(3)]
    follower = PostgresStore(url)
    seen: list[int] = []
    done = threading.Event()

    def follow() -> None:
        while True:
            is_last_round = done.is_set()
            for change_id, _ in follower.changes_since(seen[-1] if seen else 0):
                seen.append(change_id)
            if is_last_round:
                return

    reader = threading.Thread(target=follow)
    reader.start()
    run_threads(3, lambda n: [writers[n].upsert([e(f"w{n}-{i}")]) for i in range(30)])
    done.set()
    reader.join()
    with follower._read() as cursor:
        cursor.execute("SELECT id FROM entry_changes ORDER BY id")
        assert seen == [row[0] for row in cursor.fetchall()]
    assert len(seen) == 90
    for store in [*writers, follower]:
        store.close()


def test_readers_see_the_previous_list_until_an_import_commits(url, e):
    writer, reader = PostgresStore(url), PostgresStore(url)
    writer.replace_source(
        "test", [e("old-1"), e("old-2")], file_name="v1", sha256="1", source_version="v1"
    )
    halfway, resume = threading.Event(), threading.Event()

    def new_list() -> Iterator[Entry]:
        yield from (e(f"new-{i}") for i in range(600))  # more than one batch is written
        halfway.set()
        resume.wait(10)
        yield e("new-last")

    importing = threading.Thread(
        target=writer.replace_source,
        args=("test", new_list()),
        kwargs={"file_name": "v2", "sha256": "2", "source_version": "v2"},
    )
    importing.start()
    assert halfway.wait(10)
    assert reader.count() == 2 and reader.get("old-1") is not None
    assert reader.get("new-0") is None
    assert [entry.id for entry in reader.iter_entries()] == ["old-1", "old-2"]
    resume.set()
    importing.join()
    assert reader.count() == 601 and reader.get("old-1") is None
    assert reader.import_history()[0].source_version == "v2"
    writer.close()
    reader.close()


def test_the_listener_wakes_on_a_committed_change_only(url, postgres_database, e):
    writer = PostgresStore(url)
    other_schema = PostgresStore(postgres_database.new_url())

    async def scenario() -> tuple[bool, bool, bool, bool]:
        listener = writer.change_listener()
        try:
            quiet = await listener.wait(0.05)  # connects and listens; nothing happened yet
            writer.upsert([e("a")])
            woken = await listener.wait(5)
            other_schema.upsert([e("elsewhere")])  # another schema's store: another channel
            writer.append_audit([AuditEvent("k", "A", "screen", "t", detail={})])  # no entry
            unrelated = await listener.wait(0.2)
            writer.delete("a")
            again = await listener.wait(5)
            return quiet, woken, unrelated, again
        finally:
            await listener.aclose()

    assert asyncio.run(scenario()) == (False, True, False, True)
    writer.close()
    other_schema.close()


def test_the_listener_survives_an_unreachable_server(caplog):
    from hajiz.store.postgres_listen import PostgresListener

    listener = PostgresListener("host=127.0.0.1 port=1 connect_timeout=2", "hajiz_x", "pg://x")

    async def scenario() -> tuple[bool, bool]:
        first = await listener.wait(0.01)
        second = await listener.wait(0.01)
        await listener.aclose()
        return first, second

    assert asyncio.run(scenario()) == (False, False)
    warnings = [r for r in caplog.records if "cannot listen" in r.getMessage()]
    assert len(warnings) == 1  # said once, not at every retry


def test_a_search_path_without_any_schema_is_refused(postgres_database):
    with pytest.raises(ConfigError, match="no schema to create hajiz's tables in"):
        PostgresStore(with_schema(postgres_database.url, "no_such_schema"))


def test_stores_in_two_schemas_are_separate(url, postgres_database, e):
    one, two = PostgresStore(url), PostgresStore(postgres_database.new_url())
    one.upsert([e("a")])
    assert two.count() == 0 and one.count() == 1
    assert one.channel != two.channel
    assert "options=-csearch_path" in one.url
    one.close()
    two.close()


def test_a_closed_store_refuses_work(url, e):
    store = PostgresStore(url)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="the store is closed"):
        store.upsert([e("a")])
    with pytest.raises(StoreError, match="the store is closed"):
        store.count()
