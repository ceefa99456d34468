"""Admins upload official lists: `POST /v1/lists/import` (multipart with a format field)."""

from __future__ import annotations

from tests.api.conftest import FIXTURES, auth


def upload(client, key, fmt, paths, **fields):
    files = [("files", (path.name, path.read_bytes())) for path in paths]
    return client.post(
        "/v1/lists/import", data={"format": fmt, **fields}, files=files, headers=auth(key)
    )


def test_an_uploaded_list_is_imported_audited_and_screened(client, keys):
    folder = FIXTURES / "ofac_sdn_small"
    response = upload(client, keys.admin_a, "ofac-sdn", sorted(folder.iterdir()))
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["source"] == "ofac-sdn" and report["added"] == report["total"] == 10
    screened = client.post(
        "/v1/screen", json={"names": ["Ahmed Khalfan Ghailani"]}, headers=auth(keys.screener_b)
    ).json()
    assert "ofac-sdn:6925" in [hit["entity_id"] for hit in screened["results"]]
    audit = client.get(
        "/v1/audit", params={"action": "list.import"}, headers=auth(keys.admin_a)
    ).json()["records"]
    assert audit[-1]["seq"] == report["audit_seq"]
    assert audit[-1]["detail"]["sha256"] == report["sha256"]


def test_reimporting_the_same_file_changes_nothing(client, keys):
    first = upload(client, keys.admin_a, "un-sc", [FIXTURES / "un_sc_small.xml"]).json()
    assert first["added"] == first["changed"] == first["removed"] == 0
    assert first["unchanged"] == 9


def test_ftm_and_csv_lists_belong_to_the_admins_agency(client, keys):
    report = upload(client, keys.admin_a, "ftm", [FIXTURES / "ftm_small.jsonl"]).json()
    assert report["source"] == "ftm:ALPHA"


def test_bad_uploads_are_4xx(client, keys):
    xml = FIXTURES / "un_sc_small.xml"
    unknown = upload(client, keys.admin_a, "pdf", [xml])
    assert unknown.status_code == 400 and "choose from" in unknown.json()["detail"]
    wrong = upload(client, keys.admin_a, "ftm", [xml])
    assert wrong.status_code == 422 and "not FtM JSON lines" in wrong.json()["detail"]
    ftm = FIXTURES / "ftm_small.jsonl"
    bad_agency = upload(client, keys.admin_a, "ftm", [ftm], agency="B\u202eAD")
    assert bad_agency.status_code == 400 and "Agency code" in bad_agency.json()["detail"]
    two = upload(client, keys.admin_a, "un-sc", [xml, xml])
    assert two.status_code == 400
    missing = client.post("/v1/lists/import", data={"format": "un-sc"}, headers=auth(keys.admin_a))
    assert missing.status_code == 422 and "files" in missing.json()["detail"]
