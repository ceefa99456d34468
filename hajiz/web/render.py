"""Templates of the web page: one Jinja environment with autoescaping always on.

Every value reaches the page through `{{ }}`, which escapes it: a list entry or a query named
`<script>` shows as text. Nothing is marked safe. Arabic text carries `dir="rtl" lang="ar"`
(see the `text` macro), so the browser lays it out right to left and shapes its letters.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from hajiz import __version__
from hajiz.access import Role
from hajiz.model import Script
from hajiz.names.normalize import detect_script
from hajiz.web.sessions import Officer

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PREFIX = "/web"


def text_dir(value: object) -> str:
    """`rtl` for text written mostly in Arabic script, else `ltr`."""
    text = "" if value is None else str(value)
    return "rtl" if text and detect_script(text) is Script.ARABIC else "ltr"


def percent(value: object) -> str:
    """A score in [0, 1] as a whole percentage."""
    return f"{float(value) * 100:.0f}%" if isinstance(value, int | float) else "–"


def when(value: object) -> str:
    """A time in UTC to the minute."""
    if not isinstance(value, datetime):
        return "" if value is None else str(value)
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(text_dir=text_dir, percent=percent, when=when)
    environment.globals.update(version=__version__, prefix=PREFIX)
    return environment


templates = Jinja2Templates(env=_environment())


def navigation(officer: Officer | None) -> list[tuple[str, str]]:
    """(path, label) of the pages this officer may open, in menu order."""
    if officer is None:
        return []
    items = []
    if officer.may(Role.SCREENER):
        items.append((f"{PREFIX}/screen", "Screen"))
    if officer.may(Role.SCREENER, Role.REVIEWER):
        items.append((f"{PREFIX}/review", "Review queue"))
    if officer.may(Role.REVIEWER):
        items.append((f"{PREFIX}/suppressions", "Suppressions"))
    items.append((f"{PREFIX}/imports", "Import history"))
    return items


def page(
    request: Request,
    name: str,
    *,
    officer: Officer | None,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render one page with what every page needs (the officer, the menu, the form token)."""
    csrf_token = context.pop("csrf_token", officer.csrf_token if officer else "")
    values = {
        "officer": officer,
        "csrf_token": csrf_token,
        "nav": navigation(officer),
        "path": request.url.path,
        **context,
    }
    return templates.TemplateResponse(request, name, values, status_code=status)
