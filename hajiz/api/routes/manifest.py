"""Screen a flight: `POST /v1/screen/manifest` takes a UN/EDIFACT PAXLST message as it comes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from hajiz.api.auth import ScreenerDep
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.routes.screen import LimitParam, ThresholdParam, check_limit
from hajiz.api.schemas import HitResponse
from hajiz.api.service import hit_document
from hajiz.errors import HajizError, InvalidInput
from hajiz.manifests import (
    Manifest,
    Outcome,
    decode_interchange,
    manifest_document,
    parse_paxlst,
    plan_manifest,
    write_cusres,
)

router = APIRouter(prefix="/v1", tags=["Screening"])

# Content types a PAXLST body may come as; EDIFACT has no registered JSON form.
CONTENT_TYPES = ("text/plain", "application/edifact", "application/edi-x12", "text/edifact")
_SOURCE = "request body"
_EXAMPLE = (
    "UNA:+.? 'UNB+UNOA:4+XYAIRLINE:ZZ+BORDER:ZZ+250301:0800+42'UNH+1+PAXLST:D:05B:UN:IATA'"
    "BGM+745'TDT+20+XY123+++XY'NAD+FL+++CHOUKA:MONIR'DTM+329:810730'NAT+2+DEU'"
    "DOC+P:110:111+5208323009'CNT+42:1'UNT+9+1'UNZ+1+42'"
)


class UnsupportedMediaType(HajizError):
    """The body is not sent as EDIFACT text."""

    status = 415


class TravelDocumentResponse(BaseModel):
    """A travel document of a traveller, as the manifest gives it."""

    code: str = Field(examples=["P"])
    type: str = Field(examples=["passport"])
    number: str = Field(examples=["5208323009"])
    expiry: str | None = Field(examples=["2027-01-15"])
    issuing_country: str | None = Field(examples=["DE"])


class ManifestTravellerResponse(BaseModel):
    """One traveller: what the manifest says, the status, and the hits or the error."""

    number: int = Field(examples=[1])
    query_id: str = Field(examples=["000000042-1"])
    role: str = Field(examples=["passenger"], description="passenger, crew or unknown")
    party: str = Field(examples=["FL"])
    name: str = Field(examples=["CHOUKA, MONIR"])
    surname: str
    given_names: str
    screened_names: list[str]
    birth_date: str | None = Field(examples=["1981-07-30"])
    gender: str | None = Field(examples=["male"])
    nationalities: list[str] = Field(examples=[["DE"]])
    documents: list[TravelDocumentResponse]
    reservation: str | None
    message: str = Field(description="Reference of the PAXLST message (UNH) holding it")
    segment: int = Field(description="Position of the traveller's NAD in the interchange")
    status: str = Field(examples=["hit"], description="hit, clear or error (not screened)")
    error: str | None = Field(
        examples=[None], description="Why it was not screened: the traveller and each segment"
    )
    notes: list[str]
    results: list[HitResponse]
    audit_seq: int | None = Field(description="The audit record of this traveller's screening")
    case_id: str | None = Field(description="The review case this traveller's screening opened")


class StopResponse(BaseModel):
    """An airport of the flight and the time there."""

    airport: str = Field(examples=["CAI"])
    at: str | None = Field(examples=["2025-03-01T09:30"])


class FlightResponse(BaseModel):
    """The flight of the manifest."""

    number: str | None = Field(examples=["XY123"])
    carrier: str | None = Field(examples=["XY"])
    departure: StopResponse | None
    arrival: StopResponse | None


class InterchangeResponse(BaseModel):
    """The interchange's envelope."""

    reference: str = Field(examples=["000000042"])
    sender: str
    recipient: str
    prepared_at: str | None
    syntax: str = Field(examples=["UNOA:4"])
    messages: list[str]
    document: str = Field(examples=["745"], description="BGM: 745 passenger list, 250 crew")


class ManifestSummaryResponse(BaseModel):
    """How many travellers, and of each status."""

    travellers: int
    passengers: int
    crew: int
    hits: int
    clear: int
    errors: int


class ManifestScreenResponse(BaseModel):
    """The screened manifest: envelope, flight, counts, warnings, every traveller in order."""

    manifest: InterchangeResponse
    flight: FlightResponse
    summary: ManifestSummaryResponse
    warnings: list[str]
    algorithm: str
    threshold: float
    list_versions: dict[str, str | None]
    travellers: list[ManifestTravellerResponse]
    cusres: str | None = Field(None, description="The CUSRES-style response, when asked for")


def _content_type(request: Request) -> None:
    given = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if given not in CONTENT_TYPES:
        raise UnsupportedMediaType(
            f"Send the PAXLST message as {' or '.join(CONTENT_TYPES[:2])}, not {given or 'nothing'}"
        )


def _parse(body: bytes) -> Manifest:
    return parse_paxlst(decode_interchange(body, _SOURCE), source=_SOURCE)


@router.post(
    "/screen/manifest",
    response_model=ManifestScreenResponse,
    responses=responses(400, 401, 403, 413, 415, 422, 503),
    summary="Screen a PAXLST flight manifest",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "A UN/EDIFACT PAXLST interchange, as the carrier sent it",
            "content": {
                kind: {"schema": {"type": "string"}, "example": _EXAMPLE}
                for kind in CONTENT_TYPES[:2]
            },
        }
    },
)
async def screen_manifest(
    request: Request,
    state: StateDep,
    principal: ScreenerDep,
    limit: LimitParam = 10,
    threshold: ThresholdParam = None,
    cusres: Annotated[
        bool, Query(description="Also return a CUSRES-style response, one message per traveller")
    ] = False,
) -> Response:
    """Screen every passenger and crew member of a PAXLST interchange (the API message).

    A broken envelope is refused (422, naming the problem). A traveller whose segments cannot
    be read gets `status: error` with the segment and the traveller named, and is not screened;
    every other traveller is screened against the entries released to the caller's agency,
    audited and referred (a review case) like `/v1/screen`. At most `api_max_batch` travellers.
    """
    _content_type(request)
    settings = state.settings
    limit = check_limit(limit, settings)
    manifest = await run_in_threadpool(_parse, await request.body())
    count, most = len(manifest.travellers), settings.api_max_batch
    if count > most:
        raise InvalidInput(f"The manifest has {count} travellers; the limit is {most}")
    planned = plan_manifest(manifest, max_name_length=settings.max_name_length)
    queries = [p.query for p in planned if p.query is not None]
    screening = await state.screening.screen(
        principal, queries, limit=limit, threshold=threshold, endpoint="/v1/screen/manifest"
    )
    screened = iter(screening.items)
    outcomes: list[Outcome] = []
    for item in planned:
        if item.query is None:
            outcomes.append(Outcome(item))
            continue
        done = next(screened)
        hits = tuple(
            hit_document(hit, entry, done.cleared.get(hit.entry_id)) for hit, entry in done.hits
        )
        case_id = None if done.case is None else done.case.id
        outcomes.append(Outcome(item, hits, done.audit.seq, case_id))
    document: dict[str, Any] = manifest_document(
        manifest,
        outcomes,
        algorithm=screening.algorithm,
        threshold=screening.threshold,
        list_versions=screening.list_versions,
    )
    document["cusres"] = (
        write_cusres(manifest, outcomes, prepared_at=datetime.now()) if cusres else None
    )
    return json_response(document)
