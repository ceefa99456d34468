"""The officer web page, served by the API's app under /web: server-rendered, no scripts.

`install_web(app)` adds the pages, their static files and the security headers. Pages call the
same service layer as the JSON API (screening, visibility, audit), never the HTTP API itself.
See docs/web.md for the pages and the security model.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from hajiz.web.deps import WebRoute, error_page
from hajiz.web.headers import SecurityHeaders
from hajiz.web.render import PREFIX, STATIC
from hajiz.web.routes import auth, entries, imports, review, screen, suppressions

__all__ = ["PAGE_ROUTERS", "install_web"]

_fallback = APIRouter(route_class=WebRoute, include_in_schema=False)


@_fallback.get(f"{PREFIX}/{{rest:path}}")
async def no_such_page(request: Request, rest: str) -> Response:
    """Any other path under /web: a 404 page rather than the API's JSON."""
    return error_page(request, 404, f"There is no page at {request.url.path}")


# Every router of the page, in the order they are matched (the catch-all 404 last).
PAGE_ROUTERS = (
    auth.router,
    screen.router,
    review.router,
    suppressions.router,
    entries.router,
    imports.router,
    _fallback,
)


def install_web(app: FastAPI) -> None:
    """Serve the web page from `app`: routes, static files and security headers."""
    app.add_middleware(SecurityHeaders, prefix=PREFIX, static_prefix=f"{PREFIX}/static")
    app.mount(f"{PREFIX}/static", StaticFiles(directory=STATIC), name="web-static")
    for router in PAGE_ROUTERS:
        app.include_router(router)
