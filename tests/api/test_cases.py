"""Review over HTTP: cases from screening, decisions, suppression, escalation and visibility.

Each test makes its own entries (through `POST /v1/entries`, applied at once to the index) and
its own travellers, so suppressions left by one test never touch another.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from hajiz.access import add_agency, create_key
from hajiz.api.app import create_app
from hajiz.store.service import open_service_store
from tests.api.conftest import (
    SECRET_ID,
    SECRET_NAME,
    Keys,
    Service,
    auth,
    seed,
    service_settings,
)
from tests.backends import PostgresTestDatabase, new_database_url


@dataclass(frozen=True)
class MoreKeys:
    """Keys beyond the shared seed: BRAVO's reviewer and a third agency, CHARLIE."""

    reviewer_b: str
    reviewer_c: str
    screener_c: str


_MORE: dict[str, MoreKeys] = {}


@pytest.fixture(scope="module")
def service(
    service_backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    postgres_database: PostgresTestDatabase | None,
) -> Service:
    """The shared seed plus a third agency and more reviewers."""
    folder = tmp_path_factory.mktemp("cases")
    db_url = new_database_url(service_backend, folder, postgres_database)
    keys = seed(db_url)
    store = open_service_store(db_url)
    try:
        add_agency(store, "CHARLIE", "Charlie Coast Guard")
        _MORE[db_url] = MoreKeys(
            reviewer_b=create_key(store, "BRAVO", ["reviewer"])[1],
            reviewer_c=create_key(store, "CHARLIE", ["reviewer"])[1],
            screener_c=create_key(store, "CHARLIE", ["screener"])[1],
        )
    finally:
        store.close()
    return Service(service_settings(db_url, folder / "data"), keys, db_url)


@pytest.fixture(scope="module")
def more(service: Service) -> MoreKeys:
    return _MORE[service.db_url]


def add_entry(client, key, entry_id, name, born, releasable_to=None) -> str:
    body = {
        "id": entry_id,
        "schema": "Person",
        "properties": {"name": [name], "birthDate": [born]},
        "releasable_to": releasable_to,
    }
    response = client.post("/v1/entries", json=body, headers=auth(key))
    assert response.status_code == 201, response.text
    return response.json()["id"]


def screen(client, key, names, born=None, document=None, **params) -> dict:
    body: dict = {"names": names}
    if born:
        body["birth_dates"] = [born]
    if document:
        number, country = document
        body["documents"] = [{"type": "passport", "number": number, "country": country}]
    response = client.post("/v1/screen", json=body, params=params, headers=auth(key))
    assert response.status_code == 200, response.text
    return response.json()


def hit_on(result: dict, entry_id: str) -> dict:
    return next(hit for hit in result["results"] if hit["entity_id"] == entry_id)


def decide(client, key, case_id, decision, reason="checked in person", hit=None):
    body = {"decision": decision, "reason": reason}
    if hit is not None:
        body["hit"] = hit
    return client.post(f"/v1/cases/{case_id}/decision", json=body, headers=auth(key))


def false_positive(client, keys: Keys, case_id: str, hit: str) -> dict:
    response = decide(client, keys.reviewer_a, case_id, "false_positive", hit=hit)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_hit_at_the_threshold_opens_a_case_holding_the_screening(client, keys):
    entry_id = add_entry(client, keys.contributor_a, "open-1", "Kareem Nabil Shaheen", "1975-02-03")
    result = screen(client, keys.screener_a, ["Kareem Nabil Shaheen"], "1975-02-03")
    hit = hit_on(result, entry_id)
    assert hit["score"] >= result["threshold"] and hit["cleared"] is None
    assert result["case_id"] is not None

    case = client.get(f"/v1/cases/{result['case_id']}", headers=auth(keys.reviewer_a)).json()
    assert case["status"] == "open" and case["agency"] == "ALPHA"
    assert case["query"]["names"] == ["Kareem Nabil Shaheen"]
    assert case["audit_seq"] == result["audit_seq"]
    held = next(h for h in case["hits"] if h["entity_id"] == entry_id)
    assert held["entry_version"] == hit["entry_version"] and held["agency"] == "ALPHA"
    assert held["status"] == "open" and held["explanation"] == hit["explanation"]

    records = client.get(
        "/v1/audit",
        params={"action": "screen", "after": result["audit_seq"] - 1, "limit": 1},
        headers=auth(keys.admin_a),
    ).json()["records"]
    assert records[0]["detail"]["case"] == result["case_id"]


