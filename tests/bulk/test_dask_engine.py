"""`screen-batch --engine dask` (hajiz/bulk/dask_engine.py) against the in-process engine."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from hajiz.bulk.output import MANIFEST, read_manifest, read_records
from hajiz.errors import ConfigError, InvalidInput
from tests.bulk.conftest import (
    RunCli,
    strip_timing,
    write_csv,
    write_jsonl,
    write_parquet,
)

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from hajiz.bulk.dask_engine import check_workers, dask_client
from hajiz.bulk.options import DaskOptions


def local_records(run_cli: RunCli, source: Path, target: Path) -> list[dict[str, Any]]:
    result = run_cli("screen-batch", str(source), "--output", str(target))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]


def dask_run(run_cli: RunCli, source: Path, target: Path, *args: str) -> None:
    result = run_cli("screen-batch", str(source), "--engine", "dask", "-o", str(target), *args)
    assert result.exit_code == 0, result.output


WRITERS = {
    "jsonl": lambda path, rows: write_jsonl(path, rows),
    "csv": lambda path, rows: write_csv(path, rows),
    # Row groups of 25 rows: partitions of 40 rows gather two groups and cut none.
    "parquet": lambda path, rows: write_parquet(path, rows, row_group_size=25),
}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_the_dask_result_equals_the_in_process_result(
    listed_db: RunCli, scheduler: str, batch_rows: list[Any], tmp_path: Path, fmt: str
) -> None:
    source = WRITERS[fmt](tmp_path / f"travellers.{fmt}", batch_rows)
    expected = local_records(listed_db, source, tmp_path / "local.jsonl")
    out = tmp_path / "hits"
    dask_run(listed_db, source, out, "--scheduler", scheduler, "--partition-size", "40")
    records = list(read_records(out))
    assert [strip_timing(r) for r in records] == [strip_timing(r) for r in expected]
    # The batch has hits, misses and error records: the comparison covers all three.
    assert sum(1 for r in records if r["results"]) >= 40
    assert sum(1 for r in records if r.get("error")) >= 10
    manifest = read_manifest(out)
    assert manifest["travellers"] == len(expected)
    assert manifest["errors"] == sum(1 for r in expected if r.get("error"))
    assert manifest["matched"] == sum(1 for r in expected if any(h["match"] for h in r["results"]))


def test_parts_are_numbered_in_input_order_and_the_index_is_loaded_once_per_worker(
    listed_db: RunCli, scheduler: str, batch_rows: list[Any], tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "travellers.jsonl", batch_rows)
    out = tmp_path / "hits"
    dask_run(listed_db, source, out, "--scheduler", scheduler, "--partition-size", "30")
    manifest = read_manifest(out)
    files = sorted(p.name for p in out.iterdir())
    assert files == [MANIFEST] + [f"part-{i:05d}.jsonl" for i in range(len(manifest["parts"]))]
    assert len(manifest["parts"]) == 9  # 241 lines (one blank) in parts of 30
    assert [p["first_line"] for p in manifest["parts"]] == [1 + 30 * i for i in range(9)]
    first_ids = [
        json.loads((out / p["file"]).read_text(encoding="utf-8").splitlines()[0])["query_id"]
        for p in manifest["parts"]
    ]
    assert first_ids[:2] == ["t0", "t30"]
    # 9 partitions on 2 workers: each worker unpickled the index exactly once.
    loads = manifest["snapshot_loads"]
    assert len(loads) == 2 and set(loads.values()) == {1}


def test_csv_output_parts_concatenate_to_the_in_process_csv(
    listed_db: RunCli, scheduler: str, batch_rows: list[Any], tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "travellers.csv", batch_rows)
    local = tmp_path / "local.csv"
    result = listed_db("screen-batch", str(source), "--format", "csv", "-o", str(local))
    assert result.exit_code == 0, result.output
    out = tmp_path / "hits"
    dask_run(listed_db, source, out, "--scheduler", scheduler, "--format", "csv")
    rows: list[dict[str, str]] = []
    for part in read_manifest(out)["parts"]:
        rows.extend(csv.DictReader(io.StringIO((out / part["file"]).read_text(encoding="utf-8"))))
    assert rows == list(csv.DictReader(io.StringIO(local.read_text(encoding="utf-8"))))


def test_a_local_cluster_is_started_when_no_scheduler_is_given(
    listed_db: RunCli, batch_rows: list[Any], tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "travellers.jsonl", batch_rows[:60])
    expected = local_records(listed_db, source, tmp_path / "local.jsonl")
    out = tmp_path / "hits"
    dask_run(listed_db, source, out, "--workers", "1", "--partition-size", "25")
    assert [strip_timing(r) for r in read_records(out)] == [strip_timing(r) for r in expected]
    assert list(read_manifest(out)["snapshot_loads"].values()) == [1]


def test_an_unreachable_scheduler_is_named_with_the_timeout(
    listed_db: RunCli, batch_rows: list[Any], tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "travellers.jsonl", batch_rows[:5])
    address = "tcp://127.0.0.1:9"  # discard port on this machine: nothing listens
    args = ("--scheduler", address, "--connect-timeout", "1")
    result = listed_db("screen-batch", str(source), "--engine", "dask", "-o", "x", *args)
    assert result.exit_code == 1
    assert f"Could not connect to the Dask scheduler at '{address}' within 1 s" in result.output
    assert "Traceback" not in result.output
    with (
        pytest.raises(ConfigError, match="within 1 s"),
        dask_client(DaskOptions(scheduler=address, connect_timeout=1)),
    ):
        pass


def test_a_scheduler_without_workers_is_reported() -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as cluster,
        dask_client(DaskOptions(scheduler=cluster.scheduler_address)) as client,
        pytest.raises(ConfigError, match=r"has no workers after 0\.5 s"),
    ):
        check_workers(client, 0.5)


def test_an_output_folder_with_results_is_refused(
    listed_db: RunCli, scheduler: str, batch_rows: list[Any], tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "travellers.jsonl", batch_rows[:5])
    out = tmp_path / "hits"
    dask_run(listed_db, source, out, "--scheduler", scheduler)
    result = listed_db(
        "screen-batch", str(source), "--engine", "dask", "--scheduler", scheduler, "-o", str(out)
    )
    assert result.exit_code == 1, result.output
    assert "already holds results (_SUCCESS, part-00000.jsonl" in result.output


def test_dask_options_need_the_dask_engine(listed_db: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "t.jsonl"
    source.write_text('{"properties": {"name": ["Ahmad Khan"]}}\n', encoding="utf-8")
    result = listed_db("screen-batch", str(source), "--workers", "2", "--partition-size", "5")
    assert result.exit_code == 2
    assert "--workers, --partition-size need --engine dask" in result.output
    result = listed_db("screen-batch", str(source), "--engine", "dask")
    assert result.exit_code == 2
    assert "give --output DIR" in result.output


def test_a_missing_output_manifest_means_the_run_did_not_finish(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no _SUCCESS manifest"):
        read_manifest(tmp_path)


def test_a_worker_that_cannot_read_the_input_says_where(scheduler: str, tmp_path: Path) -> None:
    from hajiz.bulk.dask_engine import screen_on_dask
    from hajiz.bulk.options import BulkRun
    from hajiz.bulk.partitions import plan_partitions
    from hajiz.screening import Screener
    from tests.bulk.conftest import listed_entries

    source = tmp_path / "travellers.jsonl"
    source.write_text('{"properties": {"name": ["Ahmad Khan"]}}\n', encoding="utf-8")
    plan = plan_partitions(source, 10)
    source.unlink()  # as if the workers did not share the client's file system
    screener = Screener.from_entries(listed_entries())
    with pytest.raises(InvalidInput, match="every worker needs the input at the same path"):
        screen_on_dask(
            screener, plan, tmp_path / "hits", BulkRun(), DaskOptions(scheduler=scheduler)
        )
    assert not (tmp_path / "hits" / MANIFEST).exists()
