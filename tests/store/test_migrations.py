from __future__ import annotations

import sqlite3

import pytest

from hajiz.errors import StoreError
from hajiz.store.dialect import SQLITE
from hajiz.store.migrations import MIGRATIONS, Migration, apply_migrations
from hajiz.store.sqlite import SQLiteStore


def recorded(db_path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM _migrations ORDER BY name")]
    finally:
        connection.close()


def test_migrations_are_recorded_once_and_reopening_applies_nothing(db_path):
    SQLiteStore(db_path).close()
    assert recorded(db_path) == [migration.name for migration in MIGRATIONS]
    with SQLiteStore(db_path) as store:
        assert apply_migrations(store._transaction, SQLITE, url=store.url) == []
    assert recorded(db_path) == [migration.name for migration in MIGRATIONS]


def test_migration_names_are_unique_and_ordered():
    names = [migration.name for migration in MIGRATIONS]
    assert names == sorted(names)
    assert len(set(names)) == len(names)


def test_a_new_migration_is_applied_in_order_on_reopen(db_path):
    SQLiteStore(db_path).close()
    extra = Migration("9999_test_note", lambda d: ["CREATE TABLE test_note (text TEXT)"])
    with SQLiteStore(db_path) as store:
        applied = apply_migrations(
            store._transaction, SQLITE, url=store.url, migrations=(*MIGRATIONS, extra)
        )
        assert applied == ["9999_test_note"]
        again = apply_migrations(
            store._transaction, SQLITE, url=store.url, migrations=(*MIGRATIONS, extra)
        )
        assert again == []
    assert recorded(db_path)[-1] == "9999_test_note"


def test_a_failing_migration_leaves_no_trace(db_path):
    SQLiteStore(db_path).close()
    broken = Migration(
        "0002_broken", lambda d: ["CREATE TABLE half_done (x TEXT)", "THIS IS NOT SQL"]
    )
    with SQLiteStore(db_path) as store, pytest.raises(StoreError, match="nothing was changed"):
        apply_migrations(
            store._transaction, SQLITE, url=store.url, migrations=(*MIGRATIONS, broken)
        )
    connection = sqlite3.connect(db_path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "half_done" not in tables
    assert "0002_broken" not in recorded(db_path)


def test_a_database_from_a_newer_hajiz_is_refused(db_path):
    SQLiteStore(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("INSERT INTO _migrations VALUES ('0099_from_the_future', '2030-01-01')")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match=r"0099_from_the_future.*upgrade hajiz"):
        SQLiteStore(db_path)


def test_schema_has_the_expected_tables(db_path):
    SQLiteStore(db_path).close()
    connection = sqlite3.connect(db_path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert {"entries", "imports", "entry_changes", "_migrations", "entries_source"} <= tables
