"""Ownership and visibility: a restricted entry never shows to another agency, anywhere."""

from __future__ import annotations

from fastapi.testclient import TestClient

from hajiz.api.app import create_app
from tests.api.conftest import (
    HIDDEN_SOURCE,
    SECRET_ID,
    SECRET_NAME,
    SHARED_ID,
    SHARED_NAME,
    auth,
)

ALL_HITS = {"threshold": 0.0, "limit": 100}


def screen_ids(client, key, name, **params) -> list[str]:
    response = client.post(
        "/v1/screen", params={**ALL_HITS, **params}, json={"names": [name]}, headers=auth(key)
    )
    assert response.status_code == 200, response.text
    return [hit["entity_id"] for hit in response.json()["results"]]


def match_ids(client, key, name, dataset="default") -> list[str]:
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": [name]}}}}
    response = client.post(
        f"/match/{dataset}", params={"cutoff": 0.0, "limit": 100}, json=body, headers=auth(key)
    )
    assert response.status_code == 200, response.text
    return [r["id"] for r in response.json()["responses"]["q"]["results"]]


def test_the_owner_and_the_named_agencies_see_their_entries(client, keys):
    assert SECRET_ID in screen_ids(client, keys.screener_b, SECRET_NAME)
    assert SHARED_ID in screen_ids(client, keys.screener_a, SHARED_NAME)
    assert SECRET_ID in match_ids(client, keys.screener_b, SECRET_NAME)


def test_a_restricted_entry_never_shows_through_screening(client, keys):
    assert SECRET_ID not in screen_ids(client, keys.screener_a, SECRET_NAME)
    assert SECRET_ID not in match_ids(client, keys.screener_a, SECRET_NAME)
    batch = client.post(
        "/v1/screen/batch",
        params=ALL_HITS,
        json={"queries": [{"names": [SECRET_NAME]}, {"names": ["Zubair Hamdani"]}]},
        headers=auth(keys.screener_a),
    )
    assert batch.status_code == 200
    assert SECRET_ID not in batch.text


def test_a_restricted_entry_is_a_404_like_a_missing_one(client, keys):
    headers = auth(keys.screener_a)
    hidden = client.get(f"/entities/{SECRET_ID}", headers=headers)
    missing = client.get("/entities/BRAVO:no-such-entry", headers=headers)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"].replace(SECRET_ID, "X") == missing.json()["detail"].replace(
        "BRAVO:no-such-entry", "X"
    )
    assert client.get(f"/entities/{SECRET_ID}", headers=auth(keys.screener_b)).status_code == 200
    assert client.get(f"/entities/{SHARED_ID}", headers=headers).status_code == 200


def test_no_response_names_a_list_the_agency_cannot_see(client, keys):
    for key, is_visible in ((keys.screener_a, False), (keys.screener_b, True)):
        screened = client.post("/v1/screen", json={"names": ["X Y"]}, headers=auth(key))
        assert "un-sc" in screened.json()["list_versions"]
        assert (HIDDEN_SOURCE in screened.json()["list_versions"]) is is_visible
        assert (match_status(client, key, HIDDEN_SOURCE).status_code == 200) is is_visible
    refused = match_status(client, keys.screener_a, HIDDEN_SOURCE)
    assert refused.status_code == 404
    assert "un-sc" in refused.json()["detail"]
    assert HIDDEN_SOURCE not in refused.json()["detail"].split("choose from")[1]


def match_status(client, key, dataset):
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": ["X Y"]}}}}
    return client.post(f"/match/{dataset}", json=body, headers=auth(key))


def test_a_contributor_cannot_touch_another_agencys_entries(client, keys):
    headers = auth(keys.contributor_a)
    body = {"properties": {"name": ["Changed Name"]}}
    # Invisible to ALPHA: the same 404 as a missing entry.
    assert client.put(f"/v1/entries/{SECRET_ID}", json=body, headers=headers).status_code == 404
    assert client.delete(f"/v1/entries/{SECRET_ID}", headers=headers).status_code == 404
    # Visible to ALPHA but BRAVO's: refused.
    assert client.put(f"/v1/entries/{SHARED_ID}", json=body, headers=headers).status_code == 403
    assert client.delete(f"/v1/entries/{SHARED_ID}", headers=headers).status_code == 403
    assert SHARED_ID in screen_ids(client, keys.screener_a, SHARED_NAME)


def test_an_entry_change_reaches_screening_at_once_in_this_worker(client, keys):
    name = "Qutaiba Nizar Haddadin"
    assert not screen_ids(client, keys.screener_b, name, threshold=0.8)
    created = client.post(
        "/v1/entries",
        json={"id": "fresh-1", "properties": {"name": [name]}, "releasable_to": ["ALPHA"]},
        headers=auth(keys.contributor_a),
    )
    assert created.status_code == 201, created.text
    assert created.json()["id"] == "ALPHA:fresh-1"
    assert "ALPHA:fresh-1" in screen_ids(client, keys.screener_a, name)
    assert "ALPHA:fresh-1" not in screen_ids(client, keys.screener_b, name)
    deleted = client.delete("/v1/entries/ALPHA:fresh-1", headers=auth(keys.contributor_a))
    assert deleted.status_code == 204
    assert "ALPHA:fresh-1" not in screen_ids(client, keys.screener_a, name)


def wait_for(check, attempts=100):
    """Poll `check` through the other worker until it holds (it polls every 0.05 s)."""
    import time

    for _ in range(attempts):
        if check():
            return True
        time.sleep(0.05)
    return False


def test_an_entry_change_reaches_another_worker_through_the_change_feed(client, keys, service):
    name = "Wadih Samir Kanaan"
    with TestClient(create_app(service.settings)) as other:
        assert not screen_ids(other, keys.screener_a, name, threshold=0.8)
        created = client.post(
            "/v1/entries",
            json={"id": "feed-1", "properties": {"name": [name]}},
            headers=auth(keys.contributor_a),
        )
        assert created.status_code == 201
        assert wait_for(lambda: "ALPHA:feed-1" in screen_ids(other, keys.screener_a, name))
        client.put(
            "/v1/entries/ALPHA:feed-1",
            json={"properties": {"name": ["Completely Different Person"]}},
            headers=auth(keys.contributor_a),
        )
        assert wait_for(
            lambda: "ALPHA:feed-1" not in screen_ids(other, keys.screener_a, name, threshold=0.8)
        )
        client.delete("/v1/entries/ALPHA:feed-1", headers=auth(keys.contributor_a))
        other_name = "Completely Different Person"
        assert wait_for(
            lambda: "ALPHA:feed-1" not in screen_ids(other, keys.screener_a, other_name)
        )
