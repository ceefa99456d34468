from __future__ import annotations

from pathlib import Path

import pytest

from hajiz.benchmarking import (
    BenchConfig,
    compiled_summary,
    has_real_data,
    parse_sizes,
    run_benchmarks,
)
from hajiz.benchmarking.runner import run_job
from hajiz.benchmarking.sizes import SizeJob, SnapshotJob, bench_size, bench_snapshot_load
from hajiz.compiled import COMPILED, compiled_modules
from hajiz.errors import HajizError


@pytest.mark.parametrize(
    ("text", "sizes"),
    [
        ("1000,43000", (1000, 43000)),
        ("43k, 1m", (43_000, 1_000_000)),
        ("1_000_000", (1_000_000,)),
        ("2.5k", (2500,)),
    ],
)
def test_parse_sizes(text, sizes):
    assert parse_sizes(text) == sizes


@pytest.mark.parametrize(("text", "problem"), [("ten", "not a list size"), ("5", "too small")])
def test_parse_sizes_names_the_bad_size(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_sizes(text)


def test_real_data_is_found_only_with_both_lists(tmp_path: Path):
    assert not has_real_data(tmp_path)
    (tmp_path / "un_sc_consolidated").mkdir()
    (tmp_path / "un_sc_consolidated" / "consolidated.xml").write_text("<x/>")
    assert not has_real_data(tmp_path)
    (tmp_path / "ofac_sdn").mkdir()
    assert has_real_data(tmp_path)


def test_a_report_has_every_figure(tiny_report):
    assert tiny_report["config"]["sizes"] == [40]
    (figures,) = tiny_report["sizes"]
    assert figures["size"] == 40
    assert figures["real_entries"] == 0 and figures["synthetic_entries"] == 40
    build = figures["build"]
    assert build["entries"] == 40 and build["names"] >= 40
    assert build["total_s"] == pytest.approx(build["prepare_s"] + build["index_s"])
    screen = figures["screen"]
    assert screen["latency_ms"]["count"] == 12
    assert sum(k["count"] for k in screen["by_kind_ms"].values()) == 12
    assert 0 < screen["candidates_mean"] <= 30
    assert figures["batch"]["queries"] == 12
    assert figures["manifest"]["queries"] == 5
    snapshot = figures["snapshot"]
    assert snapshot["entries"] == 40 and snapshot["size_mb"] > 0
    assert snapshot["load_s"] > 0 and snapshot["first_screen_ms"] > 0
    assert figures["memory"]["peak_mb"] >= figures["memory"]["after_build_mb"] > 0
    assert tiny_report["engine"]["analysis"]["names"] == 40
    # Only the name-engine targets apply to a 40-person list.
    assert {t["size"] for t in tiny_report["targets"]} == {None}
    assert tiny_report["machine"]["cpus"] >= 1
    assert tiny_report["machine"]["compiled_modules"] == list(compiled_modules())


@pytest.mark.parametrize(
    ("compiled", "stale", "says"),
    [
        (list(COMPILED), [], f"compiled ({len(COMPILED)} modules, mypyc)"),
        ([], [], f"plain Python (0 of {len(COMPILED)} modules compiled)"),
        (list(COMPILED), [COMPILED[0]], f"older sources ({COMPILED[0]}): reinstall"),
    ],
)
def test_the_report_says_whether_the_name_matcher_ran_compiled(compiled, stale, says):
    machine = {"compiled_modules": compiled, "stale_modules": stale}
    assert compiled_summary(machine).endswith(says)


def test_the_same_seed_gives_the_same_list_and_queries():
    config = BenchConfig(sizes=(30,), queries=10, manifest=3, engine=False, isolate=False)
    first, second = run_benchmarks(config)["sizes"][0], run_benchmarks(config)["sizes"][0]
    assert first["build"]["names"] == second["build"]["names"]
    assert first["screen"]["candidates_mean"] == second["screen"]["candidates_mean"]
    assert first["screen"]["flagged_share"] == second["screen"]["flagged_share"]


def test_snapshots_are_kept_in_the_folder_asked_for(tmp_path: Path):
    config = BenchConfig(
        sizes=(20,), queries=10, manifest=2, engine=False, isolate=False, snapshot_dir=tmp_path
    )
    report = run_benchmarks(config)
    assert (tmp_path / "bench-20.pickle").is_file()
    assert report["sizes"][0]["snapshot"]["path"] == str(tmp_path / "bench-20.pickle")


def test_a_size_runs_in_a_fresh_process_and_its_snapshot_loads_in_another(tmp_path: Path):
    stages: list[str] = []
    path = tmp_path / "snap.pickle"
    job = SizeJob(size=20, seed=1, queries=10, manifest=2, snapshot_path=path)
    figures = run_job(bench_size, job, stages.append)
    assert figures["build"]["entries"] == 20 and path.is_file()
    loaded = run_job(bench_snapshot_load, SnapshotJob(path=path, seed=1, queries=5), stages.append)
    assert loaded["entries"] == 20
    assert loaded["then_latency_ms"]["count"] == 5
    assert any("N=20" in s for s in stages) and any("snapshot" in s for s in stages)


def test_a_failure_in_the_fresh_process_is_reported_with_its_cause(tmp_path: Path):
    job = SnapshotJob(path=tmp_path / "missing.pickle", seed=1)
    with pytest.raises(HajizError, match="could not be loaded"):
        run_job(bench_snapshot_load, job, lambda message: None)
