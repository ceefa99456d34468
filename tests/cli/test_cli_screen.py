"""`hajiz screen` and `hajiz screen-batch` on the fixture UN list, through CliRunner."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAGHDADI = "un-sc:QDi.299"
RunCli = Callable[..., Result]


@pytest.fixture
def un_db(run_cli: RunCli) -> RunCli:
    """The CLI runner with the fixture UN list imported into its database."""
    result = run_cli("import", "un-sc", str(FIXTURES / "un_sc_small.xml"))
    assert result.exit_code == 0, result.output
    return run_cli


def screen_json(run_cli: RunCli, *args: str) -> dict[str, Any]:
    result = run_cli("screen", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_screen_shows_the_closest_candidate_with_an_aligned_explanation(un_db: RunCli) -> None:
    result = un_db("screen", "أبو بكر البغدادي")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "0 hit(s) at or above 0.80" in text
    assert "Closest candidates below the threshold" in text
    assert BAGHDADI in text
    # The aligned parts, with their romanisations and why they match.
    assert "أبو بكر (bakr)" in text
    assert "البغدادي (baghdadi)" in text
    assert "identical" in text
    assert "not given by the traveller" in text
    assert "weak alias" in text
    assert "hajiz-v1@1.14" in text


def test_screen_with_a_birth_date_finds_the_hit(un_db: RunCli) -> None:
    result = un_db(
        "screen", "IBRAHIM AWWAD IBRAHIM AL-BADRI", "--dob", "1971", "--nationality", "IQ"
    )
    assert result.exit_code == 0, result.output
    assert "1 hit(s) at or above 0.80" in result.stdout
    assert f"1. {BAGHDADI}" in result.stdout
    assert "MATCH" in result.stdout and "1971" in result.stdout
    assert "Closest candidates" not in result.stdout


def test_screen_json_has_results(un_db: RunCli) -> None:
    data = screen_json(un_db, "IBRAHIM AWWAD IBRAHIM AL-BADRI", "--name", "Abu Dua")
    assert [hit["entity_id"] for hit in data["results"]] == [BAGHDADI]
    assert "closest" not in data
    assert data["algorithm"] == "hajiz-v1@1.14"
    assert data["list_versions"] == {"un-sc": "2026-02-27T00:00:09.554Z"}
    hit = data["results"][0]
    assert hit["match"] is True and hit["band"] in ("review", "strong")
    pairs = hit["explanation"]["name"]["pairs"]
    assert [p["query"] for p in pairs][:2] == ["ibrahim", "awwad"]
    assert {f["feature"] for f in hit["explanation"]["features"]} >= {"birth_date_agreement"}


def test_screen_json_gives_the_closest_when_nothing_passes(un_db: RunCli) -> None:
    data = screen_json(un_db, "أبو بكر البغدادي")
    assert data["results"] == []
    assert [hit["entity_id"] for hit in data["closest"]][:1] == [BAGHDADI]
    assert all(hit["score"] < 0.8 for hit in data["closest"])
    assert "أبو بكر البغدادي" in json.dumps(data["closest"], ensure_ascii=False)


def test_closest_candidates_are_not_marked_as_matches(un_db: RunCli) -> None:
    data = screen_json(un_db, "أبو بكر البغدادي")
    assert data["closest"]
    assert all(hit["match"] is False for hit in data["closest"])


def test_screen_threshold_zero_lists_every_candidate_and_no_closest(un_db: RunCli) -> None:
    data = screen_json(un_db, "Mohammed Akhund al-Baghdadi", "--threshold", "0")
    assert len(data["results"]) == data["candidates"] >= 2
    assert data["results"][0]["entity_id"] == "un-sc:TAi.002"
    assert "closest" not in data


def test_screen_writes_the_index_snapshot_into_the_data_dir(un_db: RunCli) -> None:
    snapshots = Path(os.environ["HAJIZ_DATA_DIR"]) / "snapshots"
    assert not snapshots.exists()
    assert un_db("screen", "Joseph Kony").exit_code == 0
    (snapshot,) = snapshots.iterdir()
    again = un_db("screen", "Joseph Kony", "--json")
    assert json.loads(again.stdout)["results"][0]["entity_id"] == "un-sc:CFi.009"
    assert list(snapshots.iterdir()) == [snapshot]


def test_screen_on_an_empty_database_finds_nothing(run_cli: RunCli) -> None:
    data = screen_json(run_cli, "Joseph Kony")
    assert data["results"] == [] and data["closest"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("123 456",), "Error: Name '123 456' has no letters"),
        (("Ali", "--document", "passport:"), "TYPE:NUMBER"),
        (("A" * 600,), "600 characters long; the limit is 500"),
    ],
)
def test_bad_input_is_one_error_line(un_db: RunCli, args: tuple[str, ...], message: str) -> None:
    result = un_db("screen", *args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert message in lines[0]


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    lines = [
        {"id": "t1", "properties": {"name": ["IBRAHIM AWWAD IBRAHIM AL-BADRI"]}},
        "{broken",
        {"id": "t3", "properties": {"name": ["Joseph Kony"], "birthDate": ["1964"]}},
        {"id": "t4", "properties": {"name": ["Qwzxtrab Plovdivski"]}},
        {"id": "t5", "properties": {"name": ["A" * 10_000]}},
    ]
    path = tmp_path / "manifest.jsonl"
    text = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_screen_batch_jsonl_with_bad_lines(un_db: RunCli, manifest: Path) -> None:
    result = un_db("screen-batch", str(manifest))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query_id"] for r in records] == ["t1", "line-2", "t3", "t4", "t5"]
    by_id = {r["query_id"]: r for r in records}
    assert by_id["t1"]["results"][0]["entity_id"] == BAGHDADI
    assert by_id["t3"]["results"][0]["entity_id"] == "un-sc:CFi.009"
    assert by_id["t4"]["results"] == []
    assert by_id["line-2"]["error"].startswith("line 2: invalid JSON")
    assert by_id["t5"]["error"].startswith("line 5: Name is 10000 characters long")
    assert "5 travellers: 2 with hits" in result.stderr
    assert "2 unreadable line(s)" in result.stderr


def test_screen_batch_csv_output_to_a_file(un_db: RunCli, manifest: Path, tmp_path: Path) -> None:
    target = tmp_path / "hits.csv"
    result = un_db("screen-batch", str(manifest), "--format", "csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["query_id"] for r in rows] == ["t1", "line-2", "t3", "t4", "t5"]
    assert rows[0]["entity_id"] == BAGHDADI and rows[0]["rank"] == "1"
    assert rows[1]["error"].startswith("line 2:")
    assert rows[3]["entity_id"] == "" and rows[3]["error"] == ""


def test_screen_batch_csv_input(un_db: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text(
        "id,name,birth_date\nc1,حسن غول,\nc2,,1970\nc3,Monir Chouka,1981-07-30\n", encoding="utf-8"
    )
    result = un_db("screen-batch", str(path), "--threshold", "0.8")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query_id"] for r in records] == ["c1", "c2", "c3"]
    assert records[0]["results"][0]["entity_id"] == "un-sc:QDi.306"
    assert records[1]["error"] == "line 3: A query needs at least one name"
    assert records[2]["results"][0]["entity_id"] == "un-sc:QDi.300"


def test_screen_batch_refuses_an_unknown_format(un_db: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "manifest.xlsx"
    path.write_text("x", encoding="utf-8")
    result = un_db("screen-batch", str(path))
    assert result.exit_code == 1
    assert "unknown batch format '.xlsx'" in result.output
