"""One list entry as a page: names, dates, documents, listing, and its change history.

An entry the officer's agency may not see answers exactly as a missing one does (the same 404
and message), so the page never confirms that a restricted entry exists.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from hajiz.access import visible_or_missing
from hajiz.api.deps import StateDep
from hajiz.web.deps import ReaderPageDep, WebRoute
from hajiz.web.render import PREFIX, page

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.get(f"{PREFIX}/entries/{{entry_id:path}}")
async def entry_page(
    request: Request,
    entry_id: Annotated[str, Path(max_length=300)],
    state: StateDep,
    officer: ReaderPageDep,
) -> Response:
    """One entry the officer's agency may see."""
    entry = visible_or_missing(state.store.get(entry_id), entry_id, officer.principal)
    return page(
        request,
        "entry.html",
        officer=officer,
        entry=entry,
        history=state.store.entry_history(entry.id),
    )
