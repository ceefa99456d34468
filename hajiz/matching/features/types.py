"""What a feature returns: an agreement, a signed strength, and a sentence for the officer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Agreement(StrEnum):
    """Whether a piece of evidence supports, contradicts, or says nothing about a match."""

    MATCH = "match"
    MISMATCH = "mismatch"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class FeatureResult:
    """One feature's verdict on a query and a list entry, explained.

    `strength` is in [-1, 1]: +1 is strong support for "same person", -1 a strong
    contradiction, 0 no evidence. Its sign follows `agreement` (MATCH >= 0, MISMATCH <= 0,
    UNKNOWN == 0). `detail` is one readable sentence naming both values. `is_decisive` marks
    evidence strong enough on its own to call the match (the same document number).
    """

    feature: str
    agreement: Agreement
    strength: float
    detail: str
    query_value: str | None = None
    candidate_value: str | None = None
    is_decisive: bool = False

    def __post_init__(self) -> None:
        # These are bugs in a feature, not bad user input: fail loudly where they are made.
        if not -1.0 <= self.strength <= 1.0:
            raise ValueError(f"{self.feature}: strength {self.strength} is outside [-1, 1]")
        if self.agreement is Agreement.MATCH and self.strength < 0:
            raise ValueError(f"{self.feature}: a match cannot have strength {self.strength}")
        if self.agreement is Agreement.MISMATCH and self.strength > 0:
            raise ValueError(f"{self.feature}: a mismatch cannot have strength {self.strength}")
        if self.agreement is Agreement.UNKNOWN and self.strength != 0:
            raise ValueError(f"{self.feature}: unknown must have strength 0, not {self.strength}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of this result."""
        return {
            "feature": self.feature,
            "agreement": self.agreement.value,
            "strength": self.strength,
            "detail": self.detail,
            "query_value": self.query_value,
            "candidate_value": self.candidate_value,
            "is_decisive": self.is_decisive,
        }


def unknown(
    feature: str, detail: str, query_value: str | None, candidate_value: str | None
) -> FeatureResult:
    """A result carrying no evidence either way."""
    return FeatureResult(feature, Agreement.UNKNOWN, 0.0, detail, query_value, candidate_value)
