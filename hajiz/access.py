"""Agencies, API keys and roles: who may call the service, and what each caller may see and change.

A key belongs to one agency and carries one or more roles. Keys are random
(`secrets.token_urlsafe`), shown once when created, and stored only as a SHA-256 digest: the
key has 256 bits of entropy, so a plain digest cannot be reversed and needs no salt.

Visibility follows `screening.is_visible`: an entry is seen by its own agency and, when it
names agencies in `releasable_to`, only by those; otherwise by everyone.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from hajiz.audit import AuditAction, AuditEvent
from hajiz.errors import ConfigError, EntryNotFound, HajizError, InvalidInput
from hajiz.model import Entry

if TYPE_CHECKING:
    from hajiz.store.security import KeyStore

KEY_PREFIX = "hajiz_"
_AGENCY_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")
# The actor recorded in the audit log for changes made from the command line.
CLI_ACTOR = "cli"


class NotAuthenticated(HajizError):
    """No API key, or one that is unknown, expired or revoked."""

    status = 401


class Forbidden(HajizError):
    """The key is valid but its roles or agency do not allow this."""

    status = 403


class Role(StrEnum):
    """What a key may do. `admin` may do everything the others may, within its own agency."""

    SCREENER = "screener"
    CONTRIBUTOR = "contributor"
    REVIEWER = "reviewer"
    ADMIN = "admin"


@dataclass(frozen=True)
class Agency:
    """An agency sharing the watchlist: a short code and a name."""

    code: str
    name: str
    created_at: datetime


@dataclass(frozen=True)
class ApiKey:
    """A stored API key: everything but the key itself."""

    id: str
    key_hash: str
    agency: str
    roles: tuple[Role, ...]
    created_at: datetime
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    note: str | None = None

    def is_usable(self, now: datetime) -> bool:
        """Not revoked and not expired."""
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)

    def state(self, now: datetime) -> str:
        """active, expired or revoked."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and now >= self.expires_at:
            return "expired"
        return "active"


@dataclass(frozen=True)
class Principal:
    """The caller of one request: the key's id, its agency and its roles."""

    key_id: str
    agency: str
    roles: frozenset[Role]

    def has(self, role: Role) -> bool:
        """Whether the caller holds the role (admins hold every role)."""
        return role in self.roles or Role.ADMIN in self.roles

    def require(self, *roles: Role) -> None:
        """Raise Forbidden unless the caller holds one of the roles."""
        if not any(self.has(role) for role in roles):
            wanted = " or ".join(role.value for role in roles)
            held = ", ".join(sorted(role.value for role in self.roles))
            raise Forbidden(f"This needs the role {wanted}; this key has: {held}")


