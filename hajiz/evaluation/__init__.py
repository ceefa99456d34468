"""`hajiz eval`: labelled test sets from the real lists, metrics, report, plots, and the peer.

Usage: `summarise(run_evaluation(EvalConfig(real_data_dir=path)))` gives every number as JSON.
"""

from hajiz.evaluation.cases import Case, CaseSet, Category, DobMode
from hajiz.evaluation.metrics import CategoryMetrics, Outcome
from hajiz.evaluation.report import misses, summarise, write_json
from hajiz.evaluation.runner import EvalConfig, EvalRun, run_evaluation
from hajiz.evaluation.targets import TARGETS, Target

__all__ = [
    "TARGETS",
    "Case",
    "CaseSet",
    "Category",
    "CategoryMetrics",
    "DobMode",
    "EvalConfig",
    "EvalRun",
    "Outcome",
    "Target",
    "misses",
    "run_evaluation",
    "summarise",
    "write_json",
]
