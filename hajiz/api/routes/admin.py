"""The audit trail over HTTP: `GET /v1/audit` (filterable) and `GET /v1/audit/verify`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel

from hajiz.access import Principal, Role
from hajiz.api.auth import AdminDep, requires
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.schemas import AuditListResponse
from hajiz.audit import verify_chain
from hajiz.errors import InvalidInput
from hajiz.store.audit_log import AuditFilter

router = APIRouter(prefix="/v1/audit", tags=["Audit"])

AuditReaderDep = Annotated[Principal, Depends(requires(Role.ADMIN, Role.REVIEWER))]


class VerifyResponse(BaseModel):
    """The outcome of checking the whole hash chain."""

    is_intact: bool
    records: int
    head: dict[str, Any] | None
    problems: list[str]


def _utc(name: str, value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise InvalidInput(f"{name} needs a time zone, e.g. 2024-05-01T00:00:00Z")
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise InvalidInput(f"{name} {value.isoformat()} is out of range") from None


@router.get(
    "",
    response_model=AuditListResponse,
    responses=responses(400, 401, 403),
    summary="Read the audit log",
)
async def list_audit(
    state: StateDep,
    principal: AuditReaderDep,
    actor: Annotated[str | None, Query(max_length=100, description="Key id")] = None,
    agency: Annotated[str | None, Query(max_length=32)] = None,
    action: Annotated[str | None, Query(max_length=32, examples=["screen"])] = None,
    since: Annotated[datetime | None, Query(description="From this time (inclusive)")] = None,
    until: Annotated[datetime | None, Query(description="Before this time")] = None,
    after: Annotated[int, Query(ge=0, le=2**62, description="Records after this seq")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """Audit records in order, filtered by actor, agency, action and time.

    Admins read every agency's records; reviewers read their own agency's only.
    """
    if not principal.has(Role.ADMIN):
        if agency is not None and agency != principal.agency:
            raise InvalidInput(f"A reviewer reads only agency {principal.agency}'s records")
        agency = principal.agency
    since, until = _utc("since", since), _utc("until", until)
    records = state.store.find_audit(
        AuditFilter(
            actor=actor,
            agency=agency,
            action=action,
            since=since,
            until=until,
            after_seq=after,
            limit=limit,
        )
    )
    next_after = records[-1].seq if len(records) == limit else None
    return json_response({"records": [r.to_dict() for r in records], "next_after": next_after})


@router.get(
    "/verify",
    response_model=VerifyResponse,
    responses=responses(401, 403),
    summary="Verify the audit hash chain",
)
async def verify_audit(state: StateDep, principal: AdminDep) -> Response:
    """Check every record's hash and link; list each altered, inserted or deleted record."""
    head = state.store.audit_head()
    count = 0

    def counted() -> Any:
        nonlocal count
        for record in state.store.iter_audit():
            count += 1
            yield record

    problems = verify_chain(counted(), head)
    return json_response(
        {
            "is_intact": not problems,
            "records": count,
            "head": None if head is None else {"seq": head[0], "hash": head[1]},
            "problems": [str(problem) for problem in problems],
        }
    )