def hash_key(key: str) -> str:
    """The stored form of a key: hex SHA-256."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def check_agency_code(code: str) -> str:
    """Return the code if it is 1-32 capitals, digits, '-' or '_'; raise ConfigError otherwise."""
    if not _AGENCY_CODE.match(code):
        raise ConfigError(
            f"Agency code {code!r} is not usable: use 1 to 32 capital letters, digits, '-' or '_' "
            "(e.g. BORDER-POLICE)"
        )
    return code


def parse_roles(values: list[str] | tuple[str, ...]) -> tuple[Role, ...]:
    """Roles from their names, in a stable order; raise ConfigError naming an unknown one."""
    if not values:
        raise ConfigError(f"A key needs at least one role (choose from: {_role_names()})")
    roles: list[Role] = []
    for value in values:
        try:
            roles.append(Role(value.strip().lower()))
        except ValueError:
            raise ConfigError(f"Unknown role {value!r} (choose from: {_role_names()})") from None
    return tuple(role for role in Role if role in roles)


def _role_names() -> str:
    return ", ".join(role.value for role in Role)


def add_agency(store: KeyStore, code: str, name: str, *, actor: str = CLI_ACTOR) -> Agency:
    """Register an agency; raise ConfigError if the code is taken or unusable."""
    code = check_agency_code(code)
    if not name.strip():
        raise ConfigError(f"Agency {code}: the name must not be empty")
    agency = Agency(code=code, name=name.strip(), created_at=datetime.now(UTC))
    event = AuditEvent(actor, code, AuditAction.AGENCY_ADD, subject=code, detail={"name": name})
    store.add_agency(agency, audit=event)
    return agency


def create_key(
    store: KeyStore,
    agency: str,
    roles: list[str] | tuple[str, ...],
    *,
    expires_days: int | None = None,
    note: str | None = None,
    actor: str = CLI_ACTOR,
) -> tuple[ApiKey, str]:
    """Create a key for an agency; return it and the secret key, which is never shown again."""
    if store.get_agency(agency) is None:
        raise ConfigError(f"No agency {agency!r}; add it first with: hajiz agencies add {agency}")
    if expires_days is not None and expires_days <= 0:
        raise ConfigError(f"--expires-days must be positive, got {expires_days}")
    now = datetime.now(UTC)
    key_id = f"k_{secrets.token_hex(6)}"
    secret = f"{KEY_PREFIX}{secrets.token_urlsafe(32)}"
    record = ApiKey(
        id=key_id,
        key_hash=hash_key(secret),
        agency=agency,
        roles=parse_roles(roles),
        created_at=now,
        expires_at=now + timedelta(days=expires_days) if expires_days else None,
        note=note,
    )
    detail = {
        "roles": [role.value for role in record.roles],
        "expires_at": record.expires_at.isoformat() if record.expires_at else None,
    }
    store.add_api_key(
        record, audit=AuditEvent(actor, agency, AuditAction.KEY_CREATE, key_id, detail=detail)
    )
    return record, secret


def revoke_key(store: KeyStore, key_id: str, *, actor: str = CLI_ACTOR) -> ApiKey:
    """Revoke a key from now on; raise ConfigError if there is no such key."""
    key = store.get_api_key(key_id)
    if key is None:
        raise ConfigError(f"No API key {key_id!r} (see: hajiz keys list)")
    event = AuditEvent(actor, key.agency, AuditAction.KEY_REVOKE, key_id)
    revoked = store.revoke_api_key(key_id, datetime.now(UTC), audit=event)
    return revoked or key


def authenticate(store: KeyStore, key: str | None, now: datetime | None = None) -> Principal:
    """The caller a presented key stands for; raise NotAuthenticated otherwise."""
    if not key:
        raise NotAuthenticated(
            "An API key is required: send 'Authorization: Bearer <key>' (see docs/api.md)"
        )
    record = store.find_api_key(hash_key(key))
    now = now or datetime.now(UTC)
    # One message for unknown, expired and revoked keys: no hint for someone guessing keys.
    if record is None or not record.is_usable(now):
        raise NotAuthenticated("The API key is unknown, expired or revoked")
    return Principal(key_id=record.id, agency=record.agency, roles=frozenset(record.roles))


def can_see(entry: Entry, agency: str) -> bool:
    """Whether an agency may see an entry (the rule of `screening.is_visible`)."""
    if entry.releasable_to is None:
        return True
    return agency == entry.agency or agency in entry.releasable_to


def visible_or_missing(entry: Entry | None, entry_id: str, principal: Principal) -> Entry:
    """The entry if the caller may see it; an invisible entry is as missing as an absent one."""
    if entry is None or not can_see(entry, principal.agency):
        raise EntryNotFound(entry_id)
    return entry


def check_may_change(entry: Entry | None, entry_id: str, principal: Principal) -> Entry | None:
    """Raise unless the caller may change this entry (None: it does not exist yet)."""
    if entry is None:
        return None
    entry = visible_or_missing(entry, entry_id, principal)
    if entry.agency != principal.agency:
        raise Forbidden(
            f"Entry {entry_id!r} belongs to agency {entry.agency}; "
            f"agency {principal.agency} changes only its own entries"
        )
    return entry


def check_releasable_to(codes: list[str] | None) -> tuple[str, ...] | None:
    """Validate a `releasable_to` list of agency codes (None: releasable to all)."""
    if codes is None:
        return None
    if len(codes) > 100:
        raise InvalidInput(f"releasable_to names {len(codes)} agencies; the limit is 100")
    try:
        return tuple(dict.fromkeys(check_agency_code(code) for code in codes))
    except ConfigError as error:
        raise InvalidInput(f"releasable_to: {error.detail}") from None
