"""`hajiz screen-manifest` on hand-built PAXLST files, with the fixture UN list imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hajiz.manifests.edifact import read_segments
from hajiz.manifests.envelope import read_interchange

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAXLST = FIXTURES / "paxlst"


@pytest.fixture
def un_db(run_cli):
    result = run_cli("import", "un-sc", str(FIXTURES / "un_sc_small.xml"))
    assert result.exit_code == 0, result.output
    return run_cli


def test_the_summary_table_shows_the_flight_and_who_needs_an_officer(un_db):
    result = un_db("screen-manifest", str(PAXLST / "malformed.edi"))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Flight XY124 from CAI 2025-03-01 15:30 to FRA" in text
    assert "6 travellers (6 passengers, 0 crew): 1 with hits, 4 not screened" in text
    assert "CHOUKA, MONIR" in text and "un-sc:QDi.300" in text and "HIT" in text
    assert "DTM at segment 18: birth date '711328'" in text
    # Clear travellers are counted, not listed.
    assert "HADDAD" not in text


def test_json_output_and_cusres_response(un_db, tmp_path):
    output, cusres = tmp_path / "out.json", tmp_path / "response.edi"
    result = un_db(
        "screen-manifest", str(PAXLST / "small.edi"), "-o", str(output), "--cusres", str(cusres)
    )
    assert result.exit_code == 0, result.output
    document = json.loads(output.read_text())
    assert document["summary"]["hits"] == 3 and document["summary"]["crew"] == 1
    assert document["threshold"] == 0.8 and document["list_versions"]["un-sc"]
    statuses = [t["status"] for t in document["travellers"]]
    assert statuses == ["hit", "hit", "clear", "hit", "clear", "clear"]
    assert "6 travellers: 3 with hits" in result.stderr
    interchange = read_interchange(read_segments(cusres.read_text())[1])
    assert len(interchange.messages) == 6


def test_json_to_standard_output_with_limit_and_threshold(un_db):
    result = un_db(
        "screen-manifest", str(PAXLST / "small.edi"), "-o", "-", "--threshold", "0", "--limit", "1"
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["threshold"] == 0.0
    assert all(len(t["results"]) <= 1 for t in document["travellers"])


def test_a_broken_envelope_is_a_one_line_error(un_db, tmp_path):
    broken = tmp_path / "broken.edi"
    broken.write_text((PAXLST / "small.edi").read_text().replace("UNT+62+", "UNT+61+"))
    result = un_db("screen-manifest", str(broken))
    assert result.exit_code == 1
    assert "UNT says 61 segments, but there are 62" in result.output
    assert str(broken) in result.output
