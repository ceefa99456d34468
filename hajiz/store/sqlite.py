"""The SQLite store: one file (or memory), WAL mode, one writer connection behind a lock.

Writes and short reads share the writer connection and are serialised by a lock, so the store
is safe to use from several threads. Long reads (`iter_entries`) stream from their own
connection: in WAL mode they see one consistent snapshot while imports carry on.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hajiz.errors import ConfigError, StoreError
from hajiz.store.dialect import SQLITE
from hajiz.store.migrations import apply_migrations
from hajiz.store.sql import BATCH_SIZE, SQLStore

MEMORY_URL = "sqlite:///:memory:"
_PREFIX = "sqlite:///"


def parse_sqlite_url(path_or_url: str | Path) -> Path | None:
    """The database file named by a path or `sqlite:///` URL; None for `sqlite:///:memory:`.

    As in SQLAlchemy, `sqlite:///data/hajiz.db` is relative and `sqlite:////srv/hajiz.db` absolute.
    """
    if isinstance(path_or_url, Path):
        return path_or_url.expanduser()
    text = path_or_url.strip()
    if text.startswith("sqlite:"):
        if not text.startswith(_PREFIX):
            raise ConfigError(
                f"Unusable database URL {text!r}: write sqlite:///relative/path.db, "
                "sqlite:////absolute/path.db or sqlite:///:memory:"
            )
        text = text.removeprefix(_PREFIX)
    if text == ":memory:":
        return None
    if not text:
        raise ConfigError(f"Unusable database location {path_or_url!r}: no file path given")
    return Path(text).expanduser()


class SQLiteStore(SQLStore):
    """A Store in one SQLite file (or in memory, for tests)."""

    dialect = SQLITE

    def __init__(self, path_or_url: str | Path) -> None:
        self.path = parse_sqlite_url(path_or_url)
        self._lock = threading.RLock()
        self._writer: sqlite3.Connection | None = None
        if self.path is None:
            self.url = MEMORY_URL
            # A named shared-cache database, so streaming readers see the writer's data.
            self._target = f"file:hajiz-{uuid.uuid4().hex}?mode=memory&cache=shared"
        else:
            self.path = self.path.absolute()
            self.url = f"{_PREFIX}{self.path}"
            self._target = str(self.path)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"{self.path}: cannot create the database folder: {error.strerror}"
                ) from error
        self._writer = self._connect(is_writer=True)
        try:
            apply_migrations(self._transaction, self.dialect, url=self.url)
        except BaseException:
            self.close()
            raise

    def _connect(self, *, is_writer: bool = False) -> sqlite3.Connection:
        where = self.path if self.path is not None else "the in-memory database"
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so transactions are explicit.
            connection = sqlite3.connect(
                self._target,
                uri=self.path is None,
                isolation_level=None,
                check_same_thread=False,
                timeout=30.0,
            )
        except sqlite3.Error as error:
            raise StoreError(f"{where}: cannot open the database: {error}") from error
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA synchronous = NORMAL")
            if is_writer:
                # WAL: readers never block the writer, the writer never blocks readers.
                connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as error:
            connection.close()
            raise StoreError(f"{where}: cannot open the database: {error}") from error
        return connection

    def _connection(self) -> sqlite3.Connection:
        if self._writer is None:
            raise StoreError(f"{self.url}: the store is closed")
        return self._writer

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        with self._lock:
            cursor = self._connection().cursor()
            try:
                # IMMEDIATE takes the write lock now, so another process cannot slip in between.
                cursor.execute("BEGIN IMMEDIATE")
                yield cursor
            except sqlite3.Error as error:
                self._rollback(cursor)
                message = f"{self.url}: write failed, nothing was changed: {error}"
                raise StoreError(message) from error
            except BaseException:
                self._rollback(cursor)
                raise
            else:
                try:
                    cursor.execute("COMMIT")
                except sqlite3.Error as error:
                    self._rollback(cursor)
                    raise StoreError(f"{self.url}: commit failed: {error}") from error
            finally:
                cursor.close()

    @staticmethod
    def _rollback(cursor: sqlite3.Cursor) -> None:
        if cursor.connection.in_transaction:
            cursor.execute("ROLLBACK")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Cursor]:
        with self._lock:
            cursor = self._connection().cursor()
            try:
                yield cursor
            except sqlite3.Error as error:
                raise StoreError(f"{self.url}: read failed: {error}") from error
            finally:
                cursor.close()

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        self._connection()  # refuse to stream from a closed store
        reader = self._connect()
        try:
            reader.execute("PRAGMA query_only = ON")
            if self.path is None:
                # Shared-cache memory databases lock by table; reading uncommitted rows keeps
                # the writer unblocked (memory stores are for tests, so no snapshot is fine).
                reader.execute("PRAGMA read_uncommitted = ON")
            reader.execute("BEGIN")  # one read transaction: one snapshot for the whole stream
            cursor = reader.execute(sql, params)
            while rows := cursor.fetchmany(BATCH_SIZE):
                yield from rows
        except sqlite3.Error as error:
            raise StoreError(f"{self.url}: read failed: {error}") from error
        finally:
            reader.close()

    def close(self) -> None:
        """Close the writer connection (an in-memory database is gone afterwards)."""
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def __repr__(self) -> str:
        return f"SQLiteStore({self.url!r})"
