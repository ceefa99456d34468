# Fixture strategy
#
# * Entries are built with the `e` factory: `e("un-1", name="Ahmad Khan", birth_date="1970")`.
#   Only the fields a test is about are given; the rest take dull defaults (source "test",
#   agency "TEST", a Person), so a test reads as what it checks.
# * Stores are real, never mocked: `fresh_store` is an in-memory SQLiteStore (fast, gone after
#   the test); tests of files, reopening or streaming snapshots open `db_path` (a file in
#   tmp_path) themselves.
# * The CLI runs in-process through click's CliRunner: `run_cli("entries", "list")` always
#   passes `--db` pointing at `db_path`, so no test touches the user's real database.
# * The environment is cleaned for every test: HAJIZ_DATABASE_URL is removed and
#   HAJIZ_DATA_DIR points into tmp_path, so defaults can never reach the user's data folder.
#   HAJIZ_REAL_DATA_DIR is left alone: tests of the real data read it and skip when absent.
# * List files come from small fixtures in tests/fixtures/ cut from the real lists; nothing
#   needs the network.
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from hajiz.model import BirthDate, Entry, EntrySchema, Name
from hajiz.store.sqlite import SQLiteStore

EntryFactory = Callable[..., Entry]


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


@pytest.fixture
def fresh_store() -> Iterator[SQLiteStore]:
    """An empty in-memory store."""
    store = SQLiteStore(":memory:")
    yield store
    store.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file goes (not created until opened)."""
    return tmp_path / "db" / "hajiz.db"


@pytest.fixture
def run_cli(db_path: Path) -> Callable[..., Result]:
    """Run `hajiz --db <db_path> ARGS...` in-process and return click's Result."""
    from hajiz.cli import main

    def run(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", str(db_path), *args])

    return run


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps tables to the terminal; xdist workers have none, so give every test one width."""
    monkeypatch.setenv("COLUMNS", "200")
