"""Agencies' own records: `GET/POST/PUT/DELETE /v1/entries`.

Bodies are FollowTheMoney Persons (or Organizations) plus `releasable_to`. An entry belongs to
the caller's agency; ids are stored as `AGENCY:id`, so agencies never collide. Each change is
written and audited (before and after) in one transaction, applied to this worker's index at
once, and reaches the other workers through the change feed.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from hajiz.access import Principal, Role, check_may_change, check_releasable_to
from hajiz.api.auth import ContributorDep, requires
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.ftm import entry_document, entry_from_ftm
from hajiz.api.schemas import EntryListResponse, EntryRequest, EntryResponse
from hajiz.audit import AuditAction, AuditEvent
from hajiz.errors import EntryNotFound, HajizError, InvalidInput
from hajiz.model import Entry

router = APIRouter(prefix="/v1/entries", tags=["Entries"])

EntriesReaderDep = Annotated[Principal, Depends(requires(Role.CONTRIBUTOR, Role.REVIEWER))]
EntryIdPath = Annotated[str, Path(max_length=300, description="The stored id, AGENCY:id")]
# Ids a contributor gives are namespaced by agency, so this prefix is always the caller's.
_SEPARATOR = ":"


class EntryExists(HajizError):
    """POST of an id the agency already uses."""

    status = 409


def stored_id(agency: str, given: str | None) -> str:
    """`AGENCY:id` for a contributor's id (a generated one when absent)."""
    if given is None:
        return f"{agency}{_SEPARATOR}{uuid.uuid4().hex[:16]}"
    prefix = f"{agency}{_SEPARATOR}"
    return given if given.startswith(prefix) else prefix + given


def _entry(
    body: EntryRequest, entry_id: str, source: str, principal: Principal, state: StateDep
) -> Entry:
    return entry_from_ftm(
        body.model_dump(by_alias=True, include={"schema_", "properties"}),
        entry_id=entry_id,
        agency=principal.agency,
        source=source,
        releasable_to=check_releasable_to(body.releasable_to),
        max_name_length=state.settings.max_name_length,
    )


def _event(principal: Principal, action: AuditAction, entry_id: str) -> AuditEvent:
    return AuditEvent(
        actor=principal.key_id, agency=principal.agency, action=action, subject=entry_id
    )


def _own(entry: Entry | None, entry_id: str, principal: Principal) -> Entry:
    if entry is None or entry.agency != principal.agency:
        raise EntryNotFound(entry_id)
    return entry


@router.get(
    "",
    response_model=EntryListResponse,
    responses=responses(400, 401, 403),
    summary="List your agency's entries",
)
async def list_entries(
    state: StateDep,
    principal: EntriesReaderDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """One page of the entries that belong to the caller's agency, in id order."""
    entries = state.store.list_agency_entries(principal.agency, limit=limit, offset=offset)
    return json_response(
        {"entries": [entry_document(e) for e in entries], "limit": limit, "offset": offset}
    )


@router.get(
    "/{entry_id}",
    response_model=EntryResponse,
    responses=responses(401, 403, 404),
    summary="Get one of your agency's entries",
)
async def get_entry(
    entry_id: EntryIdPath, state: StateDep, principal: EntriesReaderDep
) -> Response:
    """One entry of the caller's agency (other agencies' entries are at /entities/{id})."""
    return json_response(entry_document(_own(state.store.get(entry_id), entry_id, principal)))


@router.post(
    "",
    status_code=201,
    response_model=EntryResponse,
    responses=responses(400, 401, 403, 404, 409, 413, 422, 503),
    summary="Add an entry",
)
async def create_entry(body: EntryRequest, state: StateDep, principal: ContributorDep) -> Response:
    """Add a record of the caller's agency; it is screened against within a second."""
    entry_id = stored_id(principal.agency, body.id)
    entry = _entry(body, entry_id, f"api:{principal.agency}", principal, state)

    def decide(before: Entry | None) -> Entry:
        if check_may_change(before, entry_id, principal) is not None:
            raise EntryExists(f"Entry {entry_id!r} already exists; change it with PUT")
        return entry

    write = state.store.change_entry(
        entry_id, decide, _event(principal, AuditAction.ENTRY_CREATE, entry_id)
    )
    state.sync.apply(entry_id, write.after)
    assert write.after is not None
    return json_response(entry_document(write.after), status=201)


@router.put(
    "/{entry_id}",
    response_model=EntryResponse,
    responses=responses(400, 401, 403, 404, 413, 422, 503),
    summary="Replace an entry",
)
async def replace_entry(
    entry_id: EntryIdPath, body: EntryRequest, state: StateDep, principal: ContributorDep
) -> Response:
    """Replace one of the caller's agency's entries with the body (a new version)."""
    if body.id is not None and stored_id(principal.agency, body.id) != entry_id:
        raise InvalidInput(f"The body's id {body.id!r} is not the id in the path {entry_id!r}")

    def decide(before: Entry | None) -> Entry:
        current = check_may_change(before, entry_id, principal)
        if current is None:
            raise EntryNotFound(entry_id)
        return _entry(body, entry_id, current.source, principal, state)

    write = state.store.change_entry(
        entry_id, decide, _event(principal, AuditAction.ENTRY_UPDATE, entry_id)
    )
    state.sync.apply(entry_id, write.after)
    assert write.after is not None
    return json_response(entry_document(write.after))


@router.delete(
    "/{entry_id}",
    status_code=204,
    responses=responses(401, 403, 404, 503),
    summary="Delete an entry",
)
async def delete_entry(
    entry_id: EntryIdPath, state: StateDep, principal: ContributorDep
) -> Response:
    """Delete one of the caller's agency's entries; it stops matching within a second."""

    def decide(before: Entry | None) -> None:
        if check_may_change(before, entry_id, principal) is None:
            raise EntryNotFound(entry_id)
        return None

    state.store.change_entry(
        entry_id, decide, _event(principal, AuditAction.ENTRY_DELETE, entry_id)
    )
    state.sync.apply(entry_id, None)
    return Response(status_code=204)
