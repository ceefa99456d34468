"""Request and response models of the review API: cases, decisions and suppressions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hajiz.review.model import CaseStatus, DecisionKind, HitStatus


class DecisionRequest(BaseModel):
    """A reviewer's decision on one hit of a case, with the reason (required)."""

    model_config = ConfigDict(extra="forbid")

    decision: DecisionKind = Field(
        examples=["false_positive"],
        description=(
            "confirmed, false_positive or escalated (the screening agency, on an open hit); "
            "confirmed or rejected (the owning agency, on a hit escalated to it)"
        ),
    )
    reason: str = Field(
        max_length=2000,
        examples=["Passport A1234567 seen; born 1985, the listed person in 1971"],
        description="Why: required, recorded with the decision and in the audit log",
    )
    hit: str | None = Field(
        None,
        max_length=300,
        examples=["un-sc:QDi.299"],
        description="The entity id of the hit; may be left out when only one awaits you",
    )

    @field_validator("reason")
    @classmethod
    def _says_why(cls, reason: str) -> str:
        if not reason.strip():
            raise ValueError("a decision needs a reason: say why it was made (it is empty)")
        return reason


class CaseHitResponse(BaseModel):
    """One hit of a case, as screened, and where its review stands."""

    entity_id: str = Field(examples=["un-sc:QDi.299"])
    entry_version: int = Field(examples=[3])
    agency: str = Field(examples=["UN"], description="The agency that owns the entry")
    source: str = Field(examples=["un-sc"])
    caption: str = Field(examples=["IBRAHIM AWWAD IBRAHIM AL-BADRI"])
    score: float = Field(examples=[0.91])
    band: str = Field(examples=["strong"])
    status: HitStatus = Field(examples=["open"])
    escalated_to: str | None = Field(None, examples=[None])
    explanation: dict[str, Any]


class DecisionRecordResponse(BaseModel):
    """A decision made on one hit: who, when, what and why."""

    id: str = Field(examples=["d_5f0c2a9e1b7d4c3a"])
    case_id: str = Field(examples=["c_9a1e3b7c5d2f4e6a"])
    entity_id: str = Field(examples=["un-sc:QDi.299"])
    entry_version: int = Field(examples=[3])
    decision: DecisionKind = Field(examples=["false_positive"])
    reason: str
    reviewer: str = Field(examples=["k_1a2b3c4d5e6f"], description="The reviewer's key id")
    agency: str = Field(examples=["BORDER"])
    decided_at: datetime
    audit_seq: int | None = Field(None, examples=[1043])


class CaseResponse(BaseModel):
    """A case (referral): the screened traveller, the hits to decide on, the decisions."""

    id: str = Field(examples=["c_9a1e3b7c5d2f4e6a"])
    agency: str = Field(examples=["BORDER"], description="The agency whose screening opened it")
    actor: str = Field(examples=["k_1a2b3c4d5e6f"], description="The key that screened")
    status: CaseStatus = Field(examples=["open"])
    opened_at: datetime
    updated_at: datetime
    query: dict[str, Any] = Field(examples=[{"names": ["Mohammed Ali"]}])
    has_identity_key: bool = Field(
        description="Whether a false positive here can be remembered (document or full birth date)"
    )
    algorithm: str = Field(examples=["hajiz-v1@1.14"])
    threshold: float = Field(examples=[0.8])
    audit_seq: int | None = Field(None, description="The audit record of the screening")
    hits: list[CaseHitResponse]
    decisions: list[DecisionRecordResponse]


class CaseListResponse(BaseModel):
    """One page of cases, oldest first."""

    cases: list[CaseResponse]
    limit: int
    offset: int


class SuppressionResponse(BaseModel):
    """A remembered false positive: the same traveller and entry version come back cleared."""

    id: str = Field(examples=["d_5f0c2a9e1b7d4c3a"], description="The decision's id")
    case_id: str
    entity_id: str
    entry_version: int
    entry_agency: str
    traveller_keys: list[str] = Field(
        examples=[["document:IQ:A1234567|born:1985-03-02"]],
        description="Identity keys cleared: a document and birth date, or name and full date",
    )
    decision: DecisionKind
    agency: str = Field(description="The agency that decided")
    reviewer: str
    reason: str
    decided_at: datetime
    expires_at: datetime = Field(description="decided_at plus the suppression_days in force")
    applies_to: str | None = Field(
        description="The agency whose screenings it clears; null: every agency's"
    )
    state: str = Field(examples=["active"], description="active, expired or revoked")
    revoked_at: datetime | None
    revoked_by: str | None
    revoke_reason: str | None


class SuppressionListResponse(BaseModel):
    """One page of suppressions, newest first."""

    suppressions: list[SuppressionResponse]
    limit: int
    offset: int


class DecisionResponse(BaseModel):
    """What a decision did: the case after it, the decision, the suppression it created."""

    case: CaseResponse
    decision: DecisionRecordResponse
    suppression: SuppressionResponse | None = Field(
        None,
        description="Set for a false positive or rejection on a traveller with an identity key",
    )
