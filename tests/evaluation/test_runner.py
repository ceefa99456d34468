"""The whole evaluation on a tiny data folder: every category, a deterministic report, files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hajiz.cli.evaluate import eval_command
from hajiz.evaluation.cases import Category
from hajiz.evaluation.report import misses, summarise
from hajiz.evaluation.runner import OURS, EvalConfig, run_evaluation
from hajiz.model import Entry, Name
from hajiz.screening import Screener


def _screener_works() -> bool:
    try:
        Screener.from_entries([Entry(id="x", agency="T", source="t", names=(Name(full="A B"),))])
    except NotImplementedError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _screener_works(), reason="Screener.from_entries is not implemented yet"
)


def _config(data_dir, **sizes):
    defaults = dict(aliases=5, variants=12, negatives=20, near_misses=5, peer=False)
    return EvalConfig(real_data_dir=data_dir, **(defaults | sizes))


def test_every_category_is_screened(tiny_data_dir):
    run = run_evaluation(_config(tiny_data_dir))
    assert set(run.categories) == set(Category)
    assert len(run.categories[Category.CROSS_SCRIPT_AR_LAT].case_set.cases) == 3
    for category, category_run in run.categories.items():
        outcomes = category_run.outcomes[OURS]
        assert len(outcomes) == len(category_run.case_set.cases), category
    report = summarise(run)
    assert report["config"]["threshold"] == run.threshold
    variants = report["categories"]["variants"]["engines"][OURS]
    assert variants["cases"] == 12 and 0.0 <= variants["recall"] <= 1.0
    assert len(variants["recall_curve"]) == len(report["thresholds"])
    assert {t["category"] for t in report["targets"]} >= {"variants", "negatives-dob"}
    assert set(misses(run)) == {str(c) for c in Category}


def test_the_report_is_the_same_for_the_same_seed(tiny_data_dir):
    first = summarise(run_evaluation(_config(tiny_data_dir)))
    again = summarise(run_evaluation(_config(tiny_data_dir)))
    other = summarise(run_evaluation(_config(tiny_data_dir, seed=1)))
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert json.dumps(first, sort_keys=True) != json.dumps(other, sort_keys=True)


def test_the_command_writes_report_misses_and_plots(tiny_data_dir, tmp_path):
    out = tmp_path / "out"
    args = ["--data", str(tiny_data_dir), "--out", str(out), "--no-peer"]
    args += ["--aliases", "5", "--variants", "12", "--negatives", "20", "--near-misses", "5"]
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 0, result.output
    assert "cross-script-ar-lat" in result.output and "Targets" in result.output
    report = json.loads((out / "report.json").read_text())
    assert report["format"] == "hajiz-eval/1"
    assert (out / "misses.json").is_file()
    assert (out / "thresholds.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "roc-variants.png").is_file()


def test_a_missing_data_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(eval_command, ["--data", str(tmp_path), "--no-peer"])
    assert result.exit_code == 1
    assert "not found" in result.output


def test_with_the_peer_both_engines_score_the_same_pairs(tiny_data_dir):
    pytest.importorskip("nomenklatura", reason="the peer extra (nomenklatura) is not installed")
    run = run_evaluation(_config(tiny_data_dir, peer=True, peer_sample=3))
    variants = run.categories[Category.VARIANTS].outcomes
    ours, theirs = variants["hajiz (pairs)"], variants["logic-v2"]
    assert len(ours) == len(theirs) == 3
    for mine, peer in zip(ours, theirs, strict=True):
        assert {e for e, _ in mine.ranked} == {e for e, _ in peer.ranked}
        assert mine.expected <= {e for e, _ in mine.ranked}
    report = summarise(run)
    assert report["config"]["peer"]["name"] == "logic-v2"
    assert {row["category"] for row in report["peer_comparison"]} == {
        str(c) for c in Category if c.is_positive
    }
