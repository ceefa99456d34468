"""Summarise a run into a JSON-ready report (every number), a miss list, and files on disk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import orjson

from hajiz.evaluation.cases import Case, Category
from hajiz.evaluation.metrics import (
    THRESHOLDS,
    CategoryMetrics,
    Outcome,
    best_recall_within,
    flag_curve,
    flag_rate,
    near_miss_metrics,
    negative_metrics,
    positive_metrics,
    precision,
)
from hajiz.evaluation.runner import OURS, OURS_SAME_PAIRS, EvalRun
from hajiz.evaluation.targets import targets_for

REPORT_FORMAT = "hajiz-eval/1"
MISSES_PER_CATEGORY = 300
NEGATIVES = (Category.NEGATIVES_NO_DOB, Category.NEGATIVES_DOB)


def _round(value: Any) -> Any:
    """Floats to 6 decimals, recursively, so reports compare equal across runs."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {str(k): _round(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_round(v) for v in value]
    return value


def engine_threshold(run: EvalRun, engine: str) -> float:
    """The default threshold of an engine: ours, or the peer's own."""
    if engine == run.peer_name and run.peer_threshold is not None:
        return run.peer_threshold
    return run.threshold


def category_metrics(category: Category, outcomes: Sequence[Outcome], t: float) -> CategoryMetrics:
    """The metrics that fit the category: positive, negative or near miss."""
    if category.is_positive:
        return positive_metrics(outcomes, t)
    if category is Category.NEAR_MISSES:
        return near_miss_metrics(outcomes, t)
    return negative_metrics(outcomes, t)


def _breakdown(
    category: Category, cases: Sequence[Case], outcomes: Sequence[Outcome], t: float
) -> dict[str, dict[str, Any]]:
    """Metrics per sub-kind (transform, alias source, name origin), per birth-date mode, and
    for aliases by whether they share a name key with what is left."""
    by_case = {c.id: c for c in cases}
    groups: dict[str, dict[str, list[Outcome]]] = defaultdict(lambda: defaultdict(list))
    for outcome in outcomes:
        case = by_case[outcome.case_id]
        if case.kind:
            groups["by_kind"][case.kind].append(outcome)
        if case.dob_mode is not None:
            groups["by_dob"][case.dob_mode].append(outcome)
        if case.relation:
            groups["by_relation"][case.relation].append(outcome)
    result: dict[str, dict[str, Any]] = {}
    for axis, members in sorted(groups.items()):
        result[axis] = {}
        for label, group in sorted(members.items()):
            metrics = asdict(category_metrics(category, group, t))
            metrics.pop("recall_curve")
            metrics.pop("flag_curve")
            result[axis][label] = metrics
    return result


def _negative_outcomes(run: EvalRun, engine: str) -> list[Outcome]:
    return [
        o
        for c in NEGATIVES
        if c in run.categories
        for o in run.categories[c].outcomes.get(engine, [])
    ]


def _peer_comparison(run: EvalRun) -> list[dict[str, Any]]:
    """Our recall against the peer's best recall at an equal or lower false-positive rate."""
    if run.peer_name is None:
        return []
    ours_negatives = _negative_outcomes(run, OURS_SAME_PAIRS)
    peer_negatives = _negative_outcomes(run, run.peer_name)
    our_fp = flag_rate(ours_negatives, run.threshold) or 0.0
    peer_flags = flag_curve(peer_negatives, THRESHOLDS)
    rows: list[dict[str, Any]] = []
    for category, category_run in run.categories.items():
        if not category.is_positive or run.peer_name not in category_run.outcomes:
            continue
        ours = positive_metrics(category_run.outcomes[OURS_SAME_PAIRS], run.threshold)
        theirs = positive_metrics(category_run.outcomes[run.peer_name], run.threshold)
        best = best_recall_within(theirs.recall_curve, peer_flags, our_fp)
        passed = None if ours.recall is None else best is None or ours.recall >= best - 1e-9
        rows.append(
            {
                "category": str(category),
                "cases": ours.cases,
                "ours_recall": ours.recall,
                "ours_fp_rate": our_fp,
                "peer_best_recall_at_fp": best,
                "pass": passed,
            }
        )
    return rows


