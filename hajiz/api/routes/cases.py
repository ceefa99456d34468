"""Review over HTTP: case queues, decisions (`/v1/cases`) and suppressions (`/v1/suppressions`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from hajiz.access import Principal, Role
from hajiz.api.auth import ReviewerDep, requires
from hajiz.api.case_schemas import (
    CaseListResponse,
    CaseResponse,
    DecisionRequest,
    DecisionResponse,
    SuppressionListResponse,
    SuppressionResponse,
)
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.review.model import HitStatus
from hajiz.review.service import Queue, ReviewService

router = APIRouter(prefix="/v1", tags=["Review"])

CaseReaderDep = Annotated[Principal, Depends(requires(Role.SCREENER, Role.REVIEWER))]
CaseId = Annotated[str, Path(max_length=64, description="The case id (c_...)")]
SuppressionId = Annotated[str, Path(max_length=64, description="The suppression id (d_...)")]
LimitParam = Annotated[int, Query(ge=1, le=500, description="Most items returned")]
OffsetParam = Annotated[int, Query(ge=0, le=1_000_000, description="Items skipped")]


async def get_review(state: StateDep) -> ReviewService:
    """The review service of the running app."""
    return state.screening.review


ReviewDep = Annotated[ReviewService, Depends(get_review)]


@router.get(
    "/cases",
    response_model=CaseListResponse,
    responses=responses(400, 401, 403, 422),
    summary="List review cases",
)
async def list_cases(
    review: ReviewDep,
    principal: CaseReaderDep,
    status: Annotated[
        HitStatus | None,
        Query(description="Case status; for cases escalated to you, the status of that hit"),
    ] = None,
    queue: Annotated[
        Queue | None,
        Query(description="mine (opened by your agency), escalated-to-me; absent: both"),
    ] = None,
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> Response:
    """The cases your agency opened and those escalated to it, oldest first.

    A case escalated to you shows only the hits escalated to you. Screeners read, reviewers
    (and admins) read and decide.
    """
    cases = review.list_cases(
        principal,
        queue=queue,
        status=None if status is None else status.value,
        limit=limit,
        offset=offset,
    )
    return json_response(
        {"cases": [case.to_dict() for case in cases], "limit": limit, "offset": offset}
    )


@router.get(
    "/cases/{case_id}",
    response_model=CaseResponse,
    responses=responses(401, 403, 404),
    summary="One review case",
)
async def get_case(review: ReviewDep, principal: CaseReaderDep, case_id: CaseId) -> Response:
    """One case with its query, hits (explanations, entry versions) and decisions.

    A case your agency may not see is a 404, exactly like a missing one.
    """
    return json_response(review.get_case(principal, case_id).to_dict())


@router.post(
    "/cases/{case_id}/decision",
    response_model=DecisionResponse,
    status_code=201,
    responses=responses(400, 401, 403, 404, 409, 413, 422, 503),
    summary="Decide one hit of a case",
)
async def decide(
    body: DecisionRequest, review: ReviewDep, principal: ReviewerDep, case_id: CaseId
) -> Response:
    """Record a reviewer's decision on one hit, with its reason, in the audit log.

    `false_positive` (or an owner's `rejected`) on a traveller with an identity key also
    suppresses: the same traveller screened against the same entry version comes back
    cleared. `escalated` sends the hit to the agency owning the entry. A hit already decided
    is a 409; a hit awaiting another agency is a 403.
    """
    outcome = review.decide(
        principal, case_id, decision=body.decision, reason=body.reason, hit=body.hit
    )
    now, days = datetime.now(UTC), review.suppression_days
    suppression = outcome.suppression
    return json_response(
        {
            "case": outcome.case.to_dict(),
            "decision": outcome.decision.to_dict(),
            "suppression": None if suppression is None else suppression.to_dict(now, days),
        },
        status=201,
    )


@router.get(
    "/suppressions",
    response_model=SuppressionListResponse,
    responses=responses(401, 403, 422),
    summary="List false-positive suppressions",
)
async def list_suppressions(
    review: ReviewDep,
    principal: ReviewerDep,
    entity_id: Annotated[str | None, Query(max_length=300, description="Only this entry")] = None,
    include_revoked: Annotated[bool, Query(description="Also revoked ones")] = True,
    limit: LimitParam = 100,
    offset: OffsetParam = 0,
) -> Response:
    """Suppressions your agency decided, on your agency's entries, or that clear its screenings.

    Newest first, each with its state (active, expired or revoked) and expiry.
    """
    found = review.list_suppressions(
        principal,
        entry_id=entity_id,
        include_revoked=include_revoked,
        limit=limit,
        offset=offset,
    )
    now, days = datetime.now(UTC), review.suppression_days
    return json_response(
        {
            "suppressions": [s.to_dict(now, days) for s in found],
            "limit": limit,
            "offset": offset,
        }
    )


@router.get(
    "/suppressions/{suppression_id}",
    response_model=SuppressionResponse,
    responses=responses(401, 403, 404),
    summary="One suppression",
)
async def get_suppression(
    review: ReviewDep, principal: ReviewerDep, suppression_id: SuppressionId
) -> Response:
    """One suppression your agency may see."""
    found = review.get_suppression(principal, suppression_id)
    return json_response(found.to_dict(datetime.now(UTC), review.suppression_days))


@router.delete(
    "/suppressions/{suppression_id}",
    response_model=SuppressionResponse,
    responses=responses(400, 401, 403, 404, 409, 422, 503),
    summary="Revoke a suppression",
)
async def revoke_suppression(
    review: ReviewDep,
    principal: ReviewerDep,
    suppression_id: SuppressionId,
    reason: Annotated[
        str, Query(min_length=1, max_length=2000, pattern=r"\S", description="Why (required)")
    ],
) -> Response:
    """Revoke a suppression from now on (audited): the hit opens a case again.

    The deciding agency or the entry's agency may revoke; the decision itself stays on record.
    """
    revoked = review.revoke_suppression(principal, suppression_id, reason=reason)
    return json_response(revoked.to_dict(datetime.now(UTC), review.suppression_days))
