"""Cutting batch files into partitions and reading them back (hajiz/bulk/partitions.py)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from hajiz.batch import BatchItem, read_batch
from hajiz.bulk.partitions import Partition, plan_partitions, read_partition
from hajiz.errors import InvalidInput
from tests.bulk.conftest import write_csv, write_jsonl


def read_all(path: Path, size: int) -> tuple[list[Partition], list[BatchItem]]:
    plan = plan_partitions(path, size)
    items = [item for p in plan.partitions for item in read_partition(p, 500)]
    return list(plan.partitions), items


def assert_contiguous(partitions: list[Partition], path: Path) -> None:
    for before, after in itertools.pairwise(partitions):
        assert before.end == after.start
        assert after.first_line == before.first_line + before.rows
    assert partitions[-1].end == path.stat().st_size


@pytest.mark.parametrize("size", [1, 7, 40, 100_000])
def test_jsonl_partitions_read_back_as_the_whole_file(
    batch_rows: list[Any], tmp_path: Path, size: int
) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", batch_rows)
    partitions, items = read_all(path, size)
    assert items == read_batch(path)
    assert_contiguous(partitions, path)
    assert partitions[0].start == 0 and partitions[0].first_line == 1
    assert all(p.rows == size for p in partitions[:-1])


@pytest.mark.parametrize("size", [1, 9, 40, 100_000])
def test_csv_partitions_keep_quoted_line_breaks_and_skip_blank_records(
    batch_rows: list[Any], tmp_path: Path, size: int
) -> None:
    path = write_csv(tmp_path / "t.csv", batch_rows)
    partitions, items = read_all(path, size)
    assert items == read_batch(path)
    assert_contiguous(partitions, path)
    assert partitions[0].first_line == 2  # line 1 is the header
    assert partitions[0].fieldnames == ("id", "name", "birth_date", "nationality")
    assert sum(p.rows for p in partitions) == len(batch_rows)  # the blank record not counted


def test_a_json_string_may_hold_a_raw_line_separator(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    lines = [{"id": "a", "properties": {"name": ["Ahmad\u2028Khan"]}}, {"id": "b"}]
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)  # no final newline
    path.write_text(text, encoding="utf-8")
    partitions, items = read_all(path, 1)
    assert [i.query_id for i in items] == ["a", "b"]
    assert items[0].error is None and items[1].error == "line 2: A query needs at least one name"
    assert items == read_batch(path)
    assert len(partitions) == 2


def test_a_file_of_a_header_or_of_nothing_has_no_partitions(tmp_path: Path) -> None:
    header = tmp_path / "h.csv"
    header.write_text("id,name", encoding="utf-8")
    assert plan_partitions(header, 10).partitions == ()
    empty = tmp_path / "e.jsonl"
    empty.write_text("", encoding="utf-8")
    assert plan_partitions(empty, 10).partitions == ()


def test_a_csv_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,full_name\n1,Ahmad Khan\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="CSV batch needs a header with at least 'name'"):
        plan_partitions(path, 10)


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"unknown batch format '\.xlsx' \(use .jsonl, .csv"):
        plan_partitions(path, 10)


def test_bad_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(b'{"properties": {"name": ["Ahmad"]}}\n{"properties": {"name": ["\xff"]}}\n')
    plan = plan_partitions(path, 1)
    with pytest.raises(InvalidInput, match=r"not UTF-8 text \(invalid start byte at byte 62\)"):
        read_partition(plan.partitions[1], 500)
    with pytest.raises(InvalidInput, match=r"not UTF-8 text \(invalid start byte at byte 62\)"):
        read_batch(path)
