"""Hostile input stops at the door: body size, JSON depth and invisible or broken characters.

An ASGI middleware reads each JSON body (up to the size limit), parses it once with orjson
(which refuses invalid UTF-8 and lone surrogates), and walks it for nesting depth and for
characters that hide what a name says: bidi controls, zero-width characters, NUL and other
control characters. Each problem is a 4xx in the one error shape, naming where and what; the
body is then handed on unchanged to FastAPI. Uploads (multipart) get their own, larger limit.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hajiz.api.errors import error_response
from hajiz.errors import InvalidInput

# Bidi embeddings, overrides and isolates, and the implicit marks (incl. Arabic letter mark).
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Zero-width and invisible characters, BOM included.
_ZERO_WIDTH = "\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
# C0 controls but tab, newline and carriage return; DEL; C1 controls.
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_CONTROLS += "".join(chr(c) for c in range(0x7F, 0xA0))
_FORBIDDEN = re.compile(f"[{re.escape(_BIDI + _ZERO_WIDTH + _CONTROLS)}\ud800-\udfff]")

_BODY_METHODS = {"POST", "PUT", "PATCH"}


def _kind(ch: str) -> str:
    if ch in _BIDI:
        return "a bidirectional-text control"
    if ch in _ZERO_WIDTH:
        return "a zero-width character"
    if "\ud800" <= ch <= "\udfff":
        return "a lone surrogate"
    if ch == "\x00":
        return "a NUL character"
    return "a control character"


def _path(parts: list[str]) -> str:
    return "".join(parts) or "body"


def check_json(value: Any, max_depth: int) -> None:
    """Raise InvalidInput for nesting deeper than `max_depth` or a forbidden character."""
    stack: list[tuple[Any, int, list[str]]] = [(value, 1, [])]
    while stack:
        item, depth, where = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                raise InvalidInput(
                    f"Request body nests deeper than {max_depth} levels at {_path(where)}"
                )
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            for key, child in pairs:
                if isinstance(key, str):
                    _check_text(key, [*where, f".{key!r}"], is_key=True)
                    step = f".{key}" if where else key
                else:
                    step = f"[{key}]"
                stack.append((child, depth + 1, [*where, step]))
        elif isinstance(item, str):
            _check_text(item, where, is_key=False)


def _check_text(text: str, where: list[str], *, is_key: bool) -> None:
    found = _FORBIDDEN.search(text)
    if found is None:
        return
    ch = found.group()
    name = unicodedata.name(ch, "unnamed")
    what = "key" if is_key else "value"
    raise InvalidInput(
        f"{_path(where)}: the {what} contains {_kind(ch)} (U+{ord(ch):04X} {name}) at character "
        f"{found.start() + 1}; remove it and send the text as written"
    )


class BodyLimits:
    """ASGI middleware enforcing the body limits before any route sees the request."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_upload: int, max_depth: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").decode("latin-1").lower()
        is_upload = content_type.startswith("multipart/form-data")
        limit = self.max_upload if is_upload else self.max_body
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await error_response(400, "Content-Length is not a number")(scope, receive, send)
                return
            if declared > limit:
                await self._too_large(declared, limit, scope, receive, send)
                return
        if is_upload:
            if length is None:
                response = error_response(411, "A list upload needs a Content-Length header")
                await response(scope, receive, send)
                return
            # The server delivers no more than Content-Length bytes: the check above suffices.
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > limit:
                await self._too_large(len(body), limit, scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        if body.strip() and ("json" in content_type or not content_type):
            try:
                check_json(orjson.loads(body), self.max_depth)
            except orjson.JSONDecodeError as error:
                await error_response(400, f"Request body is not valid JSON: {error}")(
                    scope, receive, send
                )
                return
            except InvalidInput as error:
                await error_response(400, error.detail)(scope, receive, send)
                return
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _too_large(
        self, size: int, limit: int, scope: Scope, receive: Receive, send: Send
    ) -> None:
        detail = f"Request body of {size} bytes is larger than the limit of {limit} bytes"
        await error_response(413, detail)(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
