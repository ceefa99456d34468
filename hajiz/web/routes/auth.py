"""Signing in with an API key and out again; the site root sends the officer to a first page.

The sign-in form has no session yet to carry its form token, so the token goes in a short-lived
cookie of its own and the form must send the same value back (a double-submit check).
"""

from __future__ import annotations

import contextlib

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from hajiz.access import NotAuthenticated, Role
from hajiz.api.deps import StateDep
from hajiz.web.deps import AnyFormDep, WebRoute, is_secure, read_form
from hajiz.web.render import PREFIX, page
from hajiz.web.sessions import (
    SESSION_COOKIE,
    SIGN_IN_COOKIE,
    Officer,
    SignInRequired,
    new_token,
    resume,
    session_store,
    sign_in,
    sign_out,
    tokens_match,
)

router = APIRouter(route_class=WebRoute, include_in_schema=False)

# The sign-in form must be sent back within this many seconds of being shown.
SIGN_IN_FORM_SECONDS = 1800


def first_page(officer: Officer) -> str:
    """Where an officer lands after signing in: screening, else the review queue."""
    if officer.may(Role.SCREENER):
        return f"{PREFIX}/screen"
    if officer.may(Role.REVIEWER):
        return f"{PREFIX}/review"
    return f"{PREFIX}/imports"


def _sign_in_form(
    request: Request, state: StateDep, *, error: str | None = None, status: int = 200
) -> Response:
    token = new_token()
    response = page(
        request, "sign_in.html", officer=None, status=status, csrf_token=token, error=error
    )
    response.set_cookie(
        SIGN_IN_COOKIE,
        token,
        max_age=SIGN_IN_FORM_SECONDS,
        path=f"{PREFIX}/sign-in",
        secure=is_secure(request, state.settings),
        httponly=True,
        samesite="strict",
    )
    return response


@router.get("/")
async def site_root() -> Response:
    """The site root opens the web page."""
    return RedirectResponse(f"{PREFIX}/", status_code=303)


@router.get(PREFIX)
@router.get(f"{PREFIX}/")
async def home(request: Request, state: StateDep) -> Response:
    """The officer's first page, or the sign-in form."""
    try:
        officer = resume(session_store(state.store), request.cookies.get(SESSION_COOKIE))
    except SignInRequired:
        return RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
    return RedirectResponse(first_page(officer), status_code=303)


@router.get(f"{PREFIX}/sign-in")
async def sign_in_form(request: Request, state: StateDep) -> Response:
    """The sign-in form (or the first page, when already signed in)."""
    try:
        officer = resume(session_store(state.store), request.cookies.get(SESSION_COOKIE))
    except SignInRequired:
        return _sign_in_form(request, state)
    return RedirectResponse(first_page(officer), status_code=303)


@router.post(f"{PREFIX}/sign-in")
async def sign_in_submit(request: Request, state: StateDep) -> Response:
    """Check the key, start a session, and set its cookie."""
    form = await read_form(request)
    token, key = form.get("csrf_token"), form.get("api_key")
    if not isinstance(token, str) or not tokens_match(
        request.cookies.get(SIGN_IN_COOKIE, ""), token
    ):
        return _sign_in_form(
            request,
            state,
            error="The sign-in form expired or came from another site; please try again.",
            status=403,
        )
    store = session_store(state.store)
    try:
        session_token, officer = sign_in(
            store, key if isinstance(key, str) else "", hours=state.settings.web_session_hours
        )
    except NotAuthenticated as error:
        return _sign_in_form(request, state, error=error.detail, status=401)
    # A session already open in this browser ends: one browser, one session.
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        with contextlib.suppress(SignInRequired):
            sign_out(store, resume(store, old))
    response = RedirectResponse(first_page(officer), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_token,
        max_age=int(state.settings.web_session_hours * 3600),
        path=PREFIX,
        secure=is_secure(request, state.settings),
        httponly=True,
        samesite="strict",
    )
    response.delete_cookie(SIGN_IN_COOKIE, path=f"{PREFIX}/sign-in", httponly=True)
    return response


@router.post(f"{PREFIX}/sign-out")
async def sign_out_submit(request: Request, state: StateDep, signed: AnyFormDep) -> Response:
    """End the session in the store and clear its cookie."""
    sign_out(session_store(state.store), signed.officer)
    response = RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE,
        path=PREFIX,
        secure=is_secure(request, state.settings),
        httponly=True,
        samesite="strict",
    )
    return response
