"""Schema migrations: named, applied in order, each once, recorded in `_migrations`.

A migration is a function of the dialect returning its statements, so one list serves every
backend. Never edit a released migration: add a new one at the end of `MIGRATIONS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from hajiz.errors import StoreError
from hajiz.store.dialect import Dialect


class Cursor(Protocol):
    """The part of a DB-API cursor the stores use."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def fetchall(self) -> list[Any]: ...


# Opens a write transaction and yields its cursor: commit on exit, rollback on error.
Transaction = Callable[[], AbstractContextManager[Cursor]]


@dataclass(frozen=True)
class Migration:
    """One named schema change."""

    name: str
    statements: Callable[[Dialect], list[str]]


def _initial_schema(d: Dialect) -> list[str]:
    ts, json = d.timestamp_type, d.json_type
    return [
        f"""CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            agency TEXT NOT NULL,
            schema TEXT NOT NULL,
            source_version TEXT,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            created_at {ts} NOT NULL,
            updated_at {ts} NOT NULL,
            body {json} NOT NULL
        )""",
        "CREATE INDEX entries_source ON entries (source)",
        f"""CREATE TABLE imports (
            id {d.serial_primary_key},
            source TEXT NOT NULL,
            source_version TEXT,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            imported_at {ts} NOT NULL,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            unchanged INTEGER NOT NULL
        )""",
        "CREATE INDEX imports_source ON imports (source)",
        # No foreign key to entries: the history of a removed entry must outlive it.
        f"""CREATE TABLE entry_changes (
            id {d.serial_primary_key},
            entry_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'removed')),
            version INTEGER NOT NULL,
            at {ts} NOT NULL,
            import_id BIGINT REFERENCES imports (id)
        )""",
        "CREATE INDEX entry_changes_entry ON entry_changes (entry_id)",
        "CREATE INDEX entry_changes_import ON entry_changes (import_id)",
    ]


