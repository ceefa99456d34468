"""The review rules, pure: who may decide what, what a decision changes, what stays cleared.

- The screening agency decides its case's open hits: confirmed, false positive, or escalated
  to the agency that owns the entry (only another agency of this service).
- The owning agency answers an escalated hit: confirmed, or rejected (not its person).
- A false positive or a rejection suppresses the hit for the same traveller key, entry id and
  entry version until it expires (`suppression_days`) or is revoked. The screening agency's
  false positive on another agency's entry clears only its own screenings; a decision by the
  entry's own agency clears everyone's.
- An agency sees a case it opened (hits it may still see) or one with a hit escalated to it
  (those hits only); anyone else gets "no such case".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from hajiz.access import Forbidden, can_see
from hajiz.errors import HajizError, InvalidInput
from hajiz.model import Entry
from hajiz.review.model import (
    CLEARING,
    DECIDED_STATUS,
    Case,
    CaseHit,
    CaseStatus,
    Clearance,
    Decision,
    DecisionKind,
    HitStatus,
    Suppression,
)


class CaseNotFound(HajizError):
    """No case with that id (or one the caller's agency may not see)."""

    status = 404

    def __init__(self, case_id: str) -> None:
        super().__init__(f"No case with id {case_id!r}")
        self.case_id = case_id


class SuppressionNotFound(HajizError):
    """No suppression with that id (or one the caller's agency may not see)."""

    status = 404

    def __init__(self, suppression_id: str) -> None:
        super().__init__(f"No suppression with id {suppression_id!r}")
        self.suppression_id = suppression_id


class DecisionConflict(HajizError):
    """The hit is not awaiting this decision any more (already decided, or revoked)."""

    status = 409


@dataclass(frozen=True)
class DecisionPlan:
    """What one decision writes: the decision, the hit's new state, the case's, a suppression."""

    decision: Decision
    hit: CaseHit
    case_status: CaseStatus
    suppression: Suppression | None


def case_status(hits: Iterable[CaseHit]) -> CaseStatus:
    """A case is open while any hit is, escalated while any awaits its owner, then its outcome."""
    statuses = {hit.status for hit in hits}
    if HitStatus.OPEN in statuses:
        return CaseStatus.OPEN
    if HitStatus.ESCALATED in statuses:
        return CaseStatus.ESCALATED
    if HitStatus.CONFIRMED in statuses:
        return CaseStatus.CONFIRMED
    return CaseStatus.FALSE_POSITIVE


def may_see_hit(hit: CaseHit, agency: str, entry: Entry | None) -> bool:
    """Whether an agency may see a hit: as screened, and as the entry stands now (if it does)."""
    restricted = hit.releasable_to is not None and agency != hit.entry_agency
    if restricted and agency not in (hit.releasable_to or ()):
        return False
    return entry is None or can_see(entry, agency)


def case_view(case: Case, agency: str, entries: Mapping[str, Entry]) -> Case | None:
    """The case as an agency may see it, or None when it may not see it at all."""
    if agency == case.agency:
        hits = [h for h in case.hits if may_see_hit(h, agency, entries.get(h.entry_id))]
    else:
        hits = [h for h in case.hits if h.escalated_to == agency]
        if not hits:
            return None
    shown = {hit.entry_id for hit in hits}
    decisions = tuple(d for d in case.decisions if d.entry_id in shown)
    return replace(case, hits=tuple(hits), decisions=decisions)


def _pick_hit(case: Case, entry_id: str | None, agency: str) -> CaseHit:
    if entry_id is not None:
        hit = case.hit(entry_id)
        if hit is None:
            choices = ", ".join(h.entry_id for h in case.hits)
            raise InvalidInput(f"Case {case.id} has no hit on {entry_id!r} (its hits: {choices})")
        return hit
    waiting = [h for h in case.hits if awaits(h, case, agency)]
    if len(waiting) == 1:
        return waiting[0]
    if not waiting:
        raise DecisionConflict(f"Case {case.id} has no hit awaiting a decision by {agency}")
    choices = ", ".join(h.entry_id for h in waiting)
    raise InvalidInput(
        f"Case {case.id} has {len(waiting)} hits to decide; name one in 'hit' ({choices})"
    )


def awaits(hit: CaseHit, case: Case, agency: str) -> bool:
    """Whether the hit awaits a decision by this agency."""
    if hit.status is HitStatus.OPEN:
        return agency == case.agency
    return hit.status is HitStatus.ESCALATED and agency == hit.escalated_to


def _check_allowed(
    case: Case, hit: CaseHit, kind: DecisionKind, agency: str, agencies: Collection[str]
) -> None:
    where = f"Hit {hit.entry_id!r} of case {case.id}"
    if hit.status not in (HitStatus.OPEN, HitStatus.ESCALATED):
        raise DecisionConflict(f"{where} is already decided: {hit.status.value}")
    if not awaits(hit, case, agency):
        waiting = case.agency if hit.status is HitStatus.OPEN else hit.escalated_to
        raise Forbidden(f"{where} awaits a decision by agency {waiting}, not {agency}")
    if hit.status is HitStatus.ESCALATED:
        if kind not in (DecisionKind.CONFIRMED, DecisionKind.REJECTED):
            raise InvalidInput(f"{where} was escalated to you: answer it confirmed or rejected")
        return
    if kind is DecisionKind.REJECTED:
        raise InvalidInput(
            f"{where}: 'rejected' answers an escalation; decide false_positive instead"
        )
    if kind is DecisionKind.ESCALATED:
        if hit.entry_agency == agency:
            raise InvalidInput(f"{where}: the entry is your own agency's; decide it yourself")
        if hit.entry_agency not in agencies:
            raise InvalidInput(
                f"{where}: the entry's agency {hit.entry_agency} is not an agency of this "
                "service, so it cannot review it; decide it yourself"
            )


def plan_decision(
    case: Case,
    *,
    kind: DecisionKind,
    reason: str,
    reviewer: str,
    agency: str,
    entry_id: str | None,
    decision_id: str,
    now: datetime,
    agencies: Collection[str],
) -> DecisionPlan:
    """Check one decision against the case and say what it changes; raise to refuse it."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("A decision needs a reason: say why (e.g. 'different birth date')")
    if not reviewer.strip():
        raise InvalidInput("A decision needs the reviewer who makes it")
    hit = _pick_hit(case, entry_id, agency)
    _check_allowed(case, hit, kind, agency, agencies)
    decided = replace(
        hit,
        status=DECIDED_STATUS[kind],
        escalated_to=hit.entry_agency if kind is DecisionKind.ESCALATED else hit.escalated_to,
    )
    decision = Decision(
        id=decision_id,
        case_id=case.id,
        entry_id=hit.entry_id,
        entry_version=hit.entry_version,
        kind=kind,
        reason=reason,
        reviewer=reviewer,
        agency=agency,
        decided_at=now,
    )
    hits = [decided if h.entry_id == hit.entry_id else h for h in case.hits]
    return DecisionPlan(decision, decided, case_status(hits), _suppression(case, decision, hit))


def _suppression(case: Case, decision: Decision, hit: CaseHit) -> Suppression | None:
    # No identity key, no suppression: never clear anyone on a name alone.
    if decision.kind not in CLEARING or not case.traveller_keys:
        return None
    is_owner = decision.agency == hit.entry_agency
    return Suppression(
        id=decision.id,
        case_id=case.id,
        entry_id=hit.entry_id,
        entry_version=hit.entry_version,
        entry_agency=hit.entry_agency,
        traveller_keys=case.traveller_keys,
        kind=decision.kind,
        agency=decision.agency,
        reviewer=decision.reviewer,
        reason=decision.reason,
        decided_at=decision.decided_at,
        applies_to=None if is_owner else case.agency,
    )


def clears(
    suppression: Suppression,
    *,
    entry_id: str,
    entry_version: int,
    agency: str,
    now: datetime,
    days: int,
) -> bool:
    """Whether a suppression clears a hit: same entry and version, for this agency, in force."""
    return (
        suppression.entry_id == entry_id
        and suppression.entry_version == entry_version
        and (suppression.applies_to is None or suppression.applies_to == agency)
        and suppression.state(now, days) == "active"
    )


def clearance(
    suppressions: Iterable[Suppression],
    *,
    entry_id: str,
    entry_version: int,
    agency: str,
    now: datetime,
    days: int,
) -> Clearance | None:
    """The newest suppression that clears a hit, as a Clearance; None when none does."""
    found = [
        s
        for s in suppressions
        if clears(
            s, entry_id=entry_id, entry_version=entry_version, agency=agency, now=now, days=days
        )
    ]
    if not found:
        return None
    newest = max(found, key=lambda s: (s.decided_at, s.id))
    return Clearance(
        decision_id=newest.id,
        case_id=newest.case_id,
        reviewer=newest.reviewer,
        agency=newest.agency,
        decided_at=newest.decided_at,
        expires_at=newest.expires_at(days),
    )


def may_see_suppression(suppression: Suppression, agency: str, entry: Entry | None) -> bool:
    """Whether an agency may see a suppression: one it made, on its entry, or that clears it."""
    if agency in (suppression.agency, suppression.entry_agency):
        return True
    # A removed entry's restrictions are unknown now: show it only to those two agencies.
    return suppression.applies_to is None and entry is not None and can_see(entry, agency)


def check_may_revoke(suppression: Suppression, agency: str) -> None:
    """Raise unless the agency may revoke it (the deciding agency or the entry's own)."""
    if suppression.revoked_at is not None:
        raise DecisionConflict(f"Suppression {suppression.id} is already revoked")
    if agency not in (suppression.agency, suppression.entry_agency):
        raise Forbidden(
            f"Suppression {suppression.id} was decided by {suppression.agency}; only it or the "
            f"entry's agency {suppression.entry_agency} may revoke it"
        )
