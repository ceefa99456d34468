"""API keys on the wire: `Authorization: Bearer <key>` (or `ApiKey <key>`), and role checks.

Every route but the health checks depends on one of the `*Dep` principals below: no key or a
bad key is a 401, a key without the role is a 403.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Security
from fastapi.security import APIKeyHeader

from hajiz.access import NotAuthenticated, Principal, Role, authenticate
from hajiz.api.deps import StateDep

_SCHEMES = ("bearer", "apikey")

authorization_header = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="ApiKey",
    description="Send `Bearer <key>` (or `ApiKey <key>`); create keys with `hajiz keys create`.",
)


def presented_key(header: str | None) -> str | None:
    """The key in an Authorization header value; raise NotAuthenticated for another scheme."""
    if header is None or not header.strip():
        return None
    scheme, _, key = header.strip().partition(" ")
    if scheme.lower() not in _SCHEMES or not key.strip():
        raise NotAuthenticated("The Authorization header must be 'Bearer <key>' or 'ApiKey <key>'")
    return key.strip()


async def current_principal(
    state: StateDep, authorization: Annotated[str | None, Security(authorization_header)]
) -> Principal:
    """The caller, from the API key of the request."""
    return authenticate(state.store, presented_key(authorization))


def requires(*roles: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the caller, who must hold one of `roles` (admins hold all)."""

    async def check(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
        principal.require(*roles)
        return principal

    return check


PrincipalDep = Annotated[Principal, Depends(current_principal)]
ScreenerDep = Annotated[Principal, Depends(requires(Role.SCREENER))]
ReaderDep = Annotated[Principal, Depends(requires(Role.SCREENER, Role.REVIEWER, Role.CONTRIBUTOR))]
ContributorDep = Annotated[Principal, Depends(requires(Role.CONTRIBUTOR))]
ReviewerDep = Annotated[Principal, Depends(requires(Role.REVIEWER))]
AdminDep = Annotated[Principal, Depends(requires(Role.ADMIN))]
