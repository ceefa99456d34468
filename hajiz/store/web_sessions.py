"""Sessions of the officer web page, kept in the store so every worker process sees them.

A session row holds only a SHA-256 of the session token (the token lives in the browser's
cookie), the id of the API key that signed in (never the key), the form token against
cross-site requests, and when the session ends. Signing in and out is audited in the same
transaction as the row it writes or deletes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from hajiz.audit import AuditEvent
from hajiz.store.audit_log import AuditLogMixin
from hajiz.store.dialect import Dialect

_COLUMNS = ("token_hash", "key_id", "csrf_token", "created_at", "expires_at")


@dataclass(frozen=True)
class WebSession:
    """One signed-in browser: whose key, its form token, and when it ends."""

    token_hash: str
    key_id: str
    csrf_token: str
    created_at: datetime
    expires_at: datetime

    def is_live(self, now: datetime) -> bool:
        """Not yet expired."""
        return now < self.expires_at


class WebSessionStore(Protocol):
    """What the web page's sessions need from a store."""

    def add_web_session(self, session: WebSession, *, audit: AuditEvent | None = None) -> None:
        """Store a new session (and audit it in the same transaction)."""
        ...

    def get_web_session(self, token_hash: str) -> WebSession | None:
        """The session whose token has this hash, or None."""
        ...

    def delete_web_session(self, token_hash: str, *, audit: AuditEvent | None = None) -> bool:
        """End a session; whether there was one (the audit is written only then)."""
        ...

    def delete_expired_web_sessions(self, now: datetime) -> int:
        """Remove sessions that ended before `now`; return how many."""
        ...


class WebSessionMixin(AuditLogMixin):
    """WebSessionStore over the SQL of `SQLStore` (mixed into it)."""

    dialect: Dialect

    def add_web_session(self, session: WebSession, *, audit: AuditEvent | None = None) -> None:
        """Store a new session (and audit it in the same transaction)."""
        d = self.dialect
        with self._transaction() as cursor:
            cursor.execute(
                f"INSERT INTO web_sessions ({', '.join(_COLUMNS)}) VALUES ({d.params(5)})",
                (
                    session.token_hash,
                    session.key_id,
                    session.csrf_token,
                    d.to_db_time(session.created_at),
                    d.to_db_time(session.expires_at),
                ),
            )
            self._append_audit(cursor, [audit] if audit else [])

    def get_web_session(self, token_hash: str) -> WebSession | None:
        """The session whose token has this hash, or None."""
        with self._read() as cursor:
            cursor.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM web_sessions "
                f"WHERE token_hash = {self.dialect.param}",
                (token_hash,),
            )
            row = cursor.fetchone()
        return None if row is None else self._web_session(row)

    def delete_web_session(self, token_hash: str, *, audit: AuditEvent | None = None) -> bool:
        """End a session; whether there was one (the audit is written only then)."""
        with self._transaction() as cursor:
            cursor.execute(
                f"DELETE FROM web_sessions WHERE token_hash = {self.dialect.param}", (token_hash,)
            )
            deleted = cursor.rowcount > 0
            if deleted:
                self._append_audit(cursor, [audit] if audit else [])
        return deleted

    def delete_expired_web_sessions(self, now: datetime) -> int:
        """Remove sessions that ended before `now`; return how many."""
        with self._transaction() as cursor:
            cursor.execute(
                f"DELETE FROM web_sessions WHERE expires_at < {self.dialect.param}",
                (self.dialect.to_db_time(now),),
            )
            return max(cursor.rowcount, 0)

    def _web_session(self, row: Sequence[Any]) -> WebSession:
        d = self.dialect
        return WebSession(
            token_hash=row[0],
            key_id=row[1],
            csrf_token=row[2],
            created_at=d.from_db_time(row[3]),
            expires_at=d.from_db_time(row[4]),
        )
