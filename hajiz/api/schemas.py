"""Request and response models of the HTTP API (`*Request`, `*Response`).

The `/match` models follow yente's published schema field for field, so a yente client works
unchanged; the `/v1` models are hajiz's own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

_EXPLANATION = {
    "name": {"score": 0.97, "query_name": "Mohamed Salah", "entry_name": "Muhammad Salah"},
    "features": [{"feature": "birth_date_agreement", "agreement": "match", "strength": 1.0}],
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- /v1/screen ---------------------------------------------------------------------------------


class DocumentRequest(_Strict):
    """An identity document of the traveller."""

    type: str = Field("passport", max_length=64, examples=["passport"])
    number: str = Field(min_length=1, max_length=64, examples=["A1234567"])
    country: str | None = Field(None, max_length=64, examples=["EG"])


class ScreenRequest(_Strict):
    """One traveller: names in any script and spelling, plus what else is known."""

    id: str | None = Field(None, max_length=200, examples=["traveller-1"])
    names: list[str] = Field(min_length=1, examples=[["محمد صلاح", "Mohamed SALAH"]])
    birth_dates: list[str] = Field(
        default_factory=list, description="YYYY, YYYY-MM or YYYY-MM-DD", examples=[["1992-06-15"]]
    )
    nationalities: list[str] = Field(
        default_factory=list, description="Country names or ISO codes", examples=[["EG"]]
    )
    gender: str | None = Field(None, examples=["male"])
    documents: list[DocumentRequest] = Field(default_factory=list)


class ClearanceResponse(BaseModel):
    """The false-positive decision that clears a hit: no new case is opened for it."""

    decision_id: str = Field(examples=["d_5f0c2a9e1b7d4c3a"])
    case_id: str = Field(examples=["c_9a1e3b7c5d2f4e6a"])
    reviewer: str = Field(examples=["k_1a2b3c4d5e6f"], description="The reviewer's key id")
    agency: str = Field(examples=["BORDER"])
    decided_at: datetime
    expires_at: datetime


class HitResponse(BaseModel):
    """One list entry the traveller may be, with the score and why."""

    entity_id: str = Field(examples=["un-sc:QDi.001"])
    caption: str = Field(examples=["Muhammad Salah"])
    schema_: str = Field(alias="schema", examples=["Person"])
    score: float = Field(examples=[0.93])
    match: bool = Field(examples=[True])
    band: str = Field(examples=["strong"], description="clear, review or strong")
    agency: str = Field(examples=["UN"])
    source: str = Field(examples=["un-sc"])
    entry_version: int = Field(examples=[1])
    explanation: dict[str, Any] = Field(examples=[_EXPLANATION])
    cleared: ClearanceResponse | None = Field(
        None, description="Set when an earlier false-positive decision clears this hit"
    )


class ScreenResponse(BaseModel):
    """The ranked hits for one traveller."""

    query_id: str | None = Field(examples=["traveller-1"])
    results: list[HitResponse]
    algorithm: str = Field(examples=["hajiz-v1@1.14"])
    threshold: float = Field(examples=[0.8])
    list_versions: dict[str, str | None] = Field(examples=[{"un-sc": "2024-05-01"}])
    elapsed_ms: float = Field(examples=[2.4])
    audit_seq: int = Field(examples=[1042], description="The audit record of this screening")
    case_id: str | None = Field(
        None,
        examples=["c_9a1e3b7c5d2f4e6a"],
        description="The case (referral) this screening opened, if a hit needs a decision",
    )


class BatchScreenRequest(_Strict):
    """A manifest: many travellers at once (at most `api_max_batch`)."""

    queries: list[ScreenRequest] = Field(min_length=1)


class BatchItemResponse(BaseModel):
    """The result for one traveller of a batch, or why it could not be screened."""

    query_id: str | None
    results: list[HitResponse] = Field(default_factory=list)
    error: str | None = Field(None, examples=[None])
    audit_seq: int | None = None
    case_id: str | None = Field(None, description="The case this traveller's screening opened")


class BatchScreenResponse(BaseModel):
    """Results in manifest order."""

    results: list[BatchItemResponse]
    algorithm: str
    threshold: float
    list_versions: dict[str, str | None]


# --- yente-compatible /match and /entities ------------------------------------------------------


class EntityExample(BaseModel):
    """A query by example, as yente takes it."""

    id: str | None = Field(None, max_length=200, examples=["my-entity-id"])
    schema_: str = Field(alias="schema", max_length=64, examples=["Person"])
    properties: dict[str, str | list[Any]] = Field(
        examples=[{"name": ["Mohamed Salah"], "birthDate": ["1992"]}]
    )


class EntityMatchQuery(BaseModel):
    """yente's match request: named queries, plus weights and config (accepted, not used)."""

    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


