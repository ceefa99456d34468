"""Parquet batch files (hajiz/bulk/parquet.py): both layouts, row groups, bad rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hajiz.bulk.parquet import plan_parquet, read_parquet_batch, read_parquet_rows
from hajiz.errors import InvalidInput

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def write(path: Path, rows: list[dict[str, Any]], row_group_size: int = 1000) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
    return path


def test_csv_columns_as_strings_or_lists(tmp_path: Path) -> None:
    path = write(
        tmp_path / "t.parquet",
        [
            {"id": "a", "name": ["Ahmad Khan", "Ahmed Khan"], "nationality": "AF;PK"},
            {"id": None, "name": ["Joseph Kony"], "nationality": None},
            {"id": "c", "name": [], "nationality": None},
        ],
    )
    items = read_parquet_batch(path)
    assert [i.query_id for i in items] == ["a", "row-2", "c"]
    assert items[0].query is not None
    assert items[0].query.names == ("Ahmad Khan", "Ahmed Khan")
    assert items[0].query.nationalities == ("AF", "PK")
    assert items[1].query is not None and items[1].query.id == "row-2"
    assert items[2].error == "row 3: A query needs at least one name"


def test_a_properties_column_as_json_or_struct(tmp_path: Path) -> None:
    as_json = write(
        tmp_path / "j.parquet",
        [
            {"id": "a", "properties": json.dumps({"name": ["Ahmad Khan"], "birthDate": ["1970"]})},
            {"id": "b", "properties": "{broken"},
        ],
    )
    items = read_parquet_batch(as_json)
    assert items[0].query is not None and str(items[0].query.birth_dates[0]) == "1970"
    assert items[1].error is not None and items[1].error.startswith("row 2: 'properties' is not")
    as_struct = write(
        tmp_path / "s.parquet",
        [
            {"id": "a", "properties": {"name": ["Ahmad Khan"], "birthDate": ["1970"]}},
            {"id": "b", "properties": {"name": ["Joseph Kony"], "birthDate": None}},
        ],
    )
    items = read_parquet_batch(as_struct)
    assert [i.query.names for i in items if i.query] == [("Ahmad Khan",), ("Joseph Kony",)]


def test_small_row_groups_are_gathered_and_big_ones_split(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "name": f"Name Number {i}"} for i in range(100)]
    small = write(tmp_path / "small.parquet", rows, row_group_size=10)
    partitions = plan_parquet(small, 25)
    assert [(p.start, p.end) for p in partitions] == [(0, 30), (30, 60), (60, 90), (90, 100)]
    big = write(tmp_path / "big.parquet", rows, row_group_size=100)
    partitions = plan_parquet(big, 30)
    assert [(p.start, p.end) for p in partitions] == [(0, 25), (25, 50), (50, 75), (75, 100)]
    assert [p.first_line for p in partitions] == [1, 26, 51, 76]
    items = read_parquet_rows(big, 25, 50, 500)
    assert [i.query_id for i in items] == [f"r{i}" for i in range(25, 50)]
    assert items[0].line == 26


def test_a_parquet_file_without_names_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "t.parquet", [{"id": "a", "full_name": "Ahmad Khan"}])
    with pytest.raises(InvalidInput, match="needs a 'name' column"):
        read_parquet_batch(path)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(InvalidInput, match="not a readable Parquet file"):
        read_parquet_batch(broken)


def test_the_in_process_engine_reads_parquet(run_cli: Any, tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "un_sc_small.xml"
    assert run_cli("import", "un-sc", str(fixture)).exit_code == 0
    path = write(tmp_path / "t.parquet", [{"id": "a", "name": "IBRAHIM AWWAD IBRAHIM AL-BADRI"}])
    result = run_cli("screen-batch", str(path))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["query_id"] == "a"
    assert record["results"][0]["entity_id"] == "un-sc:QDi.299"