def test_no_case_below_the_threshold(client, keys):
    add_entry(client, keys.contributor_a, "below-1", "Walid Fawzi Barakat", "1966-09-09")
    result = screen(client, keys.screener_a, ["Walid Haddad"], threshold=0.0)
    assert result["results"], "the weak name should still be a candidate"
    assert all(hit["score"] < 0.8 for hit in result["results"])
    assert result["case_id"] is None


def test_a_decision_needs_a_reason_and_a_reviewer(client, keys):
    add_entry(client, keys.contributor_a, "reason-1", "Hisham Adel Mansour", "1981-07-14")
    case_id = screen(client, keys.screener_a, ["Hisham Adel Mansour"], "1981-07-14")["case_id"]
    missing = client.post(
        f"/v1/cases/{case_id}/decision",
        json={"decision": "confirmed"},
        headers=auth(keys.reviewer_a),
    )
    assert missing.status_code == 422 and "reason" in missing.json()["detail"]
    blank = decide(client, keys.reviewer_a, case_id, "confirmed", reason="   ")
    assert blank.status_code == 422 and "reason" in blank.json()["detail"]
    unknown = decide(client, keys.reviewer_a, case_id, "maybe")
    assert unknown.status_code == 422
    assert decide(client, keys.screener_a, case_id, "confirmed").status_code == 403
    # A screener may read its agency's cases; a contributor may not.
    assert client.get(f"/v1/cases/{case_id}", headers=auth(keys.screener_a)).status_code == 200
    assert client.get("/v1/cases", headers=auth(keys.contributor_a)).status_code == 403

    made = decide(client, keys.reviewer_a, case_id, "confirmed", reason="same passport photo")
    assert made.status_code == 201
    assert made.json()["case"]["status"] == "confirmed"
    assert made.json()["decision"]["reason"] == "same passport photo"
    assert made.json()["suppression"] is None
    again = decide(client, keys.reviewer_a, case_id, "false_positive")
    assert again.status_code == 409


def test_a_false_positive_clears_the_same_document_and_nothing_else(client, keys):
    entry_id = add_entry(client, keys.contributor_a, "fp-doc", "Mohammed Ali Qureshi", "1979")
    traveller = (["Mohammed Ali Qureshi"], "1979-03-03")
    first = screen(client, keys.screener_a, *traveller, document=("K7001234", "IQ"))
    made = false_positive(client, keys, first["case_id"], entry_id)
    suppression = made["suppression"]
    assert suppression["traveller_keys"] == ["document:IQ:K7001234|born:1979-03-03"]
    assert made["case"]["status"] == "false_positive"

    again = screen(client, keys.screener_a, *traveller, document=("K7001234", "IQ"))
    cleared = hit_on(again, entry_id)["cleared"]
    assert cleared["decision_id"] == made["decision"]["id"] == suppression["id"]
    assert cleared["reviewer"] == made["decision"]["reviewer"]
    assert cleared["decided_at"] == made["decision"]["decided_at"]
    assert again["case_id"] is None

    other = screen(client, keys.screener_a, *traveller, document=("K7009999", "IQ"))
    assert hit_on(other, entry_id)["cleared"] is None
    assert other["case_id"] is not None
    # Same name and birth date without the document: not the key that was cleared.
    no_document = screen(client, keys.screener_a, *traveller)
    assert hit_on(no_document, entry_id)["cleared"] is None and no_document["case_id"]


