from __future__ import annotations

import json
from pathlib import Path


def test_bench_prints_the_tables_and_writes_every_figure(run_cli, tmp_path: Path):
    out = tmp_path / "bench.json"
    result = run_cli(
        "bench", "--sizes", "20", "--queries", "10", "--manifest", "3", "--no-engine",
        "--no-real", "--json", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Screening" in result.output and "N = 20" in result.output
    assert "Name engine" not in result.output
    report = json.loads(out.read_text())
    assert report["sizes"][0]["size"] == 20
    assert report["engine"] is None
    assert report["config"]["real_data_dir"] is None


def test_bench_refuses_a_bad_size(run_cli):
    result = run_cli("bench", "--sizes", "1000,lots")
    assert result.exit_code == 2
    assert "not a list size: 'lots'" in result.output
