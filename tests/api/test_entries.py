"""Contributors' own records: `GET/POST/PUT/DELETE /v1/entries`, FtM bodies, agency-owned."""

from __future__ import annotations

from tests.api.conftest import auth

PERSON = {
    "id": "case-17",
    "schema": "Person",
    "properties": {
        "name": ["Abu Hamza al-Masri"],
        "alias": ["أبو حمزة المصري"],
        "birthDate": ["1958-04-15"],
        "nationality": ["eg"],
        "gender": ["male"],
        "passportNumber": ["A1234567"],
    },
    "releasable_to": ["ALPHA", "BRAVO"],
}


def test_create_read_update_delete(client, keys):
    headers = auth(keys.contributor_a)
    created = client.post("/v1/entries", json=PERSON, headers=headers)
    assert created.status_code == 201, created.text
    entry = created.json()
    assert entry["id"] == "ALPHA:case-17"
    assert entry["agency"] == "ALPHA" and entry["version"] == 1
    assert entry["releasable_to"] == ["ALPHA", "BRAVO"]
    assert entry["properties"]["name"] == ["Abu Hamza al-Masri"]
    assert entry["properties"]["alias"] == ["أبو حمزة المصري"]
    assert entry["properties"]["birthDate"] == ["1958-04-15"]
    assert entry["properties"]["nationality"] == ["eg"]
    assert entry["properties"]["passportNumber"] == ["A1234567"]
    assert client.get("/v1/entries/ALPHA:case-17", headers=headers).json() == entry
    listed = client.get("/v1/entries", headers=headers).json()["entries"]
    assert "ALPHA:case-17" in [e["id"] for e in listed]
    assert all(e["agency"] == "ALPHA" for e in listed)

    changed = {**PERSON, "properties": {**PERSON["properties"], "birthDate": ["1959"]}}
    updated = client.put("/v1/entries/ALPHA:case-17", json=changed, headers=headers)
    assert updated.status_code == 200
    assert updated.json()["version"] == 2
    assert updated.json()["properties"]["birthDate"] == ["1959"]
    assert updated.json()["first_seen"] == entry["first_seen"]

    assert client.delete("/v1/entries/ALPHA:case-17", headers=headers).status_code == 204
    assert client.get("/v1/entries/ALPHA:case-17", headers=headers).status_code == 404
    assert client.delete("/v1/entries/ALPHA:case-17", headers=headers).status_code == 404


def test_the_entry_is_screened_against_with_its_details(client, keys):
    body = {**PERSON, "id": "case-18", "releasable_to": None}
    assert (
        client.post("/v1/entries", json=body, headers=auth(keys.contributor_a)).status_code == 201
    )
    query = {"names": ["Abu Hamza al-Masri"], "documents": [{"number": "A1234567"}]}
    screened = client.post("/v1/screen", json=query, headers=auth(keys.screener_b)).json()
    top = screened["results"][0]
    assert top["entity_id"] == "ALPHA:case-18"
    assert top["caption"] == "Abu Hamza al-Masri" and top["agency"] == "ALPHA"
    assert top["explanation"]["features"]


def test_posting_an_existing_id_is_409_and_ids_are_generated_when_absent(client, keys):
    headers = auth(keys.contributor_a)
    body = {"id": "dup-1", "properties": {"name": ["Some Body"]}}
    assert client.post("/v1/entries", json=body, headers=headers).status_code == 201
    again = client.post("/v1/entries", json=body, headers=headers)
    assert again.status_code == 409 and "PUT" in again.json()["detail"]
    # The agency prefix may be given or not: the same entry either way.
    assert (
        client.post("/v1/entries", json={**body, "id": "ALPHA:dup-1"}, headers=headers).status_code
        == 409
    )
    generated = client.post(
        "/v1/entries", json={"properties": {"name": ["No Id"]}}, headers=headers
    )
    assert generated.status_code == 201 and generated.json()["id"].startswith("ALPHA:")


def test_same_client_id_in_two_agencies_are_two_entries(client, keys):
    body = {"id": "shared-name", "properties": {"name": ["Common Case"]}}
    a = client.post("/v1/entries", json=body, headers=auth(keys.contributor_a))
    b = client.post("/v1/entries", json=body, headers=auth(keys.contributor_b))
    assert a.status_code == b.status_code == 201
    assert {a.json()["id"], b.json()["id"]} == {"ALPHA:shared-name", "BRAVO:shared-name"}


def test_bad_bodies_are_4xx(client, keys):
    headers = auth(keys.contributor_a)
    for body, status, expected in [
        ({"properties": {"birthDate": ["1970"]}}, 400, "no name"),
        ({"properties": {"name": ["A B"], "birthDate": ["yesterday"]}}, 400, "birthDate"),
        ({"schema": "Vessel", "properties": {"name": ["A B"]}}, 400, "Vessel"),
        ({"properties": {"name": "A B"}}, 422, "properties.name"),
        ({"properties": {"name": ["A B"]}, "releasable_to": ["bad code"]}, 400, "releasable_to"),
        ({"id": "../etc", "properties": {"name": ["A B"]}}, 422, "id"),
        ({"properties": {"name": ["A" * 600]}}, 400, "limit of 500"),
    ]:
        response = client.post("/v1/entries", json=body, headers=headers)
        assert response.status_code == status, (body, response.text)
        assert expected in response.json()["detail"], response.json()


def test_put_with_another_id_in_the_body_is_400(client, keys):
    headers = auth(keys.contributor_a)
    client.post(
        "/v1/entries", json={"id": "p-1", "properties": {"name": ["P One"]}}, headers=headers
    )
    response = client.put(
        "/v1/entries/ALPHA:p-1",
        json={"id": "p-2", "properties": {"name": ["P Two"]}},
        headers=headers,
    )
    assert response.status_code == 400


def test_another_agencys_entries_are_not_listed_or_read_here(client, keys):
    listed = client.get("/v1/entries", headers=auth(keys.contributor_b)).json()["entries"]
    assert all(e["agency"] == "BRAVO" for e in listed)
    assert (
        client.get("/v1/entries/BRAVO:shared-1", headers=auth(keys.contributor_a)).status_code
        == 404
    )
