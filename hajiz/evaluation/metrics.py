"""Pure metrics over ranked screening outcomes: recall@k, recall and flag rates at a threshold.

Definitions (also in docs/evaluation.md):
- recall at threshold: share of cases whose expected entry is among the hits with score >= t;
- recall@k: share of cases whose expected entry is ranked in the first k hits, whatever the score;
- candidate recall: share of cases whose expected entry the index retrieves before scoring;
- index loss: share of cases whose expected entry the index does not retrieve though the scorer
  would have flagged it (what the index alone costs in recall);
- flag rate: share of cases with at least one hit >= t (for negatives: the false-positive rate
  per traveller);
- precision: of all hits >= t over the cases, the share that are an expected entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

THRESHOLDS: tuple[float, ...] = tuple(round(i * 0.01, 2) for i in range(101))


@dataclass(frozen=True)
class Outcome:
    """What one engine returned for one case."""

    case_id: str
    ranked: tuple[tuple[str, float], ...]  # (entry id, score), best first
    expected: frozenset[str] = frozenset()
    is_candidate: bool | None = None  # expected entry among the index's candidates
    expected_score: float | None = None  # best expected score, retrieved or not

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected entry among the hits, or None."""
        for position, (entry_id, _) in enumerate(self.ranked, start=1):
            if entry_id in self.expected:
                return position
        return None

    @property
    def best_expected(self) -> float | None:
        """The highest score an expected entry got among the hits."""
        scores = [s for entry_id, s in self.ranked if entry_id in self.expected]
        return max(scores) if scores else None

    @property
    def top_score(self) -> float | None:
        """The highest score of any hit."""
        return max((s for _, s in self.ranked), default=None)


def _at_least(score: float | None, threshold: float) -> bool:
    return score is not None and score >= threshold


def _share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def recall_at_k(outcomes: Sequence[Outcome], k: int) -> float | None:
    """Share of cases with an expected entry in the top k hits."""
    return _share([(o.rank or k + 1) <= k for o in outcomes])


def recall_at_threshold(outcomes: Sequence[Outcome], threshold: float) -> float | None:
    """Share of cases with an expected entry among the hits scoring >= threshold."""
    return _share([_at_least(o.best_expected, threshold) for o in outcomes])


def flag_rate(outcomes: Sequence[Outcome], threshold: float) -> float | None:
    """Share of cases with any hit scoring >= threshold."""
    return _share([_at_least(o.top_score, threshold) for o in outcomes])


def candidate_recall(outcomes: Sequence[Outcome]) -> float | None:
    """Share of cases whose expected entry the index retrieved (cases without the flag skipped)."""
    return _share([o.is_candidate for o in outcomes if o.is_candidate is not None])


def index_loss(outcomes: Sequence[Outcome], threshold: float) -> float | None:
    """Share of cases the index missed although their expected entry scores >= threshold."""
    return _share(
        [
            o.is_candidate is False and _at_least(o.expected_score, threshold)
            for o in outcomes
            if o.is_candidate is not None
        ]
    )


def precision(outcomes: Sequence[Outcome], threshold: float) -> float | None:
    """Of all hits scoring >= threshold, the share that are an expected entry."""
    right = total = 0
    for outcome in outcomes:
        for entry_id, score in outcome.ranked:
            if score >= threshold:
                total += 1
                right += entry_id in outcome.expected
    return right / total if total else None


def recall_curve(outcomes: Sequence[Outcome], thresholds: Sequence[float]) -> list[float]:
    """Recall at each threshold."""
    return [recall_at_threshold(outcomes, t) or 0.0 for t in thresholds]


def flag_curve(outcomes: Sequence[Outcome], thresholds: Sequence[float]) -> list[float]:
    """Flag rate at each threshold."""
    return [flag_rate(outcomes, t) or 0.0 for t in thresholds]


def best_recall_within(
    recalls: Sequence[float], flag_rates: Sequence[float], max_flag_rate: float
) -> float | None:
    """The best recall over the thresholds whose flag rate is at most `max_flag_rate`."""
    allowed = [r for r, f in zip(recalls, flag_rates, strict=True) if f <= max_flag_rate + 1e-12]
    return max(allowed) if allowed else None


@dataclass(frozen=True)
class CategoryMetrics:
    """Every number of one category for one engine."""

    cases: int
    threshold: float
    recall: float | None = None
    recall_at_1: float | None = None
    recall_at_10: float | None = None
    candidate_recall: float | None = None
    index_loss: float | None = None
    precision: float | None = None
    fp_rate: float | None = None  # negatives: any hit; near misses: a bearer of the name flagged
    pass_rate: float | None = None  # near misses: no bearer flagged
    recall_curve: list[float] = field(default_factory=list)
    flag_curve: list[float] = field(default_factory=list)


def positive_metrics(
    outcomes: Sequence[Outcome], threshold: float, thresholds: Sequence[float] = THRESHOLDS
) -> CategoryMetrics:
    """Metrics of a category whose cases should each find their expected entry."""
    return CategoryMetrics(
        cases=len(outcomes),
        threshold=threshold,
        recall=recall_at_threshold(outcomes, threshold),
        recall_at_1=recall_at_k(outcomes, 1),
        recall_at_10=recall_at_k(outcomes, 10),
        candidate_recall=candidate_recall(outcomes),
        index_loss=index_loss(outcomes, threshold),
        precision=precision(outcomes, threshold),
        recall_curve=recall_curve(outcomes, thresholds),
    )


def negative_metrics(
    outcomes: Sequence[Outcome], threshold: float, thresholds: Sequence[float] = THRESHOLDS
) -> CategoryMetrics:
    """Metrics of unlisted travellers: any hit at or above the threshold is a false positive."""
    return CategoryMetrics(
        cases=len(outcomes),
        threshold=threshold,
        fp_rate=flag_rate(outcomes, threshold),
        flag_curve=flag_curve(outcomes, thresholds),
    )


def near_miss_metrics(
    outcomes: Sequence[Outcome], threshold: float, thresholds: Sequence[float] = THRESHOLDS
) -> CategoryMetrics:
    """Metrics of near misses: the bearers of the name (`expected`) must stay below threshold."""
    flagged = recall_at_threshold(outcomes, threshold)
    return CategoryMetrics(
        cases=len(outcomes),
        threshold=threshold,
        fp_rate=flagged,
        pass_rate=None if flagged is None else 1.0 - flagged,
        flag_curve=recall_curve(outcomes, thresholds),
    )
