"""The PostgreSQL store: any number of processes (servers, CLI) share one database.

The SQL is `SQLStore`'s; this module supplies connections and the three things that keep many
writers in several processes correct:

* entry writers take one transaction-scoped advisory lock first, so they commit one after the
  other: versions are computed from the latest committed state and change ids become visible
  in order, as the change feed needs (SQLite's single writer gives the same);
* every audit append locks the chain's head row (`SELECT ... FOR UPDATE`), so appends from any
  process form one chain;
* an entry change sends a NOTIFY that is delivered at commit; service workers LISTEN
  (`PostgresListener`) and apply it at once instead of at their next poll.

Readers never wait for writers: an import is one transaction, and until it commits everyone
keeps seeing the previous list. Each store keeps a few connections for reuse (`_Pool`).
A URL may carry libpq parameters, e.g. `?options=-csearch_path%3Dhajiz` to use a schema.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.pq import TransactionStatus
from psycopg.types.string import TextLoader

from hajiz.errors import ConfigError, StoreError
from hajiz.store.dialect import POSTGRESQL
from hajiz.store.migrations import apply_migrations
from hajiz.store.open import redact_url
from hajiz.store.postgres_listen import PostgresListener
from hajiz.store.sql import BATCH_SIZE, SQLStore

# Idle connections a store keeps; more are opened when needed and closed after use.
POOL_SIZE = 4
# Seconds to wait for the server when connecting (unless the URL says otherwise).
CONNECT_TIMEOUT = 10

Connection = psycopg.Connection[Any]


def postgres_conninfo(url: str) -> str:
    """The libpq connection string for a postgres URL (any accepted scheme spelling)."""
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in {"postgres", "postgresql", "postgresql+psycopg"} or not rest:
        raise ConfigError(f"Database URL {redact_url(url)!r} is not a postgresql:// URL")
    try:
        params = conninfo_to_dict(f"postgresql://{rest}")
    except psycopg.Error as error:
        raise ConfigError(f"Database URL {redact_url(url)!r} is unusable: {error}") from error
    params.setdefault("connect_timeout", CONNECT_TIMEOUT)
    params.setdefault("application_name", "hajiz")
    return make_conninfo("", **params)


def _lock_key(schema: str, purpose: str) -> int:
    """A 64-bit advisory lock key of one schema's purpose: stores in other schemas never wait."""
    digest = hashlib.sha256(f"hajiz:{schema}:{purpose}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class _Pool:
    """A few open connections kept for reuse; a broken one is dropped, never handed out again.

    When all are busy another is opened rather than waited for (a stream holds one while its
    reader writes), and closed on return when `size` are already idle.
    """

    def __init__(self, connect: Callable[[], Connection], size: int, url: str) -> None:
        self._connect = connect
        self._url = url
        self._size = size
        self._idle: list[Connection] = []
        self._lock = threading.Lock()
        self.is_closed = False

    def add(self, connection: Connection) -> None:
        """Keep an already open connection for reuse."""
        self._release(connection)

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A connection for one unit of work, returned to the pool afterwards."""
        connection = self._acquire()
        try:
            yield connection
        finally:
            self._release(connection)

    def _acquire(self) -> Connection:
        while True:
            with self._lock:
                if self.is_closed:
                    raise StoreError(f"{self._url}: the store is closed")
                connection = self._idle.pop() if self._idle else None
            if connection is None:
                return self._connect()
            if not connection.closed:
                return connection

    def _release(self, connection: Connection) -> None:
        is_reusable = (
            not connection.closed and connection.info.transaction_status == TransactionStatus.IDLE
        )
        with self._lock:
            if is_reusable and not self.is_closed and len(self._idle) < self._size:
                self._idle.append(connection)
                return
        connection.close()

    def close(self) -> None:
        """Close the idle connections; busy ones are closed when returned."""
        with self._lock:
            self.is_closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()


class PostgresStore(SQLStore):
    """A Store in a PostgreSQL database (in the first schema of its search_path)."""

    dialect = POSTGRESQL

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE) -> None:
        self.url = redact_url(url)
        self._conninfo = postgres_conninfo(url)
        self._pool = _Pool(self._connect, pool_size, self.url)
        try:
            first = self._open_connection()
        except psycopg.Error as error:
            message = f"Cannot connect to the database {self.url!r}: {_reason(error)}"
            raise ConfigError(message) from error
        try:
            row = first.execute("SELECT current_schema()").fetchone()
        except psycopg.Error as error:
            first.close()
            raise StoreError(f"{self.url}: cannot read the search_path: {error}") from error
        self._pool.add(first)
        if row is None or row[0] is None:
            self.close()
            raise ConfigError(
                f"Database {self.url!r}: no schema to create hajiz's tables in "
                "(the search_path names no existing schema)"
            )
        self.schema = str(row[0])
        self._entries_key = _lock_key(self.schema, "entries")
        self._migrations_key = _lock_key(self.schema, "migrations")
        # A channel name is an identifier (at most 63 bytes): a digest of the schema fits.
        self.channel = "hajiz_" + hashlib.sha256(self.schema.encode()).hexdigest()[:24]
        try:
            apply_migrations(self._migration_transaction, self.dialect, url=self.url)
        except BaseException:
            self.close()
            raise

    def _open_connection(self) -> Connection:
        # autocommit: a short read is its own transaction; writes say BEGIN via transaction().
        connection = psycopg.connect(self._conninfo, autocommit=True)
        # JSONB arrives as text, which Entry.from_json parses faster than it validates a dict.
        connection.adapters.register_loader("jsonb", TextLoader)
        return connection

    def _connect(self) -> Connection:
        try:
            return self._open_connection()
        except psycopg.Error as error:
            raise StoreError(f"{self.url}: cannot connect: {_reason(error)}") from error

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Cursor[Any]]:
        with self._pool.connection() as connection:
            try:
                with connection.transaction(), connection.cursor() as cursor:
                    yield cursor
            except psycopg.Error as error:
                message = f"{self.url}: write failed, nothing was changed: {_reason(error)}"
                raise StoreError(message) from error

    @contextmanager
    def _migration_transaction(self) -> Iterator[psycopg.Cursor[Any]]:
        # Two servers starting on an empty database must not both create the tables.
        with self._transaction() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (self._migrations_key,))
            yield cursor

    def _lock_entries(self, cursor: Any) -> None:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (self._entries_key,))

    def _announce_changes(self, cursor: Any) -> None:
        # Delivered when the transaction commits, and only then; repeats within it fold into one.
        cursor.execute("SELECT pg_notify(%s, '')", (self.channel,))

    @contextmanager
    def _read(self) -> Iterator[psycopg.Cursor[Any]]:
        with self._pool.connection() as connection:
            try:
                with connection.cursor() as cursor:
                    yield cursor
            except psycopg.Error as error:
                raise StoreError(f"{self.url}: read failed: {_reason(error)}") from error

    def _stream(self, sql_text: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        with self._pool.connection() as connection:
            try:
                with connection.transaction():
                    # One snapshot for the whole stream, as SQLite's read transaction gives.
                    connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    with connection.cursor(name="hajiz_stream") as cursor:
                        cursor.itersize = BATCH_SIZE
                        cursor.execute(sql_text, params)
                        while rows := cursor.fetchmany(BATCH_SIZE):
                            yield from rows
            except psycopg.Error as error:
                raise StoreError(f"{self.url}: read failed: {_reason(error)}") from error

    def change_listener(self) -> PostgresListener:
        """A listener woken by every committed entry change in this store's schema."""
        return PostgresListener(self._conninfo, self.channel, self.url)

    def close(self) -> None:
        """Close the store's connections."""
        self._pool.close()

    def __repr__(self) -> str:
        return f"PostgresStore({self.url!r})"


def _reason(error: psycopg.Error) -> str:
    """libpq's message on one line (it spreads some over several)."""
    return " ".join(str(error).split())
