"""Read one entity, FtM-shaped, as yente serves it: `GET /entities/{id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from hajiz.access import visible_or_missing
from hajiz.api.auth import ReaderDep
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.ftm import entity_from_entry
from hajiz.api.schemas import EntityResponse

router = APIRouter(tags=["Entities"])


@router.get(
    "/entities/{entity_id}",
    response_model=EntityResponse,
    responses=responses(401, 403, 404),
    summary="Get one entity",
)
async def get_entity(
    entity_id: Annotated[str, Path(max_length=300)], state: StateDep, principal: ReaderDep
) -> Response:
    """One list entry as a FollowTheMoney entity; an entry the caller may not see is a 404."""
    entry = visible_or_missing(state.store.get(entity_id), entity_id, principal)
    return json_response(entity_from_entry(entry))