def summarise(run: EvalRun) -> dict[str, Any]:
    """The JSON report: configuration, data, per-category metrics and curves, targets."""
    config = run.config
    categories: dict[str, Any] = {}
    target_rows: list[dict[str, Any]] = []
    for category, category_run in run.categories.items():
        engines: dict[str, Any] = {}
        for engine, outcomes in category_run.outcomes.items():
            t = engine_threshold(run, engine)
            engines[engine] = asdict(category_metrics(category, outcomes, t))
        cases = category_run.case_set.cases
        categories[str(category)] = {
            "description": category.description,
            "cases": len(cases),
            "watchlist_entries": len(category_run.case_set.watchlist),
            "notes": dict(category_run.case_set.notes),
            "engines": engines,
            "breakdown": _breakdown(category, cases, category_run.outcomes[OURS], run.threshold),
        }
        for target in targets_for(category):
            value = engines[OURS][target.metric]
            target_rows.append(
                {
                    "category": str(category),
                    "metric": target.metric,
                    "target": target.label,
                    "value": value,
                    "pass": target.check(value),
                }
            )
    engines_seen = sorted({e for r in run.categories.values() for e in r.outcomes})
    negatives_all = {}
    for engine in engines_seen:
        outcomes = _negative_outcomes(run, engine)
        t = engine_threshold(run, engine)
        negatives_all[engine] = {
            "cases": len(outcomes),
            "fp_rate": flag_rate(outcomes, t),
            "flag_curve": flag_curve(outcomes, THRESHOLDS),
        }
    precision_overall = {}
    for engine in engines_seen:
        positives = [
            o
            for c, r in run.categories.items()
            if c.is_positive
            for o in r.outcomes.get(engine, [])
        ]
        precision_overall[engine] = precision(positives, engine_threshold(run, engine))
    report = {
        "format": REPORT_FORMAT,
        "config": {
            "algorithm": config.algorithm,
            "threshold": run.threshold,
            "seed": config.seed,
            "limit": config.limit,
            "sizes": {
                "cross_script": config.cross_script,
                "aliases": config.aliases,
                "variants": config.variants,
                "negatives": config.negatives,
                "near_misses": config.near_misses,
            },
            "peer": None
            if run.peer_name is None
            else {
                "name": run.peer_name,
                "nomenklatura": run.peer_version,
                "threshold": run.peer_threshold,
                "sample_per_category": config.peer_sample,
            },
        },
        "data": {
            "list_versions": run.watchlist.versions,
            "persons": len(run.watchlist.entries),
            "twin_pairs": run.twin_count,
            "import_warnings": run.watchlist.warnings,
        },
        "thresholds": list(THRESHOLDS),
        "categories": categories,
        "negatives_all": negatives_all,
        "precision_overall": precision_overall,
        "targets": target_rows,
        "peer_comparison": _peer_comparison(run),
    }
    rounded: dict[str, Any] = _round(report)
    return rounded


def _query_text(case: Case) -> dict[str, Any]:
    query = case.query
    return {
        "names": list(query.names),
        "birth_dates": [str(b) for b in query.birth_dates],
        "nationalities": list(query.nationalities),
    }


def misses(run: EvalRun) -> dict[str, list[dict[str, Any]]]:
    """Positive cases not found at the threshold, and negatives flagged, for diagnosis."""
    report: dict[str, list[dict[str, Any]]] = {}
    t = run.threshold
    for category, category_run in run.categories.items():
        rows: list[dict[str, Any]] = []
        by_id = {c.id: c for c in category_run.case_set.cases}
        for outcome in category_run.outcomes[OURS]:
            case = by_id[outcome.case_id]
            if category.is_positive:
                best = outcome.best_expected
                if best is not None and best >= t:
                    continue
            elif category is Category.NEAR_MISSES:
                best = outcome.best_expected
                if best is None or best < t:
                    continue
            elif (outcome.top_score or 0.0) < t:
                continue
            rows.append(
                {
                    "case": case.id,
                    "kind": case.kind,
                    "dob_mode": case.dob_mode,
                    "query": _query_text(case),
                    "listed_name": case.source_name,
                    "expected": sorted(case.expected),
                    "top_hits": [[e, s] for e, s in outcome.ranked[:3]],
                    "expected_score": outcome.expected_score,
                    "in_candidates": outcome.is_candidate,
                }
            )
            if len(rows) >= MISSES_PER_CATEGORY:
                break
        report[str(category)] = rows
    rounded: dict[str, list[dict[str, Any]]] = _round(report)
    return rounded


def write_json(path: Path, data: Any) -> None:
    """Write indented JSON with sorted keys (the same data gives the same bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
