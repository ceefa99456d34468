"""One JSON error shape for every error the service returns: `{"detail": "...", "status": 400}`.

HajizError subclasses carry their status; FastAPI's validation errors become one readable
message naming each bad field; anything unexpected becomes a 500 that names no internals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from hajiz.errors import HajizError

log = logging.getLogger("hajiz.api")

# Headers a 401 carries, as RFC 6750 asks.
_AUTH_HEADERS = {"WWW-Authenticate": 'Bearer realm="hajiz"'}


class ErrorResponse(BaseModel):
    """The body of every error response."""

    detail: str = Field(examples=["Name is 812 characters long; the limit is 500"])
    status: int = Field(examples=[400])


def error_response(status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """An error in the one shape."""
    if status == 401:
        headers = {**_AUTH_HEADERS, **(headers or {})}
    return json_response({"detail": detail, "status": status}, status, headers)


def json_response(
    content: Any, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """A JSON response serialised by orjson (hot routes skip response-model validation)."""
    return Response(
        orjson.dumps(content), status_code=status, headers=headers, media_type="application/json"
    )


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each status documented with the error shape."""
    described = {
        400: "Invalid request (the message names the field and the limit)",
        401: "No API key, or an unknown, expired or revoked one",
        403: "The key's role or agency does not allow this",
        404: "No such entry (or one the caller may not see)",
        409: "The entry already exists",
        413: "Request body too large",
        422: "Request body does not fit the schema, or a list file cannot be read",
        503: "The audit record could not be written; nothing was done",
    }
    return {
        status: {"model": ErrorResponse, "description": described.get(status, "Error")}
        for status in statuses
    }


def _location(loc: Sequence[Any]) -> str:
    parts = [str(part) for part in loc if part not in ("body",)]
    return ".".join(parts) or "body"


def validation_message(errors: Sequence[Any]) -> str:
    """FastAPI's validation errors as one sentence per field."""
    messages = []
    for error in list(errors)[:10]:
        loc = error.get("loc", ()) if isinstance(error, dict) else ()
        msg = error.get("msg", "invalid") if isinstance(error, dict) else str(error)
        where = loc[0] if loc else "body"
        prefix = f"{where} parameter " if where in ("query", "path", "header") else ""
        messages.append(f"{prefix}{_location(loc[1:] if prefix else loc)}: {msg}")
    more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
    return "Invalid request: " + "; ".join(messages) + more


async def _hajiz_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HajizError)
    if exc.status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc.detail)
    return error_response(exc.status, exc.detail)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, validation_message(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No such endpoint: {request.method} {request.url.path} (see /docs)"
    elif exc.status_code == 405:
        detail = f"Method {request.method} is not allowed on {request.url.path}"
    return error_response(exc.status_code, detail, dict(exc.headers or {}))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("%s %s: unexpected error", request.method, request.url.path)
    return error_response(500, "Internal error; the service log has the details")


def install_error_handlers(app: FastAPI) -> None:
    """Map every error to the one shape, once, at the edge."""
    app.add_exception_handler(HajizError, _hajiz_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
