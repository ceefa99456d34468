"""ReviewService over a real store: referrals, atomic audited decisions, queues, expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hajiz.access import Principal, Role, add_agency
from hajiz.audit import AuditEvent, AuditFailed, verify_chain
from hajiz.model import BirthDate, Document, Query
from hajiz.review import CaseNotFound, CaseStatus
from hajiz.review.service import Queue, ReviewService
from hajiz.screening import Hit
from hajiz.settings import Settings


def break_audit_log(store) -> None:
    """Make every audit append fail (the same SQL on every backend)."""
    with store._transaction() as cursor:
        cursor.execute("ALTER TABLE audit_log RENAME TO audit_log_away")


ALPHA = Principal("k_a", "ALPHA", frozenset({Role.REVIEWER, Role.SCREENER}))
BRAVO = Principal("k_b", "BRAVO", frozenset({Role.REVIEWER}))
CHARLIE = Principal("k_c", "CHARLIE", frozenset({Role.REVIEWER}))
TRAVELLER = Query(
    names=("Mohammed Ali",),
    birth_dates=(BirthDate.parse("1985-03-02"),),
    documents=(Document(type="passport", number="A1234567", country="IQ"),),
)


@pytest.fixture
def review(fresh_store, e) -> ReviewService:
    for code in ("ALPHA", "BRAVO", "CHARLIE"):
        add_agency(fresh_store, code, code.title())
    fresh_store.upsert([e("BRAVO:1", "Mohammed Ali", agency="BRAVO"), e("UN:1", "Mohamed Aly")])
    return ReviewService(fresh_store, Settings(suppression_days=365))


def hits(review: ReviewService, score: float = 0.9, version: int = 1):
    entries = review.store.get_many(["BRAVO:1", "UN:1"])
    return [
        (
            Hit(
                entry_id=entry.id,
                score=score,
                band="strong",
                is_match=True,
                agency=entry.agency,
                entry_version=version,
                explanation={"name": {"score": score}},
                source=entry.source,
            ),
            entry,
        )
        for entry in entries.values()
    ]


def screen(review: ReviewService, query=TRAVELLER, score=0.9, version=1, now=None):
    """What ScreeningService does: refer, then audit and open the case in one transaction."""
    (referral,) = review.refer(
        ALPHA, [(query, hits(review, score, version))], threshold=0.8, algorithm="t", now=now
    )
    event = AuditEvent(
        "k_a", "ALPHA", "screen", detail={"case": referral.case and referral.case.id}
    )
    review.store.audit_screening([event], [referral.case])
    return referral


def test_a_referral_opens_a_case_only_at_the_threshold(review):
    assert screen(review, score=0.79).case is None
    case = screen(review).case
    stored = review.get_case(ALPHA, case.id)
    assert stored.status is CaseStatus.OPEN and {h.entry_id for h in stored.hits} == {
        "BRAVO:1",
        "UN:1",
    }
    assert stored.traveller_keys == ("document:IQ:A1234567|born:1985-03-02",)
    (record,) = [r for r in review.store.iter_audit() if r.action == "screen" and r.detail["case"]]
    assert stored.audit_seq == record.seq


def test_an_unaudited_screening_opens_no_case(review):
    break_audit_log(review.store)
    with pytest.raises(AuditFailed):
        screen(review)
    assert review.list_cases(ALPHA) == []


def test_an_unaudited_decision_writes_nothing(review):
    case = screen(review).case
    break_audit_log(review.store)
    with pytest.raises(AuditFailed):
        review.decide(ALPHA, case.id, decision="false_positive", reason="no", hit="UN:1")
    after = review.store.get_case(case.id)
    assert after.decisions == () and after.hit("UN:1").status.value == "open"
    assert review.list_suppressions(ALPHA) == []


def test_a_past_decision_expires_and_the_hit_is_referred_again(review):
    case = screen(review).case
    review.decide(ALPHA, case.id, decision="false_positive", reason="born elsewhere", hit="UN:1")
    soon = screen(review, now=datetime.now(UTC) + timedelta(days=364))
    assert set(soon.cleared) == {"UN:1"} and [h.entry_id for h in soon.case.hits] == ["BRAVO:1"]
    later = screen(review, now=datetime.now(UTC) + timedelta(days=366))
    assert later.cleared == {} and {h.entry_id for h in later.case.hits} == {"BRAVO:1", "UN:1"}
    assert screen(review, version=2).cleared == {}


def test_queues_show_each_agency_its_own_and_what_was_escalated_to_it(review):
    case = screen(review).case
    review.decide(ALPHA, case.id, decision="escalated", reason="theirs", hit="BRAVO:1")
    assert [c.id for c in review.list_cases(ALPHA, queue=Queue.MINE, status="open")] == [case.id]
    assert review.list_cases(ALPHA, queue=Queue.ESCALATED_TO_ME) == []
    (seen,) = review.list_cases(BRAVO, queue=Queue.ESCALATED_TO_ME, status="escalated")
    assert [h.entry_id for h in seen.hits] == ["BRAVO:1"]
    assert review.list_cases(BRAVO, queue=Queue.MINE) == []
    assert review.list_cases(CHARLIE) == []
    with pytest.raises(CaseNotFound):
        review.get_case(CHARLIE, case.id)
    review.decide(BRAVO, case.id, decision="rejected", reason="in custody")
    assert review.list_cases(BRAVO, queue=Queue.ESCALATED_TO_ME, status="escalated") == []
    assert [c.id for c in review.list_cases(BRAVO, status="rejected")] == [case.id]
    assert verify_chain(list(review.store.iter_audit()), review.store.audit_head()) == []


def test_revoking_is_audited_and_stops_clearing(review):
    case = screen(review).case
    made = review.decide(ALPHA, case.id, decision="false_positive", reason="x", hit="UN:1")
    assert set(screen(review).cleared) == {"UN:1"}
    revoked = review.revoke_suppression(ALPHA, made.suppression.id, reason="wrong traveller")
    assert revoked.revoked_by == "k_a" and revoked.revoke_reason == "wrong traveller"
    assert screen(review).cleared == {}
    (record,) = [r for r in review.store.iter_audit() if r.action == "suppression.revoke"]
    assert record.subject == made.suppression.id