def test_a_name_and_full_birth_date_clear_when_no_document_was_given(client, keys):
    entry_id = add_entry(client, keys.contributor_a, "fp-name", "Samir Khalil Darwish", "1984")
    first = screen(client, keys.screener_a, ["Samir Khalil Darwish"], "1984-11-30")
    made = false_positive(client, keys, first["case_id"], entry_id)
    assert made["suppression"]["traveller_keys"] == ["name:samir khalil darwish|born:1984-11-30"]
    again = screen(client, keys.screener_a, ["SAMIR KHALIL DARWISH"], "1984-11-30")
    assert hit_on(again, entry_id)["cleared"]["decision_id"] == made["decision"]["id"]
    assert again["case_id"] is None
    other_day = screen(client, keys.screener_a, ["Samir Khalil Darwish"], "1984-11-29")
    assert hit_on(other_day, entry_id)["cleared"] is None and other_day["case_id"]


@pytest.mark.parametrize("born", [None, "1962"])
def test_a_name_alone_is_never_suppressed(client, keys, born):
    entry_id = add_entry(
        client, keys.contributor_a, f"name-only-{born}", "Yousef Tamer Habib", "1962-05-05"
    )
    first = screen(client, keys.screener_a, ["Yousef Tamer Habib"], born)
    case = client.get(f"/v1/cases/{first['case_id']}", headers=auth(keys.reviewer_a)).json()
    assert case["has_identity_key"] is False
    made = false_positive(client, keys, first["case_id"], entry_id)
    assert made["suppression"] is None
    again = screen(client, keys.screener_a, ["Yousef Tamer Habib"], born)
    assert hit_on(again, entry_id)["cleared"] is None
    assert again["case_id"] not in (None, first["case_id"])


def test_a_new_entry_version_reopens(client, keys):
    entry_id = add_entry(client, keys.contributor_a, "version-1", "Nabil Omar Saadeh", "1991")
    traveller = (["Nabil Omar Saadeh"], "1991-04-04")
    first = screen(client, keys.screener_a, *traveller, document=("P550011", "JO"))
    made = false_positive(client, keys, first["case_id"], entry_id)
    assert made["suppression"]["entry_version"] == 1

    changed = {
        "schema": "Person",
        "properties": {"name": ["Nabil Omar Saadeh"], "alias": ["Abu Omar"], "birthDate": ["1991"]},
    }
    put = client.put(f"/v1/entries/{entry_id}", json=changed, headers=auth(keys.contributor_a))
    assert put.status_code == 200 and put.json()["version"] == 2
    again = screen(client, keys.screener_a, *traveller, document=("P550011", "JO"))
    hit = hit_on(again, entry_id)
    assert hit["entry_version"] == 2 and hit["cleared"] is None
    assert again["case_id"] is not None


def test_an_expired_suppression_reopens(client, keys, service):
    entry_id = add_entry(client, keys.contributor_a, "expiry-1", "Fadi Jamal Nassar", "1988")
    traveller = (["Fadi Jamal Nassar"], "1988-02-02")
    first = screen(client, keys.screener_a, *traveller, document=("E123987", "LB"))
    made = false_positive(client, keys, first["case_id"], entry_id)
    assert hit_on(
        screen(client, keys.screener_a, *traveller, document=("E123987", "LB")), entry_id
    )["cleared"]
    # The same database served with suppression_days=0: every decision has expired.
    expired = service.settings.model_copy(update={"suppression_days": 0})
    with TestClient(create_app(expired)) as other:
        again = screen(other, keys.screener_a, *traveller, document=("E123987", "LB"))
        assert hit_on(again, entry_id)["cleared"] is None and again["case_id"] is not None
        listed = other.get(
            "/v1/suppressions", params={"entity_id": entry_id}, headers=auth(keys.reviewer_a)
        ).json()["suppressions"]
        assert [(s["id"], s["state"]) for s in listed] == [(made["decision"]["id"], "expired")]