class TotalSpec(BaseModel):
    """How many results there are."""

    value: int = Field(examples=[3])
    relation: str = Field("eq", examples=["eq"])


class EntityResponse(BaseModel):
    """An entity as yente returns it."""

    id: str = Field(examples=["un-sc:QDi.001"])
    caption: str = Field(examples=["Muhammad Salah"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, list[Any]] = Field(examples=[{"name": ["Muhammad Salah"]}])
    datasets: list[str] = Field(default_factory=list, examples=[["un-sc"]])
    referents: list[str] = Field(default_factory=list)
    target: bool = False
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    last_change: datetime | None = None


class ScoredEntityResponse(EntityResponse):
    """A match result: the entity plus score, per-feature scores and the match flag."""

    score: float = Field(examples=[0.93])
    features: dict[str, float] = Field(examples=[{"name": 0.97, "birth_date_agreement": 1.0}])
    match: bool = False
    explanation: dict[str, Any] | None = Field(None, description="hajiz's full explanation")
    cleared: ClearanceResponse | None = Field(
        None, description="hajiz: the false-positive decision that clears this result"
    )


class EntityMatches(BaseModel):
    """The results for one named query."""

    status: int = Field(200, examples=[200])
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample
    case_id: str | None = Field(None, description="hajiz: the case this query opened, if any")


class FeatureDoc(BaseModel):
    """One scoring feature, documented (yente's FeatureDocs value)."""

    description: str
    coefficient: float
    url: str | None = None


class EntityMatchResponse(BaseModel):
    """yente's match response."""

    responses: dict[str, EntityMatches]
    matcher: dict[str, FeatureDoc]
    limit: int = Field(examples=[5])


# --- /v1/entries --------------------------------------------------------------------------------


class EntryRequest(_Strict):
    """An agency's own record: a FollowTheMoney Person and who may see it."""

    id: str | None = Field(
        None,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$",
        examples=["case-2024-17"],
        description="Your id; stored as AGENCY:id. Absent: one is generated.",
    )
    schema_: str = Field("Person", alias="schema", examples=["Person"])
    properties: dict[str, list[str]] = Field(
        examples=[{"name": ["Abu Bakr al-Baghdadi"], "birthDate": ["1971"], "nationality": ["iq"]}]
    )
    releasable_to: list[str] | None = Field(
        None,
        examples=[["BORDER-POLICE"]],
        description="Agencies that may see the entry; absent means every agency",
    )


class EntryResponse(EntityResponse):
    """An entry with its owner, who may see it, and its version."""

    agency: str = Field(examples=["BORDER-POLICE"])
    releasable_to: list[str] | None = None
    version: int = Field(examples=[1])


class EntryListResponse(BaseModel):
    """One page of the caller's agency's entries."""

    entries: list[EntryResponse]
    limit: int
    offset: int


# --- admin --------------------------------------------------------------------------------------


class ImportResponse(BaseModel):
    """What a list import did."""

    source: str = Field(examples=["un-sc"])
    source_version: str | None = Field(examples=["2024-05-01"])
    file_name: str
    sha256: str
    added: int
    changed: int
    removed: int
    unchanged: int
    total: int
    warnings: list[str]
    import_id: int
    audit_seq: int


class ConfigVarDoc(BaseModel):
    """A tunable value of an algorithm."""

    default: float
    description: str


class AlgorithmDoc(BaseModel):
    """An algorithm, documented from its class."""

    name: str = Field(examples=["hajiz-v1"])
    version: str = Field(examples=["1.1"])
    description: str
    config: dict[str, ConfigVarDoc]
    features: dict[str, FeatureDoc]


class AlgorithmResponse(BaseModel):
    """Every algorithm, plus which is the default (yente's shape, with version and config)."""

    algorithms: list[AlgorithmDoc]
    default: str
    best: str


class AuditRecordResponse(BaseModel):
    """One audit record."""

    seq: int
    at: datetime
    actor: str
    agency: str
    action: str
    subject: str | None
    query: dict[str, Any] | None
    query_digest: str | None
    is_redacted: bool
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class AuditListResponse(BaseModel):
    """A page of audit records; pass `next_after` as `after` for the next page."""

    records: list[AuditRecordResponse]
    next_after: int | None


class StatusResponse(BaseModel):
    """Health and readiness."""

    status: str = Field(examples=["ok"])
