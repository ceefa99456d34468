# Fixture strategy
#
# * Generators are tested for what a benchmark relies on: the same seed gives the same data,
#   names have the shapes and scripts they claim, queries come in the asked proportions.
# * Figure computations (percentiles, memory readers, clocks, target verdicts, tables) are
#   tested on hand-made numbers whose right answers are known.
# * The whole benchmark runs on tiny sizes (tens of persons, tens of queries), once in this
#   process and once per fresh process, and the tests check the report's shape and the
#   relations between its figures. No test asserts how fast anything is.
from __future__ import annotations

from typing import Any

import pytest

from hajiz.benchmarking import BenchConfig, run_benchmarks


@pytest.fixture(scope="session")
def tiny_report() -> dict[str, Any]:
    """A whole benchmark report, in this process, on a 40-person synthetic list."""
    config = BenchConfig(
        sizes=(40,), queries=12, manifest=5, names=40, cold_names=10, isolate=False
    )
    return run_benchmarks(config)
