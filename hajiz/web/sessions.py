"""Signing in to the web page with an API key, and the server-side session that follows.

The key is checked once, at sign-in, and never kept: the browser gets a random session token in
an HttpOnly, SameSite=Strict cookie, and the store keeps only the token's SHA-256 with the key's
id. Sessions live in the store rather than in one process's memory, so any worker of
`hajiz serve --workers N` can serve any request, and signing out (deleting the row) ends the
session everywhere at once. Each request re-reads the key, so revoking it ends its sessions too.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol, cast

from hajiz.access import NotAuthenticated, Principal, Role, authenticate, hash_key
from hajiz.audit import AuditEvent
from hajiz.errors import ConfigError
from hajiz.store.security import KeyStore, SecurityMixin
from hajiz.store.web_sessions import WebSession, WebSessionMixin, WebSessionStore

SESSION_COOKIE = "hajiz_session"
# Holds the form token of the sign-in form, before there is a session to hold it.
SIGN_IN_COOKIE = "hajiz_sign_in"
SIGN_IN_ACTION = "web.sign-in"
SIGN_OUT_ACTION = "web.sign-out"


class SignInRequired(NotAuthenticated):
    """No live session: the page sends the browser to the sign-in form."""


class FormExpired(NotAuthenticated):
    """A form came back without the token this session gave it (or from another site)."""

    status = 403


@dataclass(frozen=True)
class Officer:
    """The signed-in caller of one page request."""

    principal: Principal
    csrf_token: str
    token_hash: str
    expires_at: datetime

    def may(self, *roles: Role) -> bool:
        """Whether the officer's key holds one of the roles (admins hold every role)."""
        return any(self.principal.has(role) for role in roles)


class SessionKeyStore(KeyStore, WebSessionStore, Protocol):
    """A store holding both API keys and web sessions."""


def session_store(store: object) -> SessionKeyStore:
    """The store as one that can hold web sessions; ConfigError if its backend cannot."""
    if not (isinstance(store, WebSessionMixin) and isinstance(store, SecurityMixin)):
        raise ConfigError("The web page needs a SQL store to keep its sessions")
    return cast(SessionKeyStore, store)


def new_token() -> str:
    """A random token for a session or a form (256 bits)."""
    return secrets.token_urlsafe(32)


def tokens_match(expected: str, given: str | None) -> bool:
    """Compare tokens in constant time."""
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


def sign_in(
    store: SessionKeyStore, key: str, *, hours: float, now: datetime | None = None
) -> tuple[str, Officer]:
    """Start a session for a valid API key; return the cookie's token and the officer."""
    principal = authenticate(store, key.strip())
    now = now or datetime.now(UTC)
    store.delete_expired_web_sessions(now)
    token = new_token()
    session = WebSession(
        token_hash=hash_key(token),
        key_id=principal.key_id,
        csrf_token=new_token(),
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    event = AuditEvent(principal.key_id, principal.agency, SIGN_IN_ACTION)
    store.add_web_session(session, audit=event)
    return token, _officer(session, principal)


def resume(store: SessionKeyStore, token: str | None, now: datetime | None = None) -> Officer:
    """The officer whose session token this is; SignInRequired if it is unknown or over."""
    if not token:
        raise SignInRequired("Sign in with your API key to use the web page")
    now = now or datetime.now(UTC)
    session = store.get_web_session(hash_key(token))
    if session is None or not session.is_live(now):
        raise SignInRequired("Your session has ended; sign in again")
    key = store.get_api_key(session.key_id)
    if key is None or not key.is_usable(now):
        store.delete_web_session(session.token_hash)
        raise SignInRequired("The API key of this session is no longer valid; sign in again")
    principal = Principal(key_id=key.id, agency=key.agency, roles=frozenset(key.roles))
    return _officer(session, principal)


def sign_out(store: SessionKeyStore, officer: Officer) -> None:
    """End the officer's session in the store (every worker sees it gone)."""
    principal = officer.principal
    event = AuditEvent(principal.key_id, principal.agency, SIGN_OUT_ACTION)
    store.delete_web_session(officer.token_hash, audit=event)


def _officer(session: WebSession, principal: Principal) -> Officer:
    return Officer(
        principal=principal,
        csrf_token=session.csrf_token,
        token_hash=session.token_hash,
        expires_at=session.expires_at,
    )
