"""The review use case: referrals from screening, case queues, decisions and suppressions.

Every method takes the caller's `Principal` and shows or changes only what its agency may:
the HTTP routes and the `hajiz cases` commands are thin layers over this class.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from hajiz.access import Principal, Role
from hajiz.audit import AuditAction, AuditEvent
from hajiz.errors import InvalidInput
from hajiz.model import Entry, Query
from hajiz.review.keys import traveller_keys
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
    DecisionPlan,
    SuppressionNotFound,
    case_view,
    check_may_revoke,
    clearance,
    may_see_suppression,
    plan_decision,
)
from hajiz.screening import Hit
from hajiz.settings import Settings
from hajiz.store.cases import CaseFilter
from hajiz.store.service import ServiceStore
from hajiz.store.suppressions import SuppressionFilter

# Who may read cases, and who may decide them and manage suppressions (admins hold every role).
READERS = (Role.SCREENER, Role.REVIEWER)
DECIDERS = (Role.REVIEWER,)


class Queue(StrEnum):
    """Which cases to list: those the agency opened, or those escalated to it."""

    MINE = "mine"
    ESCALATED_TO_ME = "escalated-to-me"


@dataclass(frozen=True)
class Referral:
    """What review adds to one screened traveller: hits cleared earlier, and the case opened."""

    cleared: dict[str, Clearance] = field(default_factory=dict)
    case: Case | None = None


@dataclass(frozen=True)
class DecisionOutcome:
    """A decision made: the case after it, the decision, and the suppression it created."""

    case: Case
    decision: Decision
    suppression: Suppression | None


def new_id(prefix: str) -> str:
    """A random id: `c_` for cases, `d_` for decisions (and their suppressions)."""
    return f"{prefix}_{secrets.token_hex(8)}"


def parse_decision(value: str) -> DecisionKind:
    """A decision from its name; InvalidInput naming the choices otherwise."""
    try:
        return DecisionKind(value)
    except ValueError:
        choices = ", ".join(kind.value for kind in DecisionKind)
        raise InvalidInput(f"Unknown decision {value!r} (choose from: {choices})") from None


def _query_document(query: Query) -> dict[str, object]:
    return query.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


class ReviewService:
    """Cases, decisions and suppressions over a store, for one agency's caller at a time."""

    def __init__(self, store: ServiceStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    @property
    def suppression_days(self) -> int:
        """The `suppression_days` setting in force."""
        return self.settings.suppression_days

    # -- screening ----------------------------------------------------------------------------

    def refer(
        self,
        principal: Principal,
        screened: Sequence[tuple[Query, Sequence[tuple[Hit, Entry]]]],
        *,
        threshold: float,
        algorithm: str,
        now: datetime | None = None,
    ) -> list[Referral]:
        """Per traveller: the hits an earlier false positive clears, and the case to open.

        A case opens when a hit not cleared scores at or above `threshold` (the algorithm's
        match threshold, whatever threshold the caller asked results for); it holds exactly
        those hits. Nothing is written here: `audit_screening` writes the cases.
        """
        now = now or datetime.now(UTC)
        keys = {index: traveller_keys(query) for index, (query, hits) in enumerate(screened)}
        wanted = {
            key.text for index, (_, hits) in enumerate(screened) if hits for key in keys[index]
        }
        suppressions = self.store.find_suppressions(sorted(wanted)) if wanted else []
        referrals = []
        for index, (query, hits) in enumerate(screened):
            texts = {key.text for key in keys[index]}
            mine = [s for s in suppressions if texts.intersection(s.traveller_keys)]
            cleared: dict[str, Clearance] = {}
            for hit, _ in hits:
                found = clearance(
                    mine,
                    entry_id=hit.entry_id,
                    entry_version=hit.entry_version,
                    agency=principal.agency,
                    now=now,
                    days=self.suppression_days,
                )
                if found is not None:
                    cleared[hit.entry_id] = found
            referred = [
                (hit, entry)
                for hit, entry in hits
                if hit.entry_id not in cleared and hit.score >= threshold
            ]
            case = None
            if referred:
                case = Case(
                    id=new_id("c"),
                    agency=principal.agency,
                    actor=principal.key_id,
                    opened_at=now,
                    updated_at=now,
                    status=CaseStatus.OPEN,
                    query=_query_document(query),
                    traveller_keys=tuple(sorted(texts)),
                    algorithm=algorithm,
                    threshold=threshold,
                    hits=tuple(_case_hit(hit, entry) for hit, entry in referred),
                )
            referrals.append(Referral(cleared, case))
        return referrals

    # -- cases --------------------------------------------------------------------------------

    def list_cases(
        self,
        principal: Principal,
        *,
        queue: Queue | None = None,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Case]:
        """The cases the caller's agency opened and/or that were escalated to it, oldest first."""
        principal.require(*READERS)
        if status is not None and status not in {s.value for s in HitStatus}:
            choices = ", ".join(s.value for s in HitStatus)
            raise InvalidInput(f"Unknown status {status!r} (choose from: {choices})")
        agency = principal.agency
        where = CaseFilter(
            agency=None if queue is Queue.ESCALATED_TO_ME else agency,
            escalated_to=None if queue is Queue.MINE else agency,
            status=status,
            limit=limit,
            offset=offset,
        )
        return self._views(self.store.find_cases(where), agency)

    def all_cases(
        self, *, status: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[Case]:
        """Every case, unfiltered: for the operator at the command line, not for the API."""
        return self.store.find_cases(CaseFilter(status=status, limit=limit, offset=offset))

    def get_case(self, principal: Principal, case_id: str) -> Case:
        """One case as the caller's agency may see it; CaseNotFound otherwise."""
        principal.require(*READERS)
        case = self.store.get_case(case_id)
        views = [] if case is None else self._views([case], principal.agency)
        if not views:
            raise CaseNotFound(case_id)
        return views[0]

    def _views(self, cases: Sequence[Case], agency: str) -> list[Case]:
        entries = self.store.get_many({hit.entry_id for case in cases for hit in case.hits})
        views = (case_view(case, agency, entries) for case in cases)
        return [view for view in views if view is not None]

    def decide(
        self,
        principal: Principal,
        case_id: str,
        *,
        decision: DecisionKind | str,
        reason: str,
        hit: str | None = None,
    ) -> DecisionOutcome:
        """Decide one hit of a case and audit it, in one transaction; the caller is the reviewer."""
        principal.require(*DECIDERS)
        kind = decision if isinstance(decision, DecisionKind) else parse_decision(decision)
        self.get_case(principal, case_id)  # an invisible case is as missing as an absent one
        agencies = {agency.code for agency in self.store.list_agencies()}
        decision_id = new_id("d")

        def plan(case: Case) -> DecisionPlan:
            return plan_decision(
                case,
                kind=kind,
                reason=reason,
                reviewer=principal.key_id,
                agency=principal.agency,
                entry_id=hit,
                decision_id=decision_id,
                now=datetime.now(UTC),
                agencies=agencies,
            )

        def audit(planned: DecisionPlan) -> AuditEvent:
            made = planned.decision
            detail = {
                "decision_id": made.id,
                "entity_id": made.entry_id,
                "entry_version": made.entry_version,
                "decision": made.kind.value,
                "reason": made.reason,
                "escalated_to": planned.hit.escalated_to,
                "case_status": planned.case_status.value,
                "suppression": None if planned.suppression is None else planned.suppression.id,
            }
            return AuditEvent(
                principal.key_id, principal.agency, AuditAction.CASE_DECIDE, case_id, detail=detail
            )

        after, made, suppression = self.store.decide_case(case_id, plan, audit)
        view = self._views([after], principal.agency)
        return DecisionOutcome(view[0] if view else after, made, suppression)

    # -- suppressions -------------------------------------------------------------------------

    def list_suppressions(
        self,
        principal: Principal,
        *,
        entry_id: str | None = None,
        include_revoked: bool = True,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Suppression]:
        """Suppressions the caller's agency made, on its entries, or that clear its screenings."""
        principal.require(*DECIDERS)
        found = self.store.list_suppressions(
            SuppressionFilter(
                related_to=principal.agency,
                entry_id=entry_id,
                include_revoked=include_revoked,
                limit=limit,
                offset=offset,
            )
        )
        entries = self.store.get_many({s.entry_id for s in found})
        return [
            s for s in found if may_see_suppression(s, principal.agency, entries.get(s.entry_id))
        ]

    def get_suppression(self, principal: Principal, suppression_id: str) -> Suppression:
        """One suppression the caller's agency may see; SuppressionNotFound otherwise."""
        principal.require(*DECIDERS)
        found = self.store.get_suppression(suppression_id)
        entry = None if found is None else self.store.get(found.entry_id)
        if found is None or not may_see_suppression(found, principal.agency, entry):
            raise SuppressionNotFound(suppression_id)
        return found

    def revoke_suppression(
        self, principal: Principal, suppression_id: str, *, reason: str
    ) -> Suppression:
        """Revoke a suppression from now on, audited: the hit refers the traveller again."""
        principal.require(*DECIDERS)
        if not reason.strip():
            raise InvalidInput("A revocation needs a reason: say why")
        found = self.get_suppression(principal, suppression_id)
        event = AuditEvent(
            principal.key_id,
            principal.agency,
            AuditAction.SUPPRESSION_REVOKE,
            suppression_id,
            detail={
                "reason": reason.strip(),
                "case_id": found.case_id,
                "entity_id": found.entry_id,
                "entry_version": found.entry_version,
            },
        )
        return self.store.revoke_suppression(
            suppression_id,
            lambda stored: check_may_revoke(stored, principal.agency),
            at=datetime.now(UTC),
            by=principal.key_id,
            reason=reason.strip(),
            audit=event,
        )


def _case_hit(hit: Hit, entry: Entry) -> CaseHit:
    return CaseHit(
        entry_id=hit.entry_id,
        entry_version=hit.entry_version,
        entry_agency=entry.agency,
        source=entry.source,
        caption=entry.primary_name,
        score=hit.score,
        band=hit.band,
        explanation=hit.explanation,
        releasable_to=entry.releasable_to,
    )
