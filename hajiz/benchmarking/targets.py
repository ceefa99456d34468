"""The speed and memory targets, checked against a benchmark report's figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """An upper bound on one figure, for one list size (None: the name engine)."""

    path: tuple[str, ...]  # keys into the engine report, or into one size's report
    bound: float
    unit: str
    size: int | None = None

    @property
    def label(self) -> str:
        """Short text for the tables: `≤ 2 ms`."""
        return f"≤ {self.bound:g} {self.unit}"

    def value(self, figures: dict[str, Any]) -> float | None:
        """The figure the target bounds, or None when it was not measured."""
        value: Any = figures
        for key in self.path:
            if not isinstance(value, dict) or value.get(key) is None:
                return None
            value = value[key]
        return float(value)

    def check(self, figures: dict[str, Any]) -> bool | None:
        """Whether the figure meets the target (None when it was not measured)."""
        value = self.value(figures)
        return None if value is None else value <= self.bound


ENGINE_TARGETS: tuple[Target, ...] = (
    Target(("analysis", "warming", "p50_us"), 50, "µs"),
    Target(("lexicon", "load_s"), 1, "s"),
    Target(("lexicon", "retained_mb"), 100, "MB"),
)

SIZE_TARGETS: tuple[Target, ...] = (
    Target(("screen", "latency_ms", "p50"), 2, "ms", 43_000),
    Target(("screen", "latency_ms", "p99"), 10, "ms", 43_000),
    Target(("build", "total_s"), 15, "s", 43_000),
    Target(("screen", "latency_ms", "p50"), 10, "ms", 1_000_000),
    Target(("screen", "latency_ms", "p99"), 50, "ms", 1_000_000),
    Target(("build", "total_s"), 180, "s", 1_000_000),
    Target(("memory", "peak_mb"), 4096, "MB", 1_000_000),
    Target(("snapshot", "load_s"), 10, "s", 1_000_000),
    Target(("manifest", "wall_s"), 3, "s", 1_000_000),
)


def size_target(path: tuple[str, ...], size: int) -> Target | None:
    """The target on one figure at one list size, if there is one."""
    for target in SIZE_TARGETS:
        if target.path == path and target.size == size:
            return target
    return None


def verdicts(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target with the measured value and PASS/FAIL (None: not measured)."""
    rows = []
    engine = report.get("engine")
    if engine is not None:
        for target in ENGINE_TARGETS:
            rows.append(_row(target, engine))
    for figures in report.get("sizes", []):
        for target in SIZE_TARGETS:
            if target.size == figures["size"]:
                rows.append(_row(target, figures))
    return rows


def _row(target: Target, figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "figure": ".".join(target.path),
        "size": target.size,
        "bound": target.bound,
        "unit": target.unit,
        "value": target.value(figures),
        "pass": target.check(figures),
    }
