"""The audit trail over HTTP: what is recorded, who may read it, and that nothing goes unaudited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from hajiz.api.app import create_app
from tests.api.conftest import auth, seed, service_settings
from tests.backends import execute_sql, new_database_url


def records(client, key, **params) -> list[dict]:
    response = client.get("/v1/audit", params=params, headers=auth(key))
    assert response.status_code == 200, response.text
    return response.json()["records"]


def test_a_screening_is_recorded_with_query_results_algorithm_and_lists(client, keys):
    body = {"id": "trav-1", "names": ["Joseph Kony"], "birth_dates": ["1961"]}
    screened = client.post("/v1/screen", json=body, headers=auth(keys.screener_a)).json()
    (record,) = [
        r
        for r in records(client, keys.admin_a, action="screen")
        if r["seq"] == screened["audit_seq"]
    ]
    assert record["agency"] == "ALPHA"
    assert record["actor"].startswith("k_")
    assert record["subject"] == "trav-1"
    assert record["query"]["names"] == ["Joseph Kony"]
    assert record["query_digest"] and not record["is_redacted"]
    detail = record["detail"]
    assert detail["results"] == [[h["entity_id"], h["score"]] for h in screened["results"]]
    assert detail["results"][0][0] == "un-sc:CFi.009"
    assert detail["algorithm"] == screened["algorithm"]
    assert detail["list_versions"] == screened["list_versions"]
    assert detail["endpoint"] == "/v1/screen"


def test_an_entry_change_is_recorded_before_and_after(client, keys):
    headers = auth(keys.contributor_a)
    client.post(
        "/v1/entries", json={"id": "aud-1", "properties": {"name": ["Old Name"]}}, headers=headers
    )
    client.put(
        "/v1/entries/ALPHA:aud-1", json={"properties": {"name": ["New Name"]}}, headers=headers
    )
    client.delete("/v1/entries/ALPHA:aud-1", headers=headers)
    trail = [
        r for r in records(client, keys.admin_a, agency="ALPHA") if r["subject"] == "ALPHA:aud-1"
    ]
    assert [r["action"] for r in trail] == ["entry.create", "entry.update", "entry.delete"]
    create, update, delete = (r["detail"] for r in trail)
    assert create["before"] is None and create["after"]["names"][0]["full"] == "Old Name"
    assert update["before"]["names"][0]["full"] == "Old Name"
    assert update["after"]["names"][0]["full"] == "New Name"
    assert update["after"]["version"] == 2
    assert delete["before"]["names"][0]["full"] == "New Name" and delete["after"] is None


def test_filters_by_agency_action_and_time(client, keys):
    client.post("/v1/screen", json={"names": ["Monir Chouka"]}, headers=auth(keys.screener_b))
    bravo = records(client, keys.admin_a, agency="BRAVO", action="screen")
    assert bravo and all(r["agency"] == "BRAVO" and r["action"] == "screen" for r in bravo)
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert records(client, keys.admin_a, since=future) == []
    assert records(client, keys.admin_a, until="2000-01-01T00:00:00Z") == []
    page = client.get("/v1/audit", params={"limit": 2}, headers=auth(keys.admin_a)).json()
    assert len(page["records"]) == 2 and page["next_after"] == page["records"][-1]["seq"]


def test_a_reviewer_reads_only_its_own_agencys_records(client, keys):
    client.post("/v1/screen", json={"names": ["Monir Chouka"]}, headers=auth(keys.screener_b))
    own = records(client, keys.reviewer_a)
    assert own and {r["agency"] for r in own} == {"ALPHA"}
    refused = client.get("/v1/audit", params={"agency": "BRAVO"}, headers=auth(keys.reviewer_a))
    assert refused.status_code == 400


def test_the_chain_verifies_over_http(client, keys):
    client.post("/v1/screen", json={"names": ["Joseph Kony"]}, headers=auth(keys.screener_a))
    report = client.get("/v1/audit/verify", headers=auth(keys.admin_a)).json()
    assert report["is_intact"] is True and report["problems"] == []
    assert report["records"] == report["head"]["seq"] > 5


@pytest.fixture
def fresh(tmp_path, backend, postgres_database):
    """A service on a database of its own, for tests that break it."""
    db_url = new_database_url(backend, tmp_path, postgres_database)
    keys = seed(db_url)
    settings = service_settings(db_url, tmp_path / "data")
    with TestClient(create_app(settings)) as fresh_client:
        yield fresh_client, keys, db_url


def test_nothing_is_screened_or_changed_when_the_audit_cannot_be_written(fresh):
    client, keys, db_url = fresh
    # Renamed away, the audit log cannot be written (the same SQL on every backend).
    execute_sql(db_url, "ALTER TABLE audit_log RENAME TO audit_log_away")
    screened = client.post(
        "/v1/screen", json={"names": ["Joseph Kony"]}, headers=auth(keys.screener_a)
    )
    assert screened.status_code == 503
    assert "audit" in screened.json()["detail"] and "results" not in screened.json()
    match = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Joseph Kony"]}}}}
    assert (
        client.post("/match/default", json=match, headers=auth(keys.screener_a)).status_code == 503
    )
    entry = {"id": "unaudited", "properties": {"name": ["Never Stored"]}}
    created = client.post("/v1/entries", json=entry, headers=auth(keys.contributor_a))
    assert created.status_code == 503
    execute_sql(db_url, "ALTER TABLE audit_log_away RENAME TO audit_log")
    assert (
        client.get("/v1/entries/ALPHA:unaudited", headers=auth(keys.contributor_a)).status_code
        == 404
    )
    again = client.post(
        "/v1/screen", json={"names": ["Joseph Kony"]}, headers=auth(keys.screener_a)
    )
    assert again.status_code == 200


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("UPDATE audit_log SET detail = '{\"results\":[]}' WHERE seq = 3", "record 3: altered"),
        ("UPDATE audit_log SET agency = 'BRAVO' WHERE seq = 4", "record 4: altered"),
        ("DELETE FROM audit_log WHERE seq = 4", "records 4 to 4 were deleted"),
        ("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)", "were deleted"),
        (
            "INSERT INTO audit_log SELECT seq + 1000, at, actor, agency, action, subject, "
            "query_digest, query, detail, prev_hash, hash FROM audit_log WHERE seq = 2",
            "appended outside the log",
        ),
    ],
    ids=["detail", "agency", "middle-deleted", "last-deleted", "inserted"],
)
def test_tampering_is_found_and_named(fresh, tamper, expected):
    client, keys, db_url = fresh
    client.post("/v1/screen", json={"names": ["Joseph Kony"]}, headers=auth(keys.screener_a))
    assert client.get("/v1/audit/verify", headers=auth(keys.admin_a)).json()["is_intact"]
    execute_sql(db_url, tamper)
    report = client.get("/v1/audit/verify", headers=auth(keys.admin_a)).json()
    assert report["is_intact"] is False
    assert any(expected in problem for problem in report["problems"]), report["problems"]


def test_redacted_queries_keep_the_chain_verifiable(fresh):
    client, keys, db_url = fresh
    client.post("/v1/screen", json={"names": ["Joseph Kony"]}, headers=auth(keys.screener_a))
    execute_sql(db_url, "UPDATE audit_log SET query = NULL")  # what retention does, via the store
    report = client.get("/v1/audit/verify", headers=auth(keys.admin_a)).json()
    assert report["is_intact"] is True
    screens = records(client, keys.admin_a, action="screen")
    assert screens and all(r["is_redacted"] and r["query"] is None for r in screens)
