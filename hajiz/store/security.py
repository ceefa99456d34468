"""Agencies and API keys in the store; every change is audited in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from hajiz.access import Agency, ApiKey, Role
from hajiz.audit import AuditEvent
from hajiz.errors import ConfigError
from hajiz.store.audit_log import AuditLogMixin

_KEY_COLUMNS = (
    *("id", "key_hash", "agency", "roles", "created_at", "expires_at", "revoked_at", "note"),
)


class KeyStore(Protocol):
    """What agencies and API keys need from a store."""

    def add_agency(self, agency: Agency, *, audit: AuditEvent | None = None) -> None:
        """Add an agency; raise ConfigError if the code is taken."""
        ...

    def get_agency(self, code: str) -> Agency | None:
        """The agency with this code, or None."""
        ...

    def list_agencies(self) -> list[Agency]:
        """Every agency, by code."""
        ...

    def add_api_key(self, key: ApiKey, *, audit: AuditEvent | None = None) -> None:
        """Store a new key (its hash, never the key)."""
        ...

    def get_api_key(self, key_id: str) -> ApiKey | None:
        """The key with this id, or None."""
        ...

    def find_api_key(self, key_hash: str) -> ApiKey | None:
        """The key whose hash this is, or None."""
        ...

    def list_api_keys(self, agency: str | None = None) -> list[ApiKey]:
        """Every key (of one agency, if given), oldest first."""
        ...

    def revoke_api_key(
        self, key_id: str, at: datetime, *, audit: AuditEvent | None = None
    ) -> ApiKey | None:
        """Revoke a key from `at` on (an already revoked key keeps its time); None if unknown."""
        ...


class SecurityMixin(AuditLogMixin):
    """KeyStore over the SQL of `SQLStore` (mixed into it)."""

    def add_agency(self, agency: Agency, *, audit: AuditEvent | None = None) -> None:
        """Add an agency; raise ConfigError if the code is taken."""
        p = self.dialect.param
        with self._transaction() as cursor:
            cursor.execute(f"SELECT name FROM agencies WHERE code = {p}", (agency.code,))
            if cursor.fetchone() is not None:
                raise ConfigError(f"Agency {agency.code!r} already exists")
            cursor.execute(
                f"INSERT INTO agencies (code, name, created_at) VALUES ({self.dialect.params(3)})",
                (agency.code, agency.name, self.dialect.to_db_time(agency.created_at)),
            )
            self._append_audit(cursor, [audit] if audit else [])

    def get_agency(self, code: str) -> Agency | None:
        """The agency with this code, or None."""
        with self._read() as cursor:
            cursor.execute(
                f"SELECT code, name, created_at FROM agencies WHERE code = {self.dialect.param}",
                (code,),
            )
            row = cursor.fetchone()
        return None if row is None else self._agency(row)

    def list_agencies(self) -> list[Agency]:
        """Every agency, by code."""
        with self._read() as cursor:
            cursor.execute("SELECT code, name, created_at FROM agencies ORDER BY code")
            rows = cursor.fetchall()
        return [self._agency(row) for row in rows]

    def _agency(self, row: Sequence[Any]) -> Agency:
        return Agency(code=row[0], name=row[1], created_at=self.dialect.from_db_time(row[2]))

    def add_api_key(self, key: ApiKey, *, audit: AuditEvent | None = None) -> None:
        """Store a new key (its hash, never the key)."""
        d = self.dialect
        with self._transaction() as cursor:
            cursor.execute(
                f"INSERT INTO api_keys ({', '.join(_KEY_COLUMNS)}) VALUES ({d.params(8)})",
                (
                    key.id,
                    key.key_hash,
                    key.agency,
                    ",".join(role.value for role in key.roles),
                    d.to_db_time(key.created_at),
                    None if key.expires_at is None else d.to_db_time(key.expires_at),
                    None if key.revoked_at is None else d.to_db_time(key.revoked_at),
                    key.note,
                ),
            )
            self._append_audit(cursor, [audit] if audit else [])

    def get_api_key(self, key_id: str) -> ApiKey | None:
        """The key with this id, or None."""
        return self._one_key("id", key_id)

    def find_api_key(self, key_hash: str) -> ApiKey | None:
        """The key whose hash this is, or None."""
        return self._one_key("key_hash", key_hash)

    def _one_key(self, column: str, value: str) -> ApiKey | None:
        with self._read() as cursor:
            cursor.execute(
                f"SELECT {', '.join(_KEY_COLUMNS)} FROM api_keys "
                f"WHERE {column} = {self.dialect.param}",
                (value,),
            )
            row = cursor.fetchone()
        return None if row is None else self._key(row)

    def list_api_keys(self, agency: str | None = None) -> list[ApiKey]:
        """Every key (of one agency, if given), oldest first."""
        where, params = (
            ("", ()) if agency is None else (f" WHERE agency = {self.dialect.param}", (agency,))
        )
        with self._read() as cursor:
            cursor.execute(
                f"SELECT {', '.join(_KEY_COLUMNS)} FROM api_keys{where} ORDER BY created_at, id",
                params,
            )
            rows = cursor.fetchall()
        return [self._key(row) for row in rows]

    def revoke_api_key(
        self, key_id: str, at: datetime, *, audit: AuditEvent | None = None
    ) -> ApiKey | None:
        """Revoke a key from `at` on (an already revoked key keeps its time); None if unknown."""
        p = self.dialect.param
        with self._transaction() as cursor:
            cursor.execute(
                f"UPDATE api_keys SET revoked_at = {p} WHERE id = {p} AND revoked_at IS NULL",
                (self.dialect.to_db_time(at), key_id),
            )
            if cursor.rowcount:
                self._append_audit(cursor, [audit] if audit else [])
        return self.get_api_key(key_id)

    def _key(self, row: Sequence[Any]) -> ApiKey:
        d = self.dialect
        return ApiKey(
            id=row[0],
            key_hash=row[1],
            agency=row[2],
            roles=tuple(Role(role) for role in row[3].split(",") if role),
            created_at=d.from_db_time(row[4]),
            expires_at=None if row[5] is None else d.from_db_time(row[5]),
            revoked_at=None if row[6] is None else d.from_db_time(row[6]),
            note=row[7],
        )
