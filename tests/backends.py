"""The store backends the tests run on: SQLite always, PostgreSQL when a test server is given.

`HAJIZ_TEST_POSTGRES_URL` names a superuser on a throwaway server (`.ci/run` starts one). Each
test process then makes a database of its own (dropped at the end), and each store a test asks
for is a new schema in it, named by the URL's search_path: a schema costs milliseconds, a
database a lot more.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from hajiz.store.open import open_store
from hajiz.store.service import ServiceStore, open_service_store
from hajiz.store.sql import SQLStore

POSTGRES_URL_ENV = "HAJIZ_TEST_POSTGRES_URL"


def postgres_server_url() -> str | None:
    """The test server's superuser URL, or None (SQLite only)."""
    return os.environ.get(POSTGRES_URL_ENV) or None


BACKENDS = ["sqlite", "postgresql"] if postgres_server_url() else ["sqlite"]


def with_database(url: str, database: str) -> str:
    """The same server URL with another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def with_schema(url: str, schema: str) -> str:
    """The URL with `schema` first (and only) in its search_path."""
    parts = urlsplit(url)
    option = "options=" + quote(f"-csearch_path={schema}", safe="")
    query = f"{parts.query}&{option}" if parts.query else option
    return urlunsplit(parts._replace(query=query))


class PostgresTestDatabase:
    """One database on the test server for one test process; a fresh schema per store."""

    def __init__(self, server_url: str, name: str) -> None:
        import psycopg

        self.server_url = server_url
        self.name = name
        self.url = with_database(server_url, name)
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        self._admin = psycopg.connect(self.url, autocommit=True)

    def new_url(self) -> str:
        """The URL of a new, empty schema."""
        schema = f"t_{uuid.uuid4().hex[:16]}"
        self._admin.execute(f'CREATE SCHEMA "{schema}"')
        return with_schema(self.url, schema)

    def drop(self) -> None:
        """Drop the database, closing whatever connections a test left open."""
        import psycopg

        self._admin.close()
        with psycopg.connect(self.server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def new_database_url(
    backend: str, folder: Path, postgres_database: PostgresTestDatabase | None
) -> str:
    """An empty database of `backend`: a SQLite file in `folder`, or a new PostgreSQL schema."""
    if backend == "sqlite":
        return str(folder / "hajiz.db")
    assert postgres_database is not None, "PostgreSQL tests need HAJIZ_TEST_POSTGRES_URL"
    return postgres_database.new_url()


def execute_sql(url: str, *statements: str) -> None:
    """Run statements in one transaction on the store at `url` (to break or tamper with it)."""
    store = open_store(url)
    assert isinstance(store, SQLStore)
    try:
        with store._transaction() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        store.close()


@contextmanager
def store_at(url: str) -> Iterator[ServiceStore]:
    """The store at `url`, closed afterwards."""
    store = open_service_store(url)
    try:
        yield store
    finally:
        store.close()
