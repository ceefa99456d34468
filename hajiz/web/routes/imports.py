"""The import history: which list files were imported when, and what each changed.

Only lists the officer's agency may know of are shown (those with an entry it may see), as
`list_versions` reports them with every screening.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hajiz.api.deps import StateDep
from hajiz.web.deps import OfficerDep, WebRoute
from hajiz.web.render import PREFIX, page

router = APIRouter(route_class=WebRoute, include_in_schema=False)

# Most imports listed, newest first.
SHOWN_IMPORTS = 200


@router.get(f"{PREFIX}/imports")
async def import_history(request: Request, state: StateDep, officer: OfficerDep) -> Response:
    """The imports of the lists this agency may know of, newest first."""
    versions = state.sync.list_versions(officer.principal.agency)
    records = [r for r in state.store.import_history() if r.source in versions]
    return page(
        request,
        "imports.html",
        officer=officer,
        imports=records[:SHOWN_IMPORTS],
        versions=versions,
    )
