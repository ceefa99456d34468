"""Review cases as plain data: a case, its hits, the decisions on them, and suppressions.

A hit is a referral for a person to decide on, never a verdict. Each screening with a hit at
or above the algorithm's threshold opens one case; each hit in it is decided on its own
(confirmed, false positive, or escalated to the agency that owns the entry, which confirms or
rejects it). A false positive (or a rejection) becomes a suppression: the same traveller
screened again against the same entry version comes back cleared instead of opening a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class CaseStatus(StrEnum):
    """Where a case stands, derived from its hits (see `rules.case_status`)."""

    OPEN = "open"
    ESCALATED = "escalated"
    CONFIRMED = "confirmed"
    FALSE_POSITIVE = "false_positive"


class HitStatus(StrEnum):
    """Where one hit of a case stands."""

    OPEN = "open"
    ESCALATED = "escalated"
    CONFIRMED = "confirmed"
    FALSE_POSITIVE = "false_positive"
    REJECTED = "rejected"


class DecisionKind(StrEnum):
    """What a reviewer decided about one hit."""

    CONFIRMED = "confirmed"
    FALSE_POSITIVE = "false_positive"
    ESCALATED = "escalated"
    REJECTED = "rejected"


# The hit status each decision leads to.
DECIDED_STATUS = {
    DecisionKind.CONFIRMED: HitStatus.CONFIRMED,
    DecisionKind.FALSE_POSITIVE: HitStatus.FALSE_POSITIVE,
    DecisionKind.ESCALATED: HitStatus.ESCALATED,
    DecisionKind.REJECTED: HitStatus.REJECTED,
}
# Decisions that say "this traveller is not that listed person", and so suppress.
CLEARING = frozenset({DecisionKind.FALSE_POSITIVE, DecisionKind.REJECTED})


@dataclass(frozen=True)
class CaseHit:
    """One entry the traveller may be, as it was when screened, and where its review stands."""

    entry_id: str
    entry_version: int
    entry_agency: str
    source: str
    caption: str
    score: float
    band: str
    explanation: dict[str, Any]
    releasable_to: tuple[str, ...] | None
    status: HitStatus = HitStatus.OPEN
    escalated_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as the API and `hajiz cases show --json` give it."""
        return {
            "entity_id": self.entry_id,
            "entry_version": self.entry_version,
            "agency": self.entry_agency,
            "source": self.source,
            "caption": self.caption,
            "score": round(self.score, 4),
            "band": self.band,
            "status": self.status.value,
            "escalated_to": self.escalated_to,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Decision:
    """One reviewer's decision on one hit of a case: who, when, what and why."""

    id: str
    case_id: str
    entry_id: str
    entry_version: int
    kind: DecisionKind
    reason: str
    reviewer: str
    agency: str
    decided_at: datetime
    audit_seq: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "id": self.id,
            "case_id": self.case_id,
            "entity_id": self.entry_id,
            "entry_version": self.entry_version,
            "decision": self.kind.value,
            "reason": self.reason,
            "reviewer": self.reviewer,
            "agency": self.agency,
            "decided_at": self.decided_at.isoformat(),
            "audit_seq": self.audit_seq,
        }


@dataclass(frozen=True)
class Case:
    """A referral: the screened traveller, the hits to decide on, and the decisions so far."""

    id: str
    agency: str
    actor: str
    opened_at: datetime
    updated_at: datetime
    status: CaseStatus
    query: dict[str, Any]
    traveller_keys: tuple[str, ...]
    algorithm: str
    threshold: float
    hits: tuple[CaseHit, ...]
    decisions: tuple[Decision, ...] = ()
    audit_seq: int | None = None

    def hit(self, entry_id: str) -> CaseHit | None:
        """The hit on this entry, or None."""
        return next((hit for hit in self.hits if hit.entry_id == entry_id), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as `GET /v1/cases/{id}` gives it."""
        return {
            "id": self.id,
            "agency": self.agency,
            "actor": self.actor,
            "status": self.status.value,
            "opened_at": self.opened_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "query": self.query,
            "has_identity_key": bool(self.traveller_keys),
            "algorithm": self.algorithm,
            "threshold": self.threshold,
            "audit_seq": self.audit_seq,
            "hits": [hit.to_dict() for hit in self.hits],
            "decisions": [decision.to_dict() for decision in self.decisions],
        }


@dataclass(frozen=True)
class Suppression:
    """A false positive remembered: this traveller is not this entry version, for a while.

    `applies_to` is the agency whose screenings it clears, or None for every agency (when the
    entry's own agency decided). Its id is the id of the decision that made it.
    """

    id: str
    case_id: str
    entry_id: str
    entry_version: int
    entry_agency: str
    traveller_keys: tuple[str, ...]
    kind: DecisionKind
    agency: str
    reviewer: str
    reason: str
    decided_at: datetime
    applies_to: str | None
    revoked_at: datetime | None = None
    revoked_by: str | None = None
    revoke_reason: str | None = None

    def expires_at(self, days: int) -> datetime:
        """When it stops clearing, given the `suppression_days` setting in force."""
        return self.decided_at + timedelta(days=days)

    def state(self, now: datetime, days: int) -> str:
        """active, expired or revoked."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if now < self.expires_at(days) else "expired"

    def to_dict(self, now: datetime, days: int) -> dict[str, Any]:
        """JSON-ready, as `GET /v1/suppressions` gives it."""
        return {
            "id": self.id,
            "case_id": self.case_id,
            "entity_id": self.entry_id,
            "entry_version": self.entry_version,
            "entry_agency": self.entry_agency,
            "traveller_keys": list(self.traveller_keys),
            "decision": self.kind.value,
            "agency": self.agency,
            "reviewer": self.reviewer,
            "reason": self.reason,
            "decided_at": self.decided_at.isoformat(),
            "expires_at": self.expires_at(days).isoformat(),
            "applies_to": self.applies_to,
            "state": self.state(now, days),
            "revoked_at": None if self.revoked_at is None else self.revoked_at.isoformat(),
            "revoked_by": self.revoked_by,
            "revoke_reason": self.revoke_reason,
        }


@dataclass(frozen=True)
class Clearance:
    """Why a hit came back cleared: the false-positive decision that covers it."""

    decision_id: str
    case_id: str
    reviewer: str
    agency: str
    decided_at: datetime
    expires_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as the `cleared` field of a screening hit."""
        return {
            "decision_id": self.decision_id,
            "case_id": self.case_id,
            "reviewer": self.reviewer,
            "agency": self.agency,
            "decided_at": self.decided_at.isoformat(),
            "expires_at": self.expires_at.isoformat(),
        }