def test_a_revoked_suppression_reopens_and_the_revocation_is_audited(client, keys):
    entry_id = add_entry(client, keys.contributor_a, "revoke-1", "Rami Salim Khoury", "1993")
    traveller = (["Rami Salim Khoury"], "1993-12-12")
    first = screen(client, keys.screener_a, *traveller, document=("R771100", "SY"))
    suppression_id = false_positive(client, keys, first["case_id"], entry_id)["suppression"]["id"]
    url = f"/v1/suppressions/{suppression_id}"
    assert client.delete(url, headers=auth(keys.reviewer_a)).status_code == 422
    assert (
        client.delete(url, params={"reason": "x"}, headers=auth(keys.screener_a)).status_code == 403
    )

    revoked = client.delete(
        url, params={"reason": "decided in error"}, headers=auth(keys.reviewer_a)
    )
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["state"] == "revoked"
    assert revoked.json()["revoke_reason"] == "decided in error"
    again = screen(client, keys.screener_a, *traveller, document=("R771100", "SY"))
    assert hit_on(again, entry_id)["cleared"] is None and again["case_id"] is not None
    twice = client.delete(url, params={"reason": "again"}, headers=auth(keys.reviewer_a))
    assert twice.status_code == 409

    records = client.get(
        "/v1/audit", params={"action": "suppression.revoke"}, headers=auth(keys.admin_a)
    ).json()["records"]
    assert any(
        r["subject"] == suppression_id and r["detail"]["reason"] == "decided in error"
        for r in records
    )


def test_escalation_reaches_the_owning_agency_and_no_other(client, keys, more):
    entry_id = add_entry(client, keys.contributor_b, "wanted-1", "Ziad Munir Haddad", "1969-04-04")
    result = screen(client, keys.screener_a, ["Ziad Munir Haddad"], "1969-04-04")
    case_id = result["case_id"]
    # Only the screening agency decides an open hit; 'rejected' answers escalations only.
    assert decide(client, more.reviewer_b, case_id, "confirmed", hit=entry_id).status_code == 404
    assert decide(client, keys.reviewer_a, case_id, "rejected", hit=entry_id).status_code == 400

    escalated = decide(client, keys.reviewer_a, case_id, "escalated", hit=entry_id)
    assert escalated.status_code == 201, escalated.text
    assert escalated.json()["case"]["status"] == "escalated"

    def queue(key, name="escalated-to-me", **params):
        response = client.get("/v1/cases", params={"queue": name, **params}, headers=auth(key))
        assert response.status_code == 200, response.text
        return [case["id"] for case in response.json()["cases"]]

    assert case_id in queue(more.reviewer_b, status="escalated")
    assert case_id not in queue(more.reviewer_c) and case_id not in queue(more.reviewer_c, "mine")
    assert client.get(f"/v1/cases/{case_id}", headers=auth(more.reviewer_c)).status_code == 404
    assert case_id in queue(keys.reviewer_a, "mine")
    assert decide(client, keys.reviewer_a, case_id, "confirmed", hit=entry_id).status_code == 403

    answered = decide(client, more.reviewer_b, case_id, "confirmed", reason="our man: photo")
    assert answered.status_code == 201, answered.text
    assert case_id not in queue(more.reviewer_b, status="escalated")
    seen = client.get(f"/v1/cases/{case_id}", headers=auth(keys.reviewer_a)).json()
    assert seen["status"] == "confirmed"
    assert [(d["agency"], d["decision"]) for d in seen["decisions"]] == [
        ("ALPHA", "escalated"),
        ("BRAVO", "confirmed"),
    ]


def test_an_owners_rejection_clears_every_agency(client, keys, more):
    entry_id = add_entry(client, keys.contributor_b, "wanted-2", "Bassam Fares Odeh", "1971-01-21")
    traveller = (["Bassam Fares Odeh"], "1971-01-21")
    case_id = screen(client, keys.screener_a, *traveller, document=("B400400", "PS"))["case_id"]
    assert decide(client, keys.reviewer_a, case_id, "escalated").status_code == 201
    rejected = decide(
        client, more.reviewer_b, case_id, "rejected", reason="our subject is in custody"
    )
    assert rejected.status_code == 201, rejected.text
    assert rejected.json()["suppression"]["applies_to"] is None
    for key in (keys.screener_a, more.screener_c):
        again = screen(client, key, *traveller, document=("B400400", "PS"))
        assert hit_on(again, entry_id)["cleared"]["agency"] == "BRAVO"
        assert again["case_id"] is None


