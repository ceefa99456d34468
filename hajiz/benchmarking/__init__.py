"""`hajiz bench`: speed and memory of the name engine and of screening, against the targets.

Usage: `run_benchmarks(BenchConfig(sizes=(1000, 43000)))` gives every figure as JSON-ready data;
`engine_table` and `screening_table` print it. See docs/benchmarks.md.
"""

from hajiz.benchmarking.runner import (
    DEFAULT_SEED,
    DEFAULT_SIZES,
    BenchConfig,
    compiled_summary,
    has_real_data,
    parse_sizes,
    run_benchmarks,
)
from hajiz.benchmarking.tables import engine_table, screening_table
from hajiz.benchmarking.targets import ENGINE_TARGETS, SIZE_TARGETS, Target, verdicts

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_SIZES",
    "ENGINE_TARGETS",
    "SIZE_TARGETS",
    "BenchConfig",
    "Target",
    "compiled_summary",
    "engine_table",
    "has_real_data",
    "parse_sizes",
    "run_benchmarks",
    "screening_table",
    "verdicts",
]
