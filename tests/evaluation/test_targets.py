"""Targets pass and fail at their bounds."""

from __future__ import annotations

from hajiz.evaluation.cases import Category
from hajiz.evaluation.targets import TARGETS, Target, targets_for


def test_minimum_and_maximum_bounds():
    recall = Target(Category.VARIANTS, "recall", 0.97)
    assert recall.check(0.97) is True
    assert recall.check(0.9699) is False
    assert recall.check(None) is None
    fp = Target(Category.NEGATIVES_DOB, "fp_rate", 0.002, is_minimum=False)
    assert fp.check(0.002) is True
    assert fp.check(0.0021) is False
    assert recall.label == "recall ≥ 97%"
    assert fp.label == "FP rate ≤ 0.2%"


def test_every_issue_target_is_there():
    assert len(TARGETS) == 13
    assert [t.metric for t in targets_for(Category.CROSS_SCRIPT_LAT_AR)] == [
        "recall",
        "recall_at_10",
        "candidate_recall",
    ]
    # The screening issue's candidate recall holds for every positive category with a target.
    positive = {t.category for t in TARGETS if t.metric == "recall"}
    assert positive == {t.category for t in TARGETS if t.metric == "candidate_recall"}
    assert Target(Category.VARIANTS, "candidate_recall", 0.995).label == "cand. ≥ 99.5%"
    assert targets_for(Category.ALIAS_WEAK) == []
