"""The quality targets the engine must meet, checked against a report's numbers."""

from __future__ import annotations

from dataclasses import dataclass

from hajiz.evaluation.cases import Category


@dataclass(frozen=True)
class Target:
    """One requirement: a metric of a category compared with a bound."""

    category: Category
    metric: str  # a CategoryMetrics field: recall, recall_at_10, candidate_recall, fp_rate, ...
    bound: float
    is_minimum: bool = True  # True: value >= bound; False: value <= bound

    @property
    def label(self) -> str:
        """Short text for the table: `recall >= 97%`."""
        sign = "≥" if self.is_minimum else "≤"
        return f"{_METRIC_LABELS[self.metric]} {sign} {self.bound * 100:g}%"

    def check(self, value: float | None) -> bool | None:
        """Whether the value meets the target (None when there is no value)."""
        if value is None:
            return None
        # Rounded so float noise (0.97 computed as 0.9699999...) cannot fail a 97% bound.
        value, bound = round(value, 9), round(self.bound, 9)
        return value >= bound if self.is_minimum else value <= bound


_METRIC_LABELS = {
    "recall": "recall",
    "recall_at_10": "R@10",
    "candidate_recall": "cand.",
    "fp_rate": "FP rate",
    "pass_rate": "below thr.",
}

# The evaluation issue's targets, and the screening issue's candidate recall: the true entry
# among the index's candidates for 99.5% of positive queries.
TARGETS: tuple[Target, ...] = (
    Target(Category.CROSS_SCRIPT_AR_LAT, "recall", 0.97),
    Target(Category.CROSS_SCRIPT_AR_LAT, "recall_at_10", 0.995),
    Target(Category.CROSS_SCRIPT_AR_LAT, "candidate_recall", 0.995),
    Target(Category.CROSS_SCRIPT_LAT_AR, "recall", 0.97),
    Target(Category.CROSS_SCRIPT_LAT_AR, "recall_at_10", 0.995),
    Target(Category.CROSS_SCRIPT_LAT_AR, "candidate_recall", 0.995),
    Target(Category.VARIANTS, "recall", 0.97),
    Target(Category.VARIANTS, "candidate_recall", 0.995),
    Target(Category.ALIAS_STRONG, "recall", 0.90),
    Target(Category.ALIAS_STRONG, "candidate_recall", 0.995),
    Target(Category.NEGATIVES_NO_DOB, "fp_rate", 0.01, is_minimum=False),
    Target(Category.NEGATIVES_DOB, "fp_rate", 0.002, is_minimum=False),
    Target(Category.NEAR_MISSES, "pass_rate", 0.95),
)


def targets_for(category: Category) -> list[Target]:
    """The targets of one category."""
    return [t for t in TARGETS if t.category is category]
