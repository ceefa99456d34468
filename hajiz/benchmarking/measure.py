"""Measuring tools: percentiles of latencies, process memory, and stopwatches."""

from __future__ import annotations

import gc
import math
import resource
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")

_STATUS = Path("/proc/self/status")
MB = 1024 * 1024


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile {q} is outside 0-100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(position), math.ceil(position)
    fraction = position - low
    return ordered[low] + (ordered[high] - ordered[low]) * fraction


def latency_summary(values_ms: Sequence[float]) -> dict[str, Any]:
    """Count, median, p95, p99, mean and max of latencies (same unit in and out)."""
    return {
        "count": len(values_ms),
        "p50": percentile(values_ms, 50),
        "p95": percentile(values_ms, 95),
        "p99": percentile(values_ms, 99),
        "mean": sum(values_ms) / len(values_ms),
        "max": max(values_ms),
    }


def _status_kb(field: str) -> int | None:
    try:
        text = _STATUS.read_text(encoding="ascii")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def rss_mb() -> float | None:
    """This process's resident memory now, in MiB (None where /proc is missing)."""
    kb = _status_kb("VmRSS")
    return None if kb is None else kb / 1024


def peak_rss_mb() -> float:
    """This process's resident-memory high-water mark, in MiB.

    VmHWM belongs to the current memory image only, so a freshly spawned interpreter does not
    inherit its parent's peak (ru_maxrss does across exec); ru_maxrss is the fallback elsewhere.
    """
    kb = _status_kb("VmHWM")
    if kb is not None:
        return kb / 1024
    return _maxrss_mb(resource.RUSAGE_SELF)


def children_peak_rss_mb() -> float:
    """The largest high-water mark among this process's finished children, in MiB."""
    return _maxrss_mb(resource.RUSAGE_CHILDREN)


def _maxrss_mb(who: int) -> float:
    value = resource.getrusage(who).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return value / MB if sys.platform == "darwin" else value / 1024


@dataclass
class Clock:
    """Seconds accumulated over separate stretches of work."""

    seconds: float = 0.0

    def timed(self, items: Iterable[T]) -> Iterator[T]:
        """Yield the items, adding the time spent producing each one."""
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self.seconds += time.perf_counter() - started
                return
            self.seconds += time.perf_counter() - started
            yield item


class GcPauses:
    """Record the garbage collector's pauses while in use: `with GcPauses() as pauses: ...`."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []  # (generation, seconds)
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((int(info["generation"]), time.perf_counter() - self._started))

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        gc.callbacks.remove(self._callback)

    def summary(self) -> dict[str, Any]:
        """Collections, their total and longest pause (ms), and the full (generation 2) ones."""
        full = [seconds for generation, seconds in self.pauses if generation == 2]
        return {
            "collections": len(self.pauses),
            "total_ms": sum(seconds for _, seconds in self.pauses) * 1000.0,
            "max_ms": max((seconds for _, seconds in self.pauses), default=0.0) * 1000.0,
            "full_collections": len(full),
            "full_total_ms": sum(full) * 1000.0,
        }