def _access_and_audit(d: Dialect) -> list[str]:
    ts = d.timestamp_type
    return [
        f"""CREATE TABLE agencies (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            created_at {ts} NOT NULL
        )""",
        # Only a SHA-256 of each key is kept: the key itself is shown once, when created.
        f"""CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            key_hash TEXT NOT NULL UNIQUE,
            agency TEXT NOT NULL REFERENCES agencies (code),
            roles TEXT NOT NULL,
            created_at {ts} NOT NULL,
            expires_at {ts},
            revoked_at {ts},
            note TEXT
        )""",
        # detail and query are TEXT, not JSON: the hash chain needs back exactly what was written.
        f"""CREATE TABLE audit_log (
            seq BIGINT PRIMARY KEY,
            at {ts} NOT NULL,
            actor TEXT NOT NULL,
            agency TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT,
            query_digest TEXT,
            query TEXT,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        "CREATE INDEX audit_log_at ON audit_log (at)",
        "CREATE INDEX audit_log_agency ON audit_log (agency, seq)",
        "CREATE INDEX audit_log_action ON audit_log (action, seq)",
        # The last record's seq and hash: catches records deleted from the end of the chain.
        """CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq BIGINT NOT NULL,
            hash TEXT NOT NULL
        )""",
        # The head row exists from the start, so the first append already has a row to lock.
        f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{'0' * 64}')",
        "CREATE INDEX entries_agency ON entries (agency)",
    ]


def _cases(d: Dialect) -> list[str]:
    ts, json = d.timestamp_type, d.json_type
    return [
        # One case per screening with a hit at or above the threshold: the query and its hits.
        f"""CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            agency TEXT NOT NULL,
            actor TEXT NOT NULL,
            status TEXT NOT NULL,
            opened_at {ts} NOT NULL,
            updated_at {ts} NOT NULL,
            query {json} NOT NULL,
            traveller_keys {json} NOT NULL,
            algorithm TEXT NOT NULL,
            threshold DOUBLE PRECISION NOT NULL,
            audit_seq BIGINT
        )""",
        "CREATE INDEX cases_queue ON cases (agency, status, opened_at)",
        # The hits as screened (entry version, agency, who could see it) and each one's review.
        f"""CREATE TABLE case_hits (
            case_id TEXT NOT NULL REFERENCES cases (id),
            entry_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            entry_version INTEGER NOT NULL,
            entry_agency TEXT NOT NULL,
            source TEXT NOT NULL,
            caption TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            band TEXT NOT NULL,
            explanation {json} NOT NULL,
            releasable_to {json},
            status TEXT NOT NULL,
            escalated_to TEXT,
            PRIMARY KEY (case_id, entry_id)
        )""",
        "CREATE INDEX case_hits_escalated ON case_hits (escalated_to, status)",
        f"""CREATE TABLE case_decisions (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases (id),
            entry_id TEXT NOT NULL,
            entry_version INTEGER NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            agency TEXT NOT NULL,
            decided_at {ts} NOT NULL,
            audit_seq BIGINT
        )""",
        "CREATE INDEX case_decisions_case ON case_decisions (case_id)",
        # A false positive remembered; its id is the decision's. Revoked, never deleted.
        f"""CREATE TABLE suppressions (
            id TEXT PRIMARY KEY REFERENCES case_decisions (id),
            case_id TEXT NOT NULL REFERENCES cases (id),
            entry_id TEXT NOT NULL,
            entry_version INTEGER NOT NULL,
            entry_agency TEXT NOT NULL,
            traveller_keys {json} NOT NULL,
            kind TEXT NOT NULL,
            agency TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            reason TEXT NOT NULL,
            decided_at {ts} NOT NULL,
            applies_to TEXT,
            revoked_at {ts},
            revoked_by TEXT,
            revoke_reason TEXT
        )""",
        "CREATE INDEX suppressions_agency ON suppressions (agency, decided_at)",
        "CREATE INDEX suppressions_entry_agency ON suppressions (entry_agency, decided_at)",
        # Looked up on every screening with hits: by the traveller's key, then the entry.
        """CREATE TABLE suppression_keys (
            suppression_id TEXT NOT NULL REFERENCES suppressions (id),
            traveller_key TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            PRIMARY KEY (suppression_id, traveller_key)
        )""",
        "CREATE INDEX suppression_keys_lookup ON suppression_keys (traveller_key, entry_id)",
    ]


def _web_sessions(d: Dialect) -> list[str]:
    ts = d.timestamp_type
    return [
        # The officer web page's sessions: a SHA-256 of the cookie's token, never the token; no
        # foreign key to api_keys, since a session of a deleted key is refused on use anyway.
        f"""CREATE TABLE web_sessions (
            token_hash TEXT PRIMARY KEY,
            key_id TEXT NOT NULL,
            csrf_token TEXT NOT NULL,
            created_at {ts} NOT NULL,
            expires_at {ts} NOT NULL
        )""",
        "CREATE INDEX web_sessions_expires ON web_sessions (expires_at)",
    ]


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial_schema", _initial_schema),
    Migration("0002_access_and_audit", _access_and_audit),
    Migration("0003_cases", _cases),
    Migration("0004_web_sessions", _web_sessions),
)


def _applied(cursor: Cursor) -> set[str]:
    cursor.execute("SELECT name FROM _migrations")
    return {row[0] for row in cursor.fetchall()}


def apply_migrations(
    transaction: Transaction,
    dialect: Dialect,
    *,
    url: str,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> list[str]:
    """Apply the migrations not yet recorded, in order; return the names applied now."""
    with transaction() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS _migrations "
            f"(name TEXT PRIMARY KEY, applied_at {dialect.timestamp_type} NOT NULL)"
        )
        applied = _applied(cursor)
    known = {migration.name for migration in migrations}
    unknown = sorted(applied - known)
    if unknown:
        raise StoreError(
            f"{url}: the database has migrations this hajiz does not know ({', '.join(unknown)}); "
            "it was written by a newer version, upgrade hajiz to open it"
        )
    done: list[str] = []
    for migration in _pending(migrations, applied):
        with transaction() as cursor:
            # Check again inside the write transaction: another process may have just applied it.
            if migration.name in _applied(cursor):
                continue
            for statement in migration.statements(dialect):
                cursor.execute(statement)
            cursor.execute(
                f"INSERT INTO _migrations (name, applied_at) VALUES ({dialect.params(2)})",
                (migration.name, dialect.to_db_time(datetime.now(UTC))),
            )
        done.append(migration.name)
    return done


def _pending(migrations: Sequence[Migration], applied: set[str]) -> Iterator[Migration]:
    return (migration for migration in migrations if migration.name not in applied)
