from __future__ import annotations

import copy

from rich.console import Console

from hajiz.benchmarking import engine_table, screening_table


def render(table) -> str:
    console = Console(record=True, width=250, color_system=None)
    console.print(table)
    return console.export_text()


def test_engine_table_shows_figures_and_verdicts(tiny_report):
    text = render(engine_table(tiny_report["engine"]))
    assert "Lexicon load, fresh process" in text
    assert "analyse() p50, 40 distinct names" in text
    assert "(≤ 50 µs)" in text and "(≤ 1 s)" in text and "(≤ 100 MB)" in text
    assert "PASS" in text or "FAIL" in text


def test_screening_table_has_a_column_per_size_and_targets_only_where_they_apply(tiny_report):
    figures = tiny_report["sizes"][0]
    at_43k = copy.deepcopy(figures)
    at_43k["size"] = 43_000
    at_43k["screen"]["latency_ms"]["p50"] = 1.0  # within 2 ms
    at_43k["screen"]["latency_ms"]["p99"] = 11.0  # over 10 ms
    text = render(screening_table([figures, at_43k]))
    assert "N = 40" in text and "N = 43,000" in text
    p50_row = next(line for line in text.splitlines() if "Screen p50" in line)
    assert "✓ PASS (≤ 2 ms)" in p50_row
    p99_row = next(line for line in text.splitlines() if "Screen p99" in line)
    assert "✗ FAIL (≤ 10 ms)" in p99_row
    assert p99_row.count("FAIL") == 1  # no target at N = 40
    assert "Snapshot load, fresh process" in text
