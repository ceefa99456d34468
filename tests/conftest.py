# Fixture strategy
#
# * Entries are built with the `e` factory: `e("un-1", name="Ahmad Khan", birth_date="1970")`.
#   Only the fields a test is about are given; the rest take dull defaults (source "test",
#   agency "TEST", a Person), so a test reads as what it checks.
# * Stores are real, never mocked, and every test that uses one runs on each backend in
#   tests/backends.py: SQLite always, PostgreSQL too when HAJIZ_TEST_POSTGRES_URL names a test
#   server (`.ci/run` starts one). `fresh_store` is an empty store (in-memory SQLite, or a new
#   PostgreSQL schema); `db_url` is an empty database URL (a SQLite file path, or a schema).
#   Tests of SQLite itself (files, WAL, reopening) use `db_path` (a file in tmp_path).
# * The CLI runs in-process through click's CliRunner: `run_cli("entries", "list")` always
#   passes `--db db_url`, so no test touches the user's real database.
# * The environment is cleaned for every test: HAJIZ_DATABASE_URL is removed and
#   HAJIZ_DATA_DIR points into tmp_path, so defaults can never reach the user's data folder.
#   HAJIZ_REAL_DATA_DIR is left alone: tests of the real data read it and skip when absent.
# * List files come from small fixtures in tests/fixtures/ cut from the real lists; nothing
#   needs the network.
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from hajiz.model import BirthDate, Entry, EntrySchema, Name
from hajiz.store.service import ServiceStore, open_service_store
from hajiz.store.sqlite import SQLiteStore
from tests.backends import (
    BACKENDS,
    PostgresTestDatabase,
    new_database_url,
    postgres_server_url,
)

EntryFactory = Callable[..., Entry]

# What only PostgreSQL does (many processes on one store) needs the test server: without one,
# these modules are left out (everything else still runs on SQLite).
collect_ignore = (
    [] if postgres_server_url() else ["store/test_postgres.py", "api/test_two_servers.py"]
)


def make_entry(
    entry_id: str,
    name: str | None = None,
    *,
    names: tuple[str, ...] = (),
    schema: str = "Person",
    source: str = "test",
    agency: str = "TEST",
    birth_date: str | None = None,
    **fields: Any,
) -> Entry:
    """An Entry with only the interesting fields given; `name` defaults to one built from the id."""
    all_names = ((name,) if name else ()) + names or (f"Name Of {entry_id}",)
    return Entry(
        id=entry_id,
        schema=EntrySchema(schema),
        source=source,
        agency=agency,
        names=tuple(Name(full=full) for full in all_names),
        birth_dates=(BirthDate.parse(birth_date),) if birth_date else (),
        **fields,
    )


@pytest.fixture
def e() -> EntryFactory:
    """The entry factory (see make_entry)."""
    return make_entry


@pytest.fixture(autouse=True)
def _clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HAJIZ_DATABASE_URL", raising=False)
    monkeypatch.setenv("HAJIZ_DATA_DIR", str(tmp_path / "data-dir"))


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[PostgresTestDatabase | None]:
    """This test process's database on the PostgreSQL test server (None without a server)."""
    server = postgres_server_url()
    if server is None:
        yield None
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    database = PostgresTestDatabase(server, f"hajiz_test_{worker}_{os.getpid()}")
    yield database
    database.drop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The store backend this test runs on."""
    return str(request.param)


@pytest.fixture
def db_url(backend: str, db_path: Path, postgres_database: PostgresTestDatabase | None) -> str:
    """An empty database (not created until opened): `db_path`, or a new PostgreSQL schema."""
    return new_database_url(backend, db_path.parent, postgres_database)


@pytest.fixture
def fresh_store(
    backend: str, postgres_database: PostgresTestDatabase | None
) -> Iterator[ServiceStore]:
    """An empty store: in-memory SQLite, or a new PostgreSQL schema."""
    if backend == "sqlite":
        store: ServiceStore = SQLiteStore(":memory:")
    else:
        assert postgres_database is not None
        store = open_service_store(postgres_database.new_url())
    yield store
    store.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's SQLite database file goes (not created until opened)."""
    return tmp_path / "db" / "hajiz.db"


@pytest.fixture
def run_cli(db_url: str) -> Callable[..., Result]:
    """Run `hajiz --db <db_url> ARGS...` in-process and return click's Result."""
    from hajiz.cli import main

    def run(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", db_url, *args])

    return run


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps tables to the terminal; xdist workers have none, so give every test one width."""
    monkeypatch.setenv("COLUMNS", "200")
