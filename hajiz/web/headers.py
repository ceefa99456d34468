"""Security headers on every response of the web page (and nothing else: /docs needs its CDN).

The policy allows scripts, styles, images and form posts from this origin only, and no
framing: the page carries no inline script or style, so nothing needs `'unsafe-inline'`.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)

PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Pages show travellers' data and list entries: keep them out of every cache, including the
# browser's back-button cache after signing out. Static files may be cached.
NO_STORE = "no-store"


def is_page_path(path: str, prefix: str) -> bool:
    """Whether a request path belongs to the web page (its prefix, or the site root)."""
    return path == "/" or path == prefix or path.startswith(prefix + "/")


class SecurityHeaders:
    """ASGI middleware adding the page headers to responses under `prefix`."""

    def __init__(self, app: ASGIApp, *, prefix: str, static_prefix: str) -> None:
        self.app = app
        self.prefix = prefix
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path or not is_page_path(path, self.prefix):
            await self.app(scope, receive, send)
            return
        is_static = path.startswith(self.static_prefix + "/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in PAGE_HEADERS.items():
                    headers[name] = value
                if not is_static:
                    headers["Cache-Control"] = NO_STORE
            await send(message)

        await self.app(scope, receive, send_with_headers)
