"""`hajiz cases`: list, show, decide, suppressions and revoke, on a case opened by screening."""

from __future__ import annotations

import orjson
import pytest

from hajiz.access import Principal, Role, add_agency
from hajiz.audit import AuditEvent
from hajiz.model import BirthDate, Document, Query
from hajiz.review.service import ReviewService
from hajiz.screening import Hit
from hajiz.settings import Settings
from hajiz.store.service import open_service_store


@pytest.fixture
def case_id(db_url, e) -> str:
    """A case opened by agency ALPHA's screening, with one hit on a UN entry."""
    store = open_service_store(db_url)
    try:
        add_agency(store, "ALPHA", "Alpha Border Police")
        entry = e("UN:7", "Mohamed Aly", agency="UN")
        store.upsert([entry])
        query = Query(
            names=("Mohammed Ali",),
            birth_dates=(BirthDate.parse("1985-03-02"),),
            documents=(Document(type="passport", number="A1", country="IQ"),),
        )
        hit = Hit("UN:7", 0.93, "strong", True, "UN", 1, {"name": {"score": 0.93}}, "test")
        principal = Principal("k_a", "ALPHA", frozenset({Role.SCREENER}))
        review = ReviewService(store, Settings())
        (referral,) = review.refer(
            principal, [(query, [(hit, entry)])], threshold=0.8, algorithm="t"
        )
        store.audit_screening([AuditEvent("k_a", "ALPHA", "screen")], [referral.case])
        assert referral.case is not None
        return referral.case.id
    finally:
        store.close()


def test_list_and_show(run_cli, case_id):
    listed = run_cli("cases", "list", "--status", "open")
    assert listed.exit_code == 0, listed.output
    assert case_id in listed.output and "Mohammed Ali" in listed.output
    assert case_id in run_cli("cases", "list", "--agency", "ALPHA", "--queue", "mine").output
    shown = run_cli("cases", "show", case_id, "--json")
    assert orjson.loads(shown.output)["hits"][0]["entity_id"] == "UN:7"
    assert "UN:7" in run_cli("cases", "show", case_id).output
    missing = run_cli("cases", "show", "c_nope")
    assert missing.exit_code == 1 and "No case with id 'c_nope'" in missing.output


def test_decide_then_revoke(run_cli, case_id):
    args = ("--reviewer", "A. Haddad", "--agency", "ALPHA")
    no_reason = run_cli("cases", "decide", case_id, "--decision", "false_positive", *args)
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    blank = run_cli(
        "cases", "decide", case_id, "--decision", "false_positive", "--reason", " ", *args
    )
    assert blank.exit_code == 1 and "reason" in blank.output
    made = run_cli(
        "cases", "decide", case_id, "--decision", "false_positive", "--reason", "born 1985", *args
    )
    assert made.exit_code == 0, made.output
    assert "false_positive" in made.output and "Suppression d_" in made.output
    shown = orjson.loads(run_cli("cases", "show", case_id, "--json").output)
    assert shown["decisions"][0]["reviewer"] == "cli:A. Haddad"

    listed = orjson.loads(run_cli("cases", "suppressions", "--agency", "ALPHA", "--json").output)
    assert [s["state"] for s in listed] == ["active"]
    revoked = run_cli("cases", "revoke", listed[0]["id"], "--reason", "in error", *args)
    assert revoked.exit_code == 0, revoked.output
    listed = orjson.loads(run_cli("cases", "suppressions", "--agency", "ALPHA", "--json").output)
    assert [s["state"] for s in listed] == ["revoked"]
    assert "Audit log intact" in run_cli("audit", "verify").output


def test_an_unknown_agency_is_refused(run_cli, case_id):
    result = run_cli(
        "cases",
        "decide",
        case_id,
        "--decision",
        "confirmed",
        "--reason",
        "x",
        "--reviewer",
        "A",
        "--agency",
        "NOPE",
    )
    assert result.exit_code == 1 and "No agency 'NOPE'" in result.output
