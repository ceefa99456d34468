"""The review queue: cases awaiting the agency's decision, one case's page, and decisions.

Everything goes through `ReviewService` (the same rules and audit as `/v1/cases`): a case the
agency may not see is a 404 like a missing one, and a decision it may not make is refused
with the service's message. After a decision the browser is sent back to the case (a GET), so
reloading never decides twice.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from hajiz.access import Role
from hajiz.api.deps import StateDep
from hajiz.errors import HajizError
from hajiz.review.model import Case
from hajiz.web.casework import awaits_agency, case_hit_views, traveller
from hajiz.web.deps import ReviewFormDep, WebRoute, officer_with
from hajiz.web.render import PREFIX, page
from hajiz.web.sessions import Officer

router = APIRouter(route_class=WebRoute, include_in_schema=False)

CaseReaderPageDep = Annotated[Officer, Depends(officer_with(Role.SCREENER, Role.REVIEWER))]
CaseIdPath = Annotated[str, Path(max_length=64)]
# Cases listed per page of "all cases".
PAGE_SIZE = 50


def _pending(state: StateDep, officer: Officer) -> tuple[list[Case], list[Case]]:
    """Open and escalated cases: those awaiting this agency, and those awaiting another."""
    review = state.screening.review
    principal = officer.principal
    cases = review.list_cases(principal, status="open", limit=500)
    cases += review.list_cases(principal, status="escalated", limit=500)
    unique = {case.id: case for case in cases}
    ordered = sorted(unique.values(), key=lambda c: (c.opened_at, c.id))
    mine = [c for c in ordered if awaits_agency(c, principal.agency)]
    others = [c for c in ordered if not awaits_agency(c, principal.agency)]
    return mine, others


@router.get(f"{PREFIX}/review")
async def review_queue(
    request: Request,
    state: StateDep,
    officer: CaseReaderPageDep,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    """Cases awaiting the agency's decision, those waiting on another agency, and all cases."""
    awaiting, elsewhere = _pending(state, officer)
    every = state.screening.review.list_cases(officer.principal, limit=PAGE_SIZE + 1, offset=offset)
    return page(
        request,
        "review.html",
        officer=officer,
        awaiting=[(case, traveller(case.query)) for case in awaiting],
        elsewhere=[(case, traveller(case.query)) for case in elsewhere],
        every=[(case, traveller(case.query)) for case in every[:PAGE_SIZE]],
        offset=offset,
        has_more=len(every) > PAGE_SIZE,
        page_size=PAGE_SIZE,
    )


def _case_page(
    request: Request,
    state: StateDep,
    officer: Officer,
    case_id: str,
    *,
    error: str | None = None,
    status: int = 200,
) -> Response:
    case = state.screening.review.get_case(officer.principal, case_id)
    may_decide = officer.may(Role.REVIEWER)
    agencies = {a.code for a in state.store.list_agencies()} if may_decide else set()
    return page(
        request,
        "case.html",
        officer=officer,
        status=status,
        case=case,
        traveller=traveller(case.query),
        hits=case_hit_views(case, officer.principal.agency, agencies, may_decide=may_decide),
        error=error,
    )


@router.get(f"{PREFIX}/review/{{case_id}}")
async def case_page(
    request: Request, case_id: CaseIdPath, state: StateDep, officer: CaseReaderPageDep
) -> Response:
    """One case: the traveller, each hit with its explanation, decisions, and buttons."""
    return _case_page(request, state, officer, case_id)


@router.post(f"{PREFIX}/review/{{case_id}}/decision")
async def decide(
    request: Request, case_id: CaseIdPath, state: StateDep, signed: ReviewFormDep
) -> Response:
    """Decide one hit of a case, then show the case again."""
    try:
        state.screening.review.decide(
            signed.officer.principal,
            case_id,
            decision=signed.get("decision"),
            reason=signed.get("reason"),
            hit=signed.get("hit") or None,
        )
    except HajizError as error:
        if error.status == 404:
            raise
        return _case_page(
            request, state, signed.officer, case_id, error=error.detail, status=error.status
        )
    return RedirectResponse(f"{PREFIX}/review/{case_id}", status_code=303)