def test_a_false_positive_on_another_agencys_entry_clears_only_the_deciding_agency(
    client, keys, more
):
    entry_id = add_entry(client, keys.contributor_b, "wanted-3", "Tamer Wael Said", "1980-12-12")
    traveller = (["Tamer Wael Said"], "1980-12-12")
    case_id = screen(client, keys.screener_a, *traveller, document=("T9090", "EG"))["case_id"]
    made = false_positive(client, keys, case_id, entry_id)
    assert made["suppression"]["applies_to"] == "ALPHA"
    assert screen(client, keys.screener_a, *traveller, document=("T9090", "EG"))["case_id"] is None
    assert screen(client, more.screener_c, *traveller, document=("T9090", "EG"))["case_id"]


def test_an_entry_of_no_agency_of_the_service_cannot_be_escalated(client, keys):
    result = screen(client, keys.screener_a, ["IBRAHIM AWWAD IBRAHIM ALI AL-BADRI"], "1971")
    un_hits = [hit for hit in result["results"] if hit["agency"] == "UN" and hit["match"]]
    assert un_hits and result["case_id"]
    refused = decide(
        client, keys.reviewer_a, result["case_id"], "escalated", hit=un_hits[0]["entity_id"]
    )
    assert refused.status_code == 400 and "UN" in refused.json()["detail"]


def test_a_case_on_a_restricted_entry_never_shows_to_another_agency(client, keys, more):
    result = screen(client, keys.screener_b, [SECRET_NAME], "1980")
    case_id = result["case_id"]
    assert case_id is not None
    assert client.get(f"/v1/cases/{case_id}", headers=auth(more.reviewer_b)).status_code == 200
    for key in (keys.reviewer_a, keys.admin_a, more.reviewer_c):
        assert client.get(f"/v1/cases/{case_id}", headers=auth(key)).status_code == 404
        listing = client.get("/v1/cases", params={"limit": 500}, headers=auth(key))
        assert SECRET_ID not in listing.text and case_id not in listing.text
        assert SECRET_ID not in client.get("/v1/suppressions", headers=auth(key)).text


def test_batch_and_match_carry_case_ids(client, keys):
    entry_id = add_entry(client, keys.contributor_a, "batch-1", "Omar Fathi Zidan", "1976-03-13")
    batch = client.post(
        "/v1/screen/batch",
        json={
            "queries": [
                {"names": ["Omar Fathi Zidan"], "birth_dates": ["1976-03-13"]},
                {"names": ["Nobody At All Here"]},
            ]
        },
        headers=auth(keys.screener_a),
    ).json()
    assert batch["results"][0]["case_id"] and batch["results"][1]["case_id"] is None
    body = {
        "queries": {
            "q": {
                "schema": "Person",
                "properties": {"name": ["Omar Fathi Zidan"], "birthDate": ["1976-03-13"]},
            }
        }
    }
    matched = client.post("/match/default", json=body, headers=auth(keys.screener_a)).json()
    answer = matched["responses"]["q"]
    assert answer["case_id"] and answer["case_id"] != batch["results"][0]["case_id"]
    assert any(r["id"] == entry_id and r["cleared"] is None for r in answer["results"])


def test_the_audit_chain_verifies_after_decisions(client, keys):
    # Its own decision: under xdist the other tests of this module may run in another worker.
    entry_id = add_entry(client, keys.contributor_a, "chain-1", "Fadi Nasser Haddad", "1979-04-05")
    result = screen(client, keys.screener_a, ["Fadi Nasser Haddad"], "1979-04-05")
    false_positive(client, keys, result["case_id"], entry_id)
    verified = client.get("/v1/audit/verify", headers=auth(keys.admin_a)).json()
    assert verified["is_intact"] is True, verified["problems"]
    decisions = client.get(
        "/v1/audit", params={"action": "case.decide", "limit": 1000}, headers=auth(keys.admin_a)
    ).json()["records"]
    assert decisions and all(r["detail"]["reason"] for r in decisions)
