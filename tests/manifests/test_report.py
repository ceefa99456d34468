"""Screening a manifest end to end with the library: statuses, JSON records, CUSRES response."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hajiz.importers.un_sc import parse_un_sc
from hajiz.manifests import (
    STATUS_CODES,
    manifest_document,
    parse_paxlst,
    plan_manifest,
    read_manifest,
    screen_planned,
    write_cusres,
)
from hajiz.manifests.edifact import read_segments
from hajiz.manifests.envelope import read_interchange
from hajiz.screening import Screener
from tests.manifests.flight import PAXLST, UN_SMALL, build_flight

TODAY = date(2025, 3, 1)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entries(parse_un_sc(UN_SMALL).entries)


def screened(screener, name):
    manifest = read_manifest(PAXLST / name, today=TODAY)
    return manifest, screen_planned(screener, plan_manifest(manifest), workers=1)


def test_listed_travellers_hit_and_the_others_are_clear(screener):
    _, outcomes = screened(screener, "small.edi")
    statuses = {o.traveller.name: o.status for o in outcomes}
    assert statuses == {
        "CHOUKA, MONIR": "hit",
        "AL-BADRI AL-SAMARRAI, IBRAHIM AWWAD IBRAHIM": "hit",
        "O'BRIEN, SEAN": "clear",
        # Written per ICAO 9303 and read back into Arabic script, it meets the list's name.
        "XKHAN, MXSSXTTFXAY XHJY MXHMD": "hit",
        "DUPONT+MARTIN, ANNE:MARIE": "clear",
        "SMITH, JANE": "clear",
    }
    assert outcomes[0].hits[0]["entity_id"] == "un-sc:QDi.300"
    assert outcomes[3].hits[0]["entity_id"] == "un-sc:QDi.306"


def test_the_json_document_has_the_flight_summary_and_every_traveller(screener):
    manifest, outcomes = screened(screener, "malformed.edi")
    document = manifest_document(
        manifest, outcomes, algorithm="a@1", threshold=0.8, list_versions={"un-sc": "v"}
    )
    assert document["flight"]["number"] == "XY124"
    assert document["flight"]["departure"] == {"airport": "CAI", "at": "2025-03-01T15:30"}
    assert document["summary"] == {
        "travellers": 6, "passengers": 6, "crew": 0, "hits": 1, "clear": 1, "errors": 4,
    }  # fmt: skip
    records = document["travellers"]
    assert [r["status"] for r in records] == ["clear", "error", "error", "error", "error", "hit"]
    assert records[1]["error"].startswith("traveller 2 (MANSOUR, KARIM): DTM at segment 18")
    assert records[1]["results"] == [] and records[1]["query_id"] == "000000043-2"
    hit = records[5]["results"][0]
    assert hit["entity_id"] == "un-sc:QDi.300" and hit["match"] is True
    assert records[5]["documents"][0] == {
        "code": "P", "type": "passport", "number": "5208323009", "expiry": None,
        "issuing_country": "DE",
    }  # fmt: skip


def test_cusres_answers_each_traveller_in_a_message_of_its_own(screener):
    manifest, outcomes = screened(screener, "malformed.edi")
    text = write_cusres(manifest, outcomes, prepared_at=datetime(2025, 3, 1, 9, 0))
    interchange = read_interchange(read_segments(text)[1])
    assert interchange.reference == "R000000043"
    assert [m.type for m in interchange.messages] == ["CUSRES"] * 6
    codes = [next(s.value(0) for s in m.body if s.tag == "ERC") for m in interchange.messages]
    assert codes == ["HN", "HE", "HE", "HE", "HE", "HR"]
    assert STATUS_CODES == {"clear": "HN", "hit": "HR", "error": "HE"}
    second = interchange.messages[1]
    texts = [s.value(3, 0) for s in second.body if s.tag == "FTX"]
    assert texts[0].startswith("not screened: traveller 2 (MANSOUR, KARIM): DTM at segment 18")
    references = [s.value(0, 1) for s in second.body if s.tag == "RFF"]
    assert references == ["000000043"]
    names = [s.components(3) for m in interchange.messages for s in m.body if s.tag == "NAD"]
    assert names[5] == ("CHOUKA", "MONIR")


def test_the_300_passenger_flight_flags_the_listed_persons(screener):
    flight = build_flight()
    manifest = parse_paxlst(flight.text)
    outcomes = screen_planned(screener, plan_manifest(manifest), workers=1)
    flagged = {o.traveller.number: o for o in outcomes if o.status == "hit"}
    for number, entry_id in flight.listed.items():
        assert number in flagged, (number, entry_id)
        assert flagged[number].hits[0]["entity_id"] == entry_id
    # Common names are not flagged wholesale.
    assert len(flagged) < len(flight.listed) + 10
    assert all(o.status != "error" for o in outcomes)
