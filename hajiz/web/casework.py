"""Review cases laid out for the page: who the traveller was, and which buttons each hit gets.

The rules stay in `hajiz.review`; this only says, for the officer's agency, which decisions a
hit awaits from it (the buttons to show) and how a case's stored query reads.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from hajiz.model import Query
from hajiz.review.model import Case, CaseHit, HitStatus
from hajiz.review.rules import awaits
from hajiz.web.explain import ExplanationView, explanation_view

# Button labels, in the order they are shown.
DECISION_LABELS = {
    "false_positive": "False positive",
    "confirmed": "Confirm match",
    "escalated": "Escalate to the listing agency",
    "rejected": "Reject (not our listed person)",
}
STATUS_LABELS = {
    "open": "awaiting decision",
    "escalated": "escalated",
    "confirmed": "confirmed match",
    "false_positive": "false positive",
    "rejected": "rejected by the listing agency",
}


@dataclass(frozen=True)
class Traveller:
    """What a case's screening was about, as text."""

    names: tuple[str, ...]
    birth_dates: tuple[str, ...]
    nationalities: tuple[str, ...]
    documents: tuple[str, ...]


def traveller(query: Mapping[str, Any]) -> Traveller:
    """The traveller of a case's stored query (its names alone if the rest cannot be read)."""
    try:
        parsed = Query.model_validate(query)
    except ValidationError:
        names = query.get("names")
        listed = tuple(str(n) for n in names) if isinstance(names, list) else ()
        return Traveller(listed, (), (), ())
    return Traveller(
        names=parsed.names,
        birth_dates=tuple(str(d) for d in parsed.birth_dates),
        nationalities=parsed.nationalities,
        documents=tuple(
            f"{d.type} {d.number}" + (f" ({d.country})" if d.country else "")
            for d in parsed.documents
        ),
    )


def decision_choices(
    hit: CaseHit, case: Case, agency: str, agencies: Collection[str]
) -> list[tuple[str, str]]:
    """(decision, button label) for each decision the hit awaits from this agency."""
    if not awaits(hit, case, agency):
        return []
    if hit.status is HitStatus.ESCALATED:
        values = ["confirmed", "rejected"]
    else:
        values = ["false_positive", "confirmed"]
        # Only an entry of another agency of this service can be escalated to its owner.
        if hit.entry_agency != agency and hit.entry_agency in agencies:
            values.append("escalated")
    return [(value, DECISION_LABELS[value]) for value in values]


@dataclass(frozen=True)
class CaseHitView:
    """One hit of a case: its explanation and the buttons the officer gets."""

    hit: CaseHit
    explanation: ExplanationView
    choices: list[tuple[str, str]]

    @property
    def status_label(self) -> str:
        """The hit's status in words."""
        return STATUS_LABELS.get(self.hit.status.value, self.hit.status.value)


def case_hit_views(
    case: Case, agency: str, agencies: Collection[str], *, may_decide: bool
) -> list[CaseHitView]:
    """The case's hits, each with its explanation and (for reviewers) its decision buttons."""
    return [
        CaseHitView(
            hit,
            explanation_view(hit.explanation),
            decision_choices(hit, case, agency, agencies) if may_decide else [],
        )
        for hit in case.hits
    ]


def awaits_agency(case: Case, agency: str) -> bool:
    """Whether any hit of the case awaits a decision by this agency."""
    return any(awaits(hit, case, agency) for hit in case.hits)
