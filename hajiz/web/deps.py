"""What the page routes depend on: the signed-in officer, checked forms, and HTML errors.

Page routes use `WebRoute`, which turns errors into pages rather than the API's JSON: no
session sends the browser to the sign-in form, any other HajizError becomes an error page
with its status and message.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from starlette.datastructures import FormData

from hajiz.access import Role
from hajiz.api.deps import StateDep
from hajiz.api.errors import validation_message
from hajiz.errors import HajizError
from hajiz.settings import Settings
from hajiz.web.render import PREFIX, page
from hajiz.web.sessions import (
    SESSION_COOKIE,
    FormExpired,
    Officer,
    SignInRequired,
    resume,
    session_store,
    tokens_match,
)

log = logging.getLogger("hajiz.web")

# The most fields and characters a page form may send (the forms have about ten short fields).
MAX_FIELDS = 50
MAX_FIELD_LENGTH = 2000


def is_secure(request: Request, settings: Settings) -> bool:
    """Whether the session cookie must be marked Secure."""
    return settings.web_secure_cookie or request.url.scheme == "https"


def error_page(request: Request, status: int, detail: str) -> Response:
    """An error as a page, with the menu when the officer is known."""
    officer: Officer | None = getattr(request.state, "officer", None)
    return page(
        request, "error.html", officer=officer, status=status, error_status=status, detail=detail
    )


def sign_in_redirect(request: Request) -> Response:
    """Send the browser to the sign-in form and drop its dead session cookie."""
    response = RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
    if SESSION_COOKIE in request.cookies:
        response.delete_cookie(SESSION_COOKIE, path=PREFIX, httponly=True, samesite="strict")
    return response


class WebRoute(APIRoute):
    """A page route: errors become pages (or the sign-in form), never JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The route's handler, wrapped to render errors."""
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInRequired:
                return sign_in_redirect(request)
            except HajizError as error:
                if error.status >= 500:
                    log.error("%s %s failed: %s", request.method, request.url.path, error.detail)
                return error_page(request, error.status, error.detail)
            except RequestValidationError as error:
                return error_page(request, 400, validation_message(error.errors()))

        return handle


async def current_officer(request: Request, state: StateDep) -> Officer:
    """The officer of the request's session cookie; SignInRequired without a live one."""
    officer = resume(session_store(state.store), request.cookies.get(SESSION_COOKIE))
    request.state.officer = officer
    return officer


OfficerDep = Annotated[Officer, Depends(current_officer)]


def officer_with(*roles: Role) -> Callable[..., Awaitable[Officer]]:
    """A dependency: the signed-in officer, whose key must hold one of `roles`."""

    async def check(officer: OfficerDep) -> Officer:
        officer.principal.require(*roles)
        return officer

    return check


def is_same_origin(request: Request) -> bool:
    """Whether the request's Origin (when the browser sends one) is this site."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


class FormTooLarge(HajizError):
    """A form field longer than any page form needs."""

    status = 400


async def read_form(request: Request) -> FormData:
    """The request's form fields (no files), bounded in number and length."""
    form = await request.form(max_files=0, max_fields=MAX_FIELDS)
    for name, value in form.multi_items():
        if not isinstance(value, str) or len(value) > MAX_FIELD_LENGTH:
            raise FormTooLarge(f"Form field {name!r} is longer than {MAX_FIELD_LENGTH} characters")
    return form


@dataclass(frozen=True)
class SignedForm:
    """A posted form whose token matched the officer's session."""

    officer: Officer
    form: FormData

    def get(self, name: str) -> str:
        """A field's value, stripped ('' when absent)."""
        value = self.form.get(name)
        return value.strip() if isinstance(value, str) else ""


def signed_form(*roles: Role) -> Callable[..., Awaitable[SignedForm]]:
    """A dependency for every POST: the officer (holding one of `roles`) and the checked form.

    The form must carry the session's token and, when the browser names an Origin, come from
    this site; otherwise FormExpired (403) and nothing is done.
    """

    async def check(request: Request, officer: OfficerDep) -> SignedForm:
        form = await read_form(request)
        token = form.get("csrf_token")
        if not is_same_origin(request) or not tokens_match(
            officer.csrf_token, token if isinstance(token, str) else None
        ):
            raise FormExpired(
                "This form has expired or did not come from this page; "
                "open the page again and resubmit"
            )
        if roles:
            officer.principal.require(*roles)
        return SignedForm(officer, form)

    return check


ScreenerPageDep = Annotated[Officer, Depends(officer_with(Role.SCREENER))]
ReaderPageDep = Annotated[
    Officer, Depends(officer_with(Role.SCREENER, Role.REVIEWER, Role.CONTRIBUTOR))
]
ReviewerPageDep = Annotated[Officer, Depends(officer_with(Role.REVIEWER))]
AnyFormDep = Annotated[SignedForm, Depends(signed_form())]
ScreenFormDep = Annotated[SignedForm, Depends(signed_form(Role.SCREENER))]
ReviewFormDep = Annotated[SignedForm, Depends(signed_form(Role.REVIEWER))]
