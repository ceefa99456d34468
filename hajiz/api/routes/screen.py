"""Screen travellers: one (`POST /v1/screen`) or a manifest (`POST /v1/screen/batch`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from hajiz.api.auth import ScreenerDep
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.schemas import (
    BatchScreenRequest,
    BatchScreenResponse,
    ScreenRequest,
    ScreenResponse,
)
from hajiz.api.service import Screened, hit_document, query_from_request
from hajiz.errors import HajizError, InvalidInput
from hajiz.model import Query as TravellerQuery
from hajiz.settings import Settings

router = APIRouter(prefix="/v1", tags=["Screening"])

LimitParam = Annotated[int, Query(ge=1, description="Most hits per traveller")]
ThresholdParam = Annotated[
    float | None,
    Query(ge=0.0, le=1.0, description="Lowest score returned (default: the algorithm's)"),
]


def check_limit(limit: int, settings: Settings) -> int:
    """The limit, or InvalidInput if above the service's maximum."""
    if limit > settings.api_max_results:
        raise InvalidInput(f"limit is {limit}; the maximum is {settings.api_max_results}")
    return limit


def to_query(request: ScreenRequest, settings: Settings) -> TravellerQuery:
    """The checked query of one traveller."""
    return query_from_request(
        query_id=request.id,
        names=request.names,
        birth_dates=request.birth_dates,
        nationalities=request.nationalities,
        gender=request.gender,
        documents=[(d.type, d.number, d.country) for d in request.documents],
        max_name_length=settings.max_name_length,
    )


def screened_document(item: Screened) -> dict[str, Any]:
    """The hits of one traveller, as JSON.

    No count of candidates is shown: it would hint at entries the caller may not see.
    """
    return {
        "query_id": item.query.id,
        "results": [
            hit_document(hit, entry, item.cleared.get(hit.entry_id)) for hit, entry in item.hits
        ],
        "elapsed_ms": round(item.elapsed_ms, 3),
        "audit_seq": item.audit.seq,
        "case_id": None if item.case is None else item.case.id,
    }


@router.post(
    "/screen",
    response_model=ScreenResponse,
    responses=responses(400, 401, 403, 413, 422, 503),
    summary="Screen one traveller",
)
async def screen(
    body: ScreenRequest,
    state: StateDep,
    principal: ScreenerDep,
    limit: LimitParam = 10,
    threshold: ThresholdParam = None,
) -> Response:
    """Screen one traveller against the entries released to the caller's agency.

    Returns the ranked hits at or above the threshold, each with an explanation; the screening
    is recorded in the audit log before the answer is sent.
    """
    settings = state.settings
    query = to_query(body, settings)
    screening = await state.screening.screen(
        principal, [query], limit=check_limit(limit, settings), threshold=threshold
    )
    return json_response(
        {
            **screened_document(screening.items[0]),
            "algorithm": screening.algorithm,
            "threshold": screening.threshold,
            "list_versions": screening.list_versions,
        }
    )


@router.post(
    "/screen/batch",
    response_model=BatchScreenResponse,
    responses=responses(400, 401, 403, 413, 422, 503),
    summary="Screen a manifest of travellers",
)
async def screen_batch(
    body: BatchScreenRequest,
    state: StateDep,
    principal: ScreenerDep,
    limit: LimitParam = 10,
    threshold: ThresholdParam = None,
) -> Response:
    """Screen many travellers at once (at most `api_max_batch`, 500 by default).

    Results come in manifest order. A traveller whose data is unusable gets an `error` and
    no results; the others are screened. Every screened traveller is audited.
    """
    settings = state.settings
    count, most = len(body.queries), settings.api_max_batch
    if count > most:
        raise InvalidInput(f"The manifest has {count} travellers; the limit is {most}")
    limit = check_limit(limit, settings)
    queries: list[TravellerQuery] = []
    errors: dict[int, tuple[str | None, str]] = {}
    for position, request in enumerate(body.queries):
        try:
            queries.append(to_query(request, settings))
        except HajizError as error:
            errors[position] = (request.id, error.detail)
    screening = await state.screening.screen(
        principal, queries, limit=limit, threshold=threshold, endpoint="/v1/screen/batch"
    )
    screened = iter(screening.items)
    results: list[dict[str, Any]] = []
    for position in range(len(body.queries)):
        if position in errors:
            query_id, detail = errors[position]
            results.append({"query_id": query_id, "results": [], "error": detail})
        else:
            results.append({**screened_document(next(screened)), "error": None})
    return json_response(
        {
            "results": results,
            "algorithm": screening.algorithm,
            "threshold": screening.threshold,
            "list_versions": screening.list_versions,
        }
    )
