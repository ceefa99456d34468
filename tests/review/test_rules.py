"""The review rules, pure: who decides what, the statuses, what a suppression clears."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from hajiz.access import Forbidden
from hajiz.errors import InvalidInput
from hajiz.model import Entry, Name
from hajiz.review import (
    Case,
    CaseHit,
    CaseStatus,
    DecisionConflict,
    DecisionKind,
    HitStatus,
    case_status,
    case_view,
    clearance,
    plan_decision,
)

NOW = datetime(2025, 1, 1, tzinfo=UTC)
KEY = "document:IQ:A1|born:1980"


def hit(entry_id="UN:1", agency="UN", status=HitStatus.OPEN, escalated_to=None, releasable=None):
    return CaseHit(
        entry_id=entry_id,
        entry_version=1,
        entry_agency=agency,
        source="test",
        caption="X",
        score=0.9,
        band="strong",
        explanation={},
        releasable_to=releasable,
        status=status,
        escalated_to=escalated_to,
    )


def case(*hits: CaseHit, keys=(KEY,)) -> Case:
    return Case(
        id="c_1",
        agency="ALPHA",
        actor="k_1",
        opened_at=NOW,
        updated_at=NOW,
        status=case_status(hits),
        query={"names": ["X"]},
        traveller_keys=keys,
        algorithm="hajiz-v1@1",
        threshold=0.8,
        hits=hits,
    )


def plan(c: Case, kind: DecisionKind, agency="ALPHA", entry_id=None, reason="seen"):
    return plan_decision(
        c,
        kind=kind,
        reason=reason,
        reviewer="k_9",
        agency=agency,
        entry_id=entry_id,
        decision_id="d_1",
        now=NOW,
        agencies={"ALPHA", "BRAVO", "CHARLIE"},
    )


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((HitStatus.OPEN, HitStatus.CONFIRMED), CaseStatus.OPEN),
        ((HitStatus.ESCALATED, HitStatus.FALSE_POSITIVE), CaseStatus.ESCALATED),
        ((HitStatus.CONFIRMED, HitStatus.REJECTED), CaseStatus.CONFIRMED),
        ((HitStatus.FALSE_POSITIVE, HitStatus.REJECTED), CaseStatus.FALSE_POSITIVE),
    ],
)
def test_case_status_follows_its_hits(statuses, expected):
    hits = [hit(f"E:{i}", status=s) for i, s in enumerate(statuses)]
    assert case_status(hits) is expected


def test_a_false_positive_suppresses_for_the_deciding_agency_only():
    planned = plan(case(hit("BRAVO:1", "BRAVO")), DecisionKind.FALSE_POSITIVE)
    assert planned.hit.status is HitStatus.FALSE_POSITIVE
    assert planned.case_status is CaseStatus.FALSE_POSITIVE
    assert planned.suppression.applies_to == "ALPHA"
    assert planned.suppression.traveller_keys == (KEY,)
    own = plan(case(hit("ALPHA:1", "ALPHA")), DecisionKind.FALSE_POSITIVE)
    assert own.suppression.applies_to is None


def test_without_a_traveller_key_nothing_is_suppressed():
    planned = plan(case(hit(), keys=()), DecisionKind.FALSE_POSITIVE)
    assert planned.suppression is None and planned.hit.status is HitStatus.FALSE_POSITIVE


def test_escalation_goes_to_the_owning_agency_which_alone_answers():
    escalated = plan(case(hit("BRAVO:1", "BRAVO")), DecisionKind.ESCALATED)
    assert escalated.hit.escalated_to == "BRAVO" and escalated.case_status is CaseStatus.ESCALATED
    waiting = case(escalated.hit)
    with pytest.raises(Forbidden, match="awaits a decision by agency BRAVO"):
        plan(waiting, DecisionKind.CONFIRMED, agency="ALPHA", entry_id="BRAVO:1")
    with pytest.raises(DecisionConflict, match="no hit awaiting a decision by ALPHA"):
        plan(waiting, DecisionKind.CONFIRMED, agency="ALPHA")
    with pytest.raises(InvalidInput, match="confirmed or rejected"):
        plan(waiting, DecisionKind.FALSE_POSITIVE, agency="BRAVO")
    rejected = plan(waiting, DecisionKind.REJECTED, agency="BRAVO")
    assert rejected.suppression.applies_to is None and rejected.suppression.agency == "BRAVO"


@pytest.mark.parametrize(
    ("owner", "kind", "message"),
    [
        ("UN", DecisionKind.ESCALATED, "not an agency of this service"),
        ("ALPHA", DecisionKind.ESCALATED, "your own agency"),
        ("BRAVO", DecisionKind.REJECTED, "answers an escalation"),
    ],
)
def test_refused_decisions_say_why(owner, kind, message):
    with pytest.raises(InvalidInput, match=message):
        plan(case(hit(f"{owner}:1", owner)), kind)


def test_a_decision_needs_a_reason_and_an_undecided_hit():
    with pytest.raises(InvalidInput, match="reason"):
        plan(case(hit()), DecisionKind.CONFIRMED, reason="  ")
    with pytest.raises(DecisionConflict, match="already decided"):
        plan(case(hit(status=HitStatus.CONFIRMED)), DecisionKind.CONFIRMED, entry_id="UN:1")
    with pytest.raises(Forbidden):
        plan(case(hit()), DecisionKind.CONFIRMED, agency="BRAVO", entry_id="UN:1")


def test_the_hit_must_be_named_when_several_await():
    two = case(hit("UN:1"), hit("UN:2"))
    with pytest.raises(InvalidInput, match="name one"):
        plan(two, DecisionKind.CONFIRMED)
    assert plan(two, DecisionKind.CONFIRMED, entry_id="UN:2").decision.entry_id == "UN:2"
    with pytest.raises(InvalidInput, match="no hit on"):
        plan(two, DecisionKind.CONFIRMED, entry_id="UN:3")


def test_a_suppression_clears_the_same_entry_version_until_it_expires_or_is_revoked():
    suppression = plan(case(hit("BRAVO:1", "BRAVO")), DecisionKind.FALSE_POSITIVE).suppression

    def cleared(s=suppression, version=1, agency="ALPHA", now=NOW, days=365):
        found = clearance(
            [s], entry_id="BRAVO:1", entry_version=version, agency=agency, now=now, days=days
        )
        return found is not None

    assert cleared()
    assert not cleared(version=2)
    assert not cleared(agency="CHARLIE")
    assert cleared(now=NOW + timedelta(days=364)) and not cleared(now=NOW + timedelta(days=365))
    assert not cleared(days=0)
    assert not cleared(s=replace(suppression, revoked_at=NOW))


def test_another_agency_sees_only_hits_escalated_to_it():
    restricted = hit("CHARLIE:1", "CHARLIE", releasable=("CHARLIE", "ALPHA"))
    c = case(hit("BRAVO:1", "BRAVO", HitStatus.ESCALATED, "BRAVO"), restricted)
    assert [h.entry_id for h in case_view(c, "ALPHA", {}).hits] == ["BRAVO:1", "CHARLIE:1"]
    assert [h.entry_id for h in case_view(c, "BRAVO", {}).hits] == ["BRAVO:1"]
    assert case_view(c, "CHARLIE", {}) is None


def test_an_entry_restricted_since_hides_its_hit_from_the_screening_agency():
    c = case(hit("BRAVO:1", "BRAVO"))
    now_restricted = Entry(
        id="BRAVO:1", agency="BRAVO", source="t", names=(Name(full="X"),), releasable_to=("BRAVO",)
    )
    assert case_view(c, "ALPHA", {"BRAVO:1": now_restricted}).hits == ()
