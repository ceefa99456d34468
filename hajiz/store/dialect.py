"""Every difference between SQL databases that the stores care about, in one place.

The SQL in `store/sql.py` and `store/migrations.py` is written once and asks a `Dialect` for
placeholders, column types, the upsert clause, id ordering and how times and JSON travel to and
from the driver. A PostgreSQL backend adds one more `Dialect` value; the queries stay the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

# Values per IN list: far below every driver's limit on parameters in one statement.
IN_LIST_SIZE = 500


def in_lists(values: Iterable[str]) -> Iterator[list[str]]:
    """The values, each once and in order, in runs of at most IN_LIST_SIZE for `IN (...)`."""
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), IN_LIST_SIZE):
        yield unique[start : start + IN_LIST_SIZE]


@dataclass(frozen=True)
class Dialect:
    """How one SQL database spells the few things that differ between databases."""

    name: str
    # DB-API parameter marker: "?" for sqlite3 (qmark), "%s" for psycopg (format).
    param: str
    json_type: str
    timestamp_type: str
    # An auto-numbered integer primary key column definition.
    serial_primary_key: str
    # Appended to ORDER BY id so ids sort by bytes everywhere, not by a locale's collation.
    binary_collation: str
    # Cast appended to a JSON parameter ("" when the driver takes JSON text as is).
    json_cast: str
    # True when the driver hands timestamps over as text (SQLite), False for native datetimes.
    is_text_time: bool
    # Appended to a SELECT inside a write transaction to lock the rows it reads until commit
    # ("" for SQLite, whose BEGIN IMMEDIATE already holds the database's one write lock).
    lock_row: str = ""

    def params(self, count: int) -> str:
        """`count` comma-separated parameter markers, e.g. for an IN list or VALUES."""
        return ", ".join([self.param] * count)

    def upsert(
        self, table: str, columns: Sequence[str], key: str, json_columns: Sequence[str] = ()
    ) -> str:
        """An INSERT that updates every other column when `key` already exists."""
        values = ", ".join(
            f"{self.param}{self.json_cast}" if column in json_columns else self.param
            for column in columns
        )
        updates = ", ".join(f"{column} = excluded.{column}" for column in columns if column != key)
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
        )

    def to_db_time(self, value: datetime) -> Any:
        """A timezone-aware datetime as the driver stores it."""
        value = value.astimezone(UTC)
        return value.isoformat() if self.is_text_time else value

    def from_db_time(self, value: Any) -> datetime:
        """A stored time back to a timezone-aware UTC datetime."""
        result = datetime.fromisoformat(value) if isinstance(value, str) else value
        if not isinstance(result, datetime):
            raise TypeError(f"not a stored time: {value!r}")
        if result.tzinfo is None:
            result = result.replace(tzinfo=UTC)
        return result


SQLITE = Dialect(
    name="sqlite",
    param="?",
    json_type="TEXT",
    timestamp_type="TEXT",
    serial_primary_key="INTEGER PRIMARY KEY AUTOINCREMENT",
    binary_collation="",  # SQLite compares TEXT bytewise (BINARY) by default
    json_cast="",
    is_text_time=True,
)

POSTGRESQL = Dialect(
    name="postgresql",
    param="%s",
    json_type="JSONB",
    timestamp_type="TIMESTAMPTZ",
    serial_primary_key="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    binary_collation=' COLLATE "C"',
    json_cast="::jsonb",
    is_text_time=False,
    lock_row=" FOR UPDATE",
)
