"""Name-engine figures: loading the lexicon, and analysing names one at a time.

Run in a fresh process (see `runner`), so the lexicon load is a real first load. `analyse` is
cached, so its undecorated function is timed over distinct names; the lower-level caches
(parts, romanisations, phonetic keys) warm up along the way as they do when an index is built.
A second, cold pass clears every cache before each name: the cost of a name made of unseen words.
A third pass repeats the first with the garbage collector paused, to show what its pauses cost.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from hajiz.benchmarking.measure import MB, percentile, rss_mb
from hajiz.benchmarking.synthetic import distinct_names
from hajiz.model import Script
from hajiz.names.normalize import detect_script

Stage = Callable[[str], None]
# Caches that are data, not work: emptying them would time the lexicon load, not analysis.
_KEPT_CACHES = frozenset({"load_lexicon", "name_pools"})


def name_caches() -> list[Callable[[], None]]:
    """The `cache_clear` of every cache of the name engine, except the loaded lexicon."""
    found: dict[int, Callable[[], None]] = {}
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("hajiz.names") or module is None:
            continue
        for name, value in vars(module).items():
            clear = getattr(value, "cache_clear", None)
            if clear is not None and name not in _KEPT_CACHES:
                found.setdefault(id(value), clear)
    return list(found.values())


def clear_name_caches() -> int:
    """Empty every cache of the name engine except the loaded lexicon; return how many."""
    caches = name_caches()
    for clear in caches:
        clear()
    return len(caches)


def bench_lexicon() -> dict[str, Any]:
    """Time and memory of loading the packaged lexicon (meant for a fresh process)."""
    from hajiz.names.lexicon import DATA_FILE, DATA_PACKAGE, load_lexicon, read_lexicon

    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    lexicon = load_lexicon()
    load_s = time.perf_counter() - started
    gc.collect()
    after = rss_mb()
    raw = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
    started = time.perf_counter()
    read_lexicon(raw)
    parse_s = time.perf_counter() - started
    gc.collect()
    # Retained memory of a second copy, by allocation tracing (exact, unlike RSS).
    tracemalloc.start()
    copy = read_lexicon(raw)
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del copy
    return {
        "words": len(lexicon),
        "file_mb": len(raw) / MB,
        "load_s": load_s,
        "parse_s": parse_s,
        "rss_added_mb": None if before is None or after is None else after - before,
        "retained_mb": retained / MB,
        "peak_traced_mb": peak / MB,
    }


def _time_each(names: list[str], analyse: Callable[[str], object], cold: bool) -> list[float]:
    caches = name_caches() if cold else []
    times: list[float] = []
    for name in names:
        for clear in caches:
            clear()
        started = time.perf_counter_ns()
        analyse(name)
        times.append((time.perf_counter_ns() - started) / 1000.0)
    return times


def _summary(times_us: list[float]) -> dict[str, Any]:
    mean = sum(times_us) / len(times_us)
    return {
        "names": len(times_us),
        "p50_us": percentile(times_us, 50),
        "p95_us": percentile(times_us, 95),
        "p99_us": percentile(times_us, 99),
        "mean_us": mean,
        "million_names_s": mean,  # µs per name × 1e6 names ÷ 1e6 µs per s
    }


def bench_analysis(count: int, seed: int, cold_count: int | None = None) -> dict[str, Any]:
    """Per-name analysis time over `count` distinct names in both scripts."""
    from hajiz.names.analysis import analyse
    from hajiz.names.lexicon import load_lexicon

    load_lexicon()
    names = distinct_names(seed, count)
    arabic = [detect_script(n) is Script.ARABIC for n in names]
    work = analyse.__wrapped__
    clear_name_caches()
    gc.collect()
    warm = _time_each(names, work, cold=False)
    cold_names = names[: cold_count if cold_count is not None else count]
    cold = _time_each(cold_names, work, cold=True)
    # The same pass with the garbage collector paused: how much of the time is its pauses.
    clear_name_caches()
    gc.collect()
    gc.disable()
    try:
        paused = _time_each(names, work, cold=False)
    finally:
        gc.enable()
    latin = [t for t, a in zip(warm, arabic, strict=True) if not a]
    arabic_times = [t for t, a in zip(warm, arabic, strict=True) if a]
    return {
        "names": len(names),
        "arabic_script_names": len(arabic_times),
        "warming": _summary(warm),
        "latin": _summary(latin) if latin else None,
        "arabic": _summary(arabic_times) if arabic_times else None,
        "cold": _summary(cold),
        "gc_paused": _summary(paused),
    }


@dataclass(frozen=True)
class EngineJob:
    """What to measure of the name engine."""

    names: int
    seed: int
    cold_names: int | None = None  # names timed with every cache cleared (None: all)


def bench_engine(job: EngineJob, stage: Stage) -> dict[str, Any]:
    """Both name-engine figures (meant for a fresh process)."""
    stage("Loading the lexicon")
    lexicon = bench_lexicon()
    stage(f"Analysing {job.names:,} distinct names")
    return {"lexicon": lexicon, "analysis": bench_analysis(job.names, job.seed, job.cold_names)}
