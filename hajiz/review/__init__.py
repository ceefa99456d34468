"""Review of hits: cases, decisions, false-positive suppression and escalation.

The pure parts are re-exported here; `hajiz.review.service.ReviewService` is the use case over
a store (import it from there: it needs the store, which needs these).
"""

from hajiz.review.keys import KeyKind, TravellerKey, traveller_keys
from hajiz.review.model import (
    Case,
    CaseHit,
    CaseStatus,
    Clearance,
    Decision,
    DecisionKind,
    HitStatus,
    Suppression,
)
from hajiz.review.rules import (
    CaseNotFound,
    DecisionConflict,
    DecisionPlan,
    SuppressionNotFound,
    case_status,
    case_view,
    clearance,
    clears,
    plan_decision,
)

__all__ = [
    "Case",
    "CaseHit",
    "CaseNotFound",
    "CaseStatus",
    "Clearance",
    "Decision",
    "DecisionConflict",
    "DecisionKind",
    "DecisionPlan",
    "HitStatus",
    "KeyKind",
    "Suppression",
    "SuppressionNotFound",
    "TravellerKey",
    "case_status",
    "case_view",
    "clearance",
    "clears",
    "plan_decision",
    "traveller_keys",
]
