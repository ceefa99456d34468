"""Batch files of travellers: JSONL and CSV in, JSONL and CSV out (hajiz/batch.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import orjson
import pytest

from hajiz.batch import read_batch, result_record, write_csv, write_jsonl
from hajiz.errors import InvalidInput
from hajiz.importers.base import parse_list
from hajiz.screening import Screener

UN_SMALL = Path(__file__).resolve().parent / "fixtures" / "un_sc_small.xml"


def person(query_id: str | None, **properties: object) -> str:
    data: dict[str, object] = {"schema": "Person", "properties": properties}
    if query_id is not None:
        data["id"] = query_id
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    lines = [
        person("a", name=["Abu Bakr al-Baghdadi"], birthDate=["1971"]),
        "{not json",
        person("no-name", birthDate=["1971"]),
        person("huge", name=["A" * 10_000]),
        "",
        person(None, firstName=["Mohammad"], lastName=["Akhund"]),
        "[1, 2]",
        person("last", name=["Joseph Kony"]),
    ]
    path = tmp_path / "manifest.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_jsonl_lines_become_error_items_naming_the_line(jsonl: Path) -> None:
    items = read_batch(jsonl)
    assert [i.line for i in items] == [1, 2, 3, 4, 6, 7, 8]  # the blank line 5 is skipped
    assert [i.query_id for i in items] == [
        "a",
        "line-2",
        "no-name",
        "huge",
        "line-6",
        "line-7",
        "last",
    ]
    good = {i.query_id: i.query for i in items if i.error is None}
    assert set(good) == {"a", "line-6", "last"}
    assert good["line-6"] is not None and good["line-6"].names == ("Mohammad Akhund",)
    assert good["a"] is not None and good["a"].id == "a"
    errors = {i.query_id: i.error for i in items if i.query is None}
    assert errors["line-2"] is not None and errors["line-2"].startswith("line 2: invalid JSON")
    assert errors["no-name"] == "line 3: A query needs at least one name"
    assert errors["huge"] is not None and "line 4" in errors["huge"]
    assert "10000 characters" in errors["huge"] and "limit is 500" in errors["huge"]
    assert errors["line-7"] == "line 7: A query must be a JSON object"


def test_the_name_limit_comes_from_the_caller(jsonl: Path) -> None:
    items = read_batch(jsonl, max_name_length=20_000)
    assert next(i for i in items if i.query_id == "huge").query is not None


def test_csv_batch(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text(
        "id,name,birth_date,nationality,gender,document\n"
        "q1,Abu Bakr al-Baghdadi;أبو بكر البغدادي,1971,Iraq,male,passport:A123:IQ\n"
        ",Joseph Kony,,,,\n"
        "q3,,,,,\n"
        "q4,Omar,yesterday,,,\n",
        encoding="utf-8",
    )
    items = read_batch(path)
    assert [(i.line, i.query_id) for i in items] == [(2, "q1"), (3, "line-3"), (4, "q3"), (5, "q4")]
    first = items[0].query
    assert first is not None
    assert first.names == ("Abu Bakr al-Baghdadi", "أبو بكر البغدادي")
    assert [str(d) for d in first.birth_dates] == ["1971"]
    assert first.nationalities == ("IQ",)
    assert first.gender is not None and first.gender.value == "male"
    assert first.documents[0].number == "A123"
    assert items[1].query is not None and items[1].query.id == "line-3"
    assert items[2].error == "line 4: A query needs at least one name"
    assert items[3].error is not None and items[3].error.startswith(
        "line 5: Birth date 'yesterday'"
    )


def test_csv_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("id,full_name\n1,Ali\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="header with at least 'name'"):
        read_batch(path)


def test_unknown_format_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "manifest.txt"
    text.write_text("Ali\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"unknown batch format '\.txt'"):
        read_batch(text)
    latin1 = tmp_path / "manifest.jsonl"
    latin1.write_bytes(person("a", name=["José"]).encode("latin-1"))
    with pytest.raises(InvalidInput, match="not UTF-8"):
        read_batch(latin1)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entries(parse_list("un-sc", UN_SMALL).entries)


def records_for(path: Path, screener: Screener) -> list[dict[str, object]]:
    items = read_batch(path)
    results = iter(screener.screen_batch([i.query for i in items if i.query], workers=1))
    return [result_record(i, next(results) if i.query else None) for i in items]


def test_jsonl_output_has_one_record_per_line_in_input_order(
    jsonl: Path, screener: Screener
) -> None:
    records = records_for(jsonl, screener)
    out = io.BytesIO()
    write_jsonl(records, out)
    lines = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert [r["query_id"] for r in lines] == [
        "a",
        "line-2",
        "no-name",
        "huge",
        "line-6",
        "line-7",
        "last",
    ]
    by_id = {r["query_id"]: r for r in lines}
    assert by_id["a"]["results"][0]["entity_id"] == "un-sc:QDi.299"
    assert by_id["last"]["results"][0]["entity_id"] == "un-sc:CFi.009"
    assert {"algorithm", "list_versions", "candidates"} <= set(by_id["a"])
    assert by_id["huge"]["results"] == [] and "line 4" in by_id["huge"]["error"]
    assert "error" not in by_id["a"]


def test_csv_output_has_one_row_per_hit_or_per_query_without_hits(
    jsonl: Path, screener: Screener
) -> None:
    records = records_for(jsonl, screener)
    out = io.StringIO()
    write_csv(records, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["query_id", "rank", "entity_id", "score", "match", "band", "error"]
    first = rows[0]
    assert (first["query_id"], first["rank"], first["entity_id"]) == ("a", "1", "un-sc:QDi.299")
    assert float(first["score"]) >= 0.8 and first["error"] == ""
    errors = [r for r in rows if r["error"]]
    assert [r["query_id"] for r in errors] == ["line-2", "no-name", "huge", "line-7"]
    assert all(r["entity_id"] == "" and r["rank"] == "" for r in errors)
    assert [r["query_id"] for r in rows].count("last") == 1
