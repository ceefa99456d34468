"""`POST /v1/screen/manifest` over HTTP: a PAXLST body in, every traveller screened and audited."""

from __future__ import annotations

from pathlib import Path

from hajiz.manifests.writer import Envelope, FlightRecord, TravellerRecord, write_paxlst
from tests.api.conftest import SECRET_ID, auth

PAXLST = Path(__file__).resolve().parents[1] / "fixtures" / "paxlst"
EDIFACT = {"Content-Type": "application/edifact"}


def post(client, key, body, content_type="text/plain", **params):
    headers = {**auth(key), "Content-Type": content_type}
    return client.post("/v1/screen/manifest", content=body, headers=headers, params=params)


def test_a_manifest_is_screened_traveller_by_traveller(client, keys):
    response = post(client, keys.screener_a, (PAXLST / "malformed.edi").read_bytes())
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["flight"]["number"] == "XY124"
    assert data["summary"]["travellers"] == 6 and data["summary"]["errors"] == 4
    travellers = data["travellers"]
    assert [t["status"] for t in travellers] == ["clear", "error", "error", "error", "error", "hit"]
    hit = travellers[5]["results"][0]
    assert hit["entity_id"] == "un-sc:QDi.300" and hit["caption"] == "MONIR CHOUKA"
    assert "DTM at segment 18" in travellers[1]["error"]
    assert travellers[1]["audit_seq"] is None and travellers[0]["audit_seq"] > 0
    # The hit is referred for review like any screening; the clear traveller is not.
    assert travellers[5]["case_id"] and travellers[0]["case_id"] is None
    assert data["cusres"] is None


def test_every_screened_traveller_is_audited(client, keys):
    data = post(
        client, keys.screener_a, (PAXLST / "small.edi").read_bytes(), "application/edifact"
    ).json()
    seqs = {t["audit_seq"]: t for t in data["travellers"]}
    audit = client.get("/v1/audit", params={"action": "screen"}, headers=auth(keys.admin_a))
    records = {r["seq"]: r for r in audit.json()["records"] if r["seq"] in seqs}
    assert len(records) == 6
    for seq, record in records.items():
        traveller = seqs[seq]
        assert record["subject"] == traveller["query_id"]
        assert record["detail"]["endpoint"] == "/v1/screen/manifest"
        assert record["detail"]["results"] == [
            [h["entity_id"], h["score"]] for h in traveller["results"]
        ]
        assert record["agency"] == "ALPHA"


def test_the_cusres_response_comes_with_the_json_when_asked(client, keys):
    data = post(client, keys.screener_a, (PAXLST / "small.edi").read_bytes(), cusres="true").json()
    assert data["cusres"].startswith("UNA:+.? '\nUNB+UNOB:4+HAJIZ+XYAIRLINE+")
    assert data["cusres"].count("UNH+") == 6 and "ERC+HR'" in data["cusres"]


def test_entries_another_agency_may_not_see_stay_hidden(client, keys):
    text = write_paxlst(
        FlightRecord(),
        [TravellerRecord("HAMDANI", ("ZUBAIR QASIM",), birth_date=None)],
        Envelope(reference="77"),
    )
    alpha = post(client, keys.screener_a, text.encode(), threshold=0).json()
    bravo = post(client, keys.screener_b, text.encode()).json()
    assert SECRET_ID not in [h["entity_id"] for h in alpha["travellers"][0]["results"]]
    assert bravo["travellers"][0]["results"][0]["entity_id"] == SECRET_ID


def test_a_broken_envelope_is_a_422_naming_the_problem(client, keys):
    body = (PAXLST / "small.edi").read_text().replace("UNZ+1+000000042", "UNZ+1+000000099")
    response = post(client, keys.screener_a, body.encode())
    assert response.status_code == 422
    assert response.json() == {
        "detail": "request body (UNZ at segment 67): UNZ closes reference '000000099', "
        "but '000000042' was opened",
        "status": 422,
    }


def test_json_is_not_accepted_and_screening_needs_the_screener_role(client, keys):
    body = (PAXLST / "small.edi").read_bytes()
    wrong_type = post(client, keys.screener_a, body, "application/xml")
    assert wrong_type.status_code == 415 and "application/edifact" in wrong_type.json()["detail"]
    assert post(client, keys.contributor_a, body).status_code == 403
    assert client.post("/v1/screen/manifest", content=body, headers=EDIFACT).status_code == 401


def test_latin_1_manifests_are_read_by_their_syntax_identifier(client, keys):
    text = write_paxlst(FlightRecord(), [TravellerRecord("MÜLLER", ("JOSÉ",))], Envelope())
    body = text.replace("UNOA:4", "UNOC:4").encode("latin-1")
    data = post(client, keys.screener_a, body).json()
    assert data["travellers"][0]["name"] == "MÜLLER, JOSÉ"


def test_limits_on_results_and_travellers(client, keys, service):
    body = (PAXLST / "small.edi").read_bytes()
    too_many = post(client, keys.screener_a, body, limit=service.settings.api_max_results + 1)
    assert too_many.status_code == 400
    records = [
        TravellerRecord(f"PERSON{i}", ("A",)) for i in range(service.settings.api_max_batch + 1)
    ]
    big = write_paxlst(FlightRecord(), records).encode()
    response = post(client, keys.screener_a, big)
    assert response.status_code == 400
    assert "travellers; the limit is" in response.json()["detail"]


def test_a_body_over_the_size_limit_is_refused_before_parsing(client, keys, service):
    body = b"UNB+UNOA:4+A+B+250301:0800+R'" + b" " * service.settings.api_max_body_bytes
    response = post(client, keys.screener_a, body)
    assert response.status_code == 413
    assert "larger than the limit" in response.json()["detail"]
