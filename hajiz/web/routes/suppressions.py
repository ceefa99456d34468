"""False positives remembered: the agency's suppressions, and revoking one with a reason.

A reviewer who learns a cleared traveller may be the listed person after all (new
intelligence, a wrong decision) revokes the suppression here, as `DELETE /v1/suppressions/{id}`
does: the same service, rules and audit. Revoking is a POST that then sends the browser back
to the list (a GET), so reloading never revokes twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from hajiz.access import Role
from hajiz.api.deps import StateDep
from hajiz.errors import HajizError
from hajiz.web.deps import ReviewFormDep, WebRoute, officer_with
from hajiz.web.render import PREFIX, page
from hajiz.web.sessions import Officer

router = APIRouter(route_class=WebRoute, include_in_schema=False)

ReviewerPageDep = Annotated[Officer, Depends(officer_with(Role.REVIEWER))]
SuppressionIdPath = Annotated[str, Path(max_length=64)]
# Suppressions listed per page.
PAGE_SIZE = 50


def _list_page(
    request: Request,
    state: StateDep,
    officer: Officer,
    *,
    offset: int = 0,
    error: str | None = None,
    status: int = 200,
) -> Response:
    review = state.screening.review
    found = review.list_suppressions(officer.principal, limit=PAGE_SIZE + 1, offset=offset)
    now, days = datetime.now(UTC), review.suppression_days
    rows = [(s, s.state(now, days), s.expires_at(days)) for s in found[:PAGE_SIZE]]
    return page(
        request,
        "suppressions.html",
        officer=officer,
        status=status,
        rows=rows,
        offset=offset,
        has_more=len(found) > PAGE_SIZE,
        page_size=PAGE_SIZE,
        days=days,
        error=error,
    )


@router.get(f"{PREFIX}/suppressions")
async def suppressions_page(
    request: Request,
    state: StateDep,
    officer: ReviewerPageDep,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Suppressions the agency decided, on its entries, or that clear its screenings."""
    return _list_page(request, state, officer, offset=offset)


@router.post(f"{PREFIX}/suppressions/{{suppression_id}}/revoke")
async def revoke(
    request: Request, suppression_id: SuppressionIdPath, state: StateDep, signed: ReviewFormDep
) -> Response:
    """Revoke one suppression from now on (a reason is required), then list them again."""
    try:
        state.screening.review.revoke_suppression(
            signed.officer.principal, suppression_id, reason=signed.get("reason")
        )
    except HajizError as error:
        if error.status == 404:
            raise
        return _list_page(request, state, signed.officer, error=error.detail, status=error.status)
    return RedirectResponse(f"{PREFIX}/suppressions", status_code=303)
