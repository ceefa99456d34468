"""Metrics on tiny ranked lists with known answers."""

from __future__ import annotations

import pytest

from hajiz.evaluation.metrics import (
    Outcome,
    best_recall_within,
    candidate_recall,
    flag_curve,
    flag_rate,
    index_loss,
    near_miss_metrics,
    negative_metrics,
    positive_metrics,
    precision,
    recall_at_k,
    recall_at_threshold,
    recall_curve,
)


def o(case, ranked, expected=(), is_candidate=None):
    return Outcome(case, tuple(ranked), frozenset(expected), is_candidate)


# Four positive cases: found first (0.9), found second (0.7), found tenth (0.5), not found.
POSITIVES = [
    o("a", [("x", 0.9), ("y", 0.3)], {"x"}, True),
    o("b", [("y", 0.95), ("x", 0.7)], {"x"}, True),
    o("c", [(f"n{i}", 0.6) for i in range(9)] + [("x", 0.5)], {"x"}, True),
    o("d", [("y", 0.4)], {"x"}, False),
]
# Four negatives: top scores 0.85, 0.6, none, 0.2.
NEGATIVES = [o("n1", [("x", 0.85)]), o("n2", [("y", 0.6)]), o("n3", []), o("n4", [("z", 0.2)])]


def test_rank():
    assert [p.rank for p in POSITIVES] == [1, 2, 10, None]


@pytest.mark.parametrize(("k", "expected"), [(1, 0.25), (2, 0.5), (9, 0.5), (10, 0.75)])
def test_recall_at_k(k, expected):
    assert recall_at_k(POSITIVES, k) == expected


@pytest.mark.parametrize(("t", "expected"), [(0.0, 0.75), (0.5, 0.75), (0.7, 0.5), (0.91, 0.0)])
def test_recall_at_threshold(t, expected):
    assert recall_at_threshold(POSITIVES, t) == expected


def test_candidate_recall_skips_cases_without_the_flag():
    assert candidate_recall(POSITIVES) == 0.75
    assert candidate_recall([o("z", [], {"x"})]) is None


def test_index_loss_counts_only_misses_the_scorer_would_have_flagged():
    missed = [
        Outcome("m1", (), frozenset({"x"}), False, 0.9),  # flagged had it been retrieved
        Outcome("m2", (), frozenset({"x"}), False, 0.3),  # a miss of the names, not the index
        Outcome("m3", (("x", 0.9),), frozenset({"x"}), True),
        Outcome("m4", (), frozenset({"x"})),  # no candidate flag: not counted
    ]
    assert index_loss(missed, 0.8) == pytest.approx(1 / 3)
    assert index_loss(missed, 0.95) == 0.0
    assert positive_metrics(missed, 0.8).index_loss == pytest.approx(1 / 3)


@pytest.mark.parametrize(("t", "expected"), [(0.1, 0.75), (0.6, 0.5), (0.8, 0.25), (0.9, 0.0)])
def test_flag_rate_is_the_share_with_any_hit_at_or_above(t, expected):
    assert flag_rate(NEGATIVES, t) == expected


def test_precision_counts_every_hit_at_or_above():
    # At 0.7: a: x(0.9) right; b: y(0.95) wrong, x(0.7) right; c, d: nothing that high.
    assert precision(POSITIVES, 0.7) == pytest.approx(2 / 3)
    assert precision(POSITIVES, 0.99) is None


def test_curves_follow_the_point_metrics():
    thresholds = [0.0, 0.5, 0.7, 1.0]
    assert recall_curve(POSITIVES, thresholds) == [0.75, 0.75, 0.5, 0.0]
    assert flag_curve(NEGATIVES, thresholds) == [0.75, 0.5, 0.25, 0.0]


def test_best_recall_within_a_false_positive_budget():
    recalls = [0.9, 0.8, 0.5]
    flags = [0.10, 0.01, 0.0]
    assert best_recall_within(recalls, flags, 0.01) == 0.8
    assert best_recall_within(recalls, flags, 0.005) == 0.5
    assert best_recall_within(recalls, [0.2, 0.2, 0.2], 0.1) is None


def test_category_summaries():
    positive = positive_metrics(POSITIVES, 0.7)
    assert (positive.cases, positive.recall, positive.recall_at_1, positive.recall_at_10) == (
        4,
        0.5,
        0.25,
        0.75,
    )
    negative = negative_metrics(NEGATIVES, 0.6)
    assert negative.fp_rate == 0.5 and negative.recall is None
    near = near_miss_metrics([o("m1", [("x", 0.9)], {"x"}), o("m2", [("y", 0.9)], {"x"})], 0.8)
    # m2 flags another entry, not a bearer of the name: the near miss itself passed.
    assert (near.fp_rate, near.pass_rate) == (0.5, 0.5)


def test_empty_sets_have_no_value():
    assert recall_at_k([], 1) is None
    assert flag_rate([], 0.5) is None
    assert positive_metrics([], 0.5).recall is None
