"""Screening figures for one list size: build, memory, latency, throughput, manifest, snapshot.

Each size runs in its own fresh process (see `runner`), so its memory high-water mark is its
own, and the snapshot it writes is loaded again in another fresh process, as a service would.
"""

from __future__ import annotations

import gc
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hajiz.benchmarking.measure import (
    MB,
    Clock,
    GcPauses,
    children_peak_rss_mb,
    latency_summary,
    peak_rss_mb,
    rss_mb,
)
from hajiz.benchmarking.name_pools import name_pools
from hajiz.benchmarking.queries import (
    MANIFEST_MIX,
    SCREEN_MIX,
    BenchList,
    QueryKind,
    query_mix,
)
from hajiz.benchmarking.synthetic import traveller_query
from hajiz.errors import HajizError
from hajiz.index.candidates import CandidateIndex
from hajiz.index.snapshot import load_snapshot, save_snapshot
from hajiz.matching.algorithm import DEFAULT_ALGORITHM, get_algorithm
from hajiz.matching.preparing import WorkerStats, prepare_entries
from hajiz.matching.subjects import prepare_query
from hajiz.model import Entry, Query
from hajiz.names.lexicon import load_lexicon
from hajiz.screening import Screener

Stage = Callable[[str], None]
SNAPSHOT_FINGERPRINT = "hajiz-bench"
# Queries screened before timing starts: the first ones pay for lazy set-up, not for screening.
WARM_UP_QUERIES = 20
# Queries whose screening is timed step by step (fresh ones: their analysis is not cached).
STAGE_QUERIES = 300


@dataclass(frozen=True)
class SizeJob:
    """What to measure for one list size."""

    size: int
    seed: int
    queries: int
    manifest: int
    real_data_dir: Path | None = None
    snapshot_path: Path | None = None
    algorithm: str = DEFAULT_ALGORITHM


@dataclass(frozen=True)
class SnapshotJob:
    """Load a snapshot in a fresh process and screen with it."""

    path: Path
    seed: int
    queries: int = 50
    algorithm: str = DEFAULT_ALGORITHM


def _real_entries(data_dir: Path | None) -> tuple[list[Entry], float]:
    if data_dir is None:
        return [], 0.0
    from hajiz.evaluation.watchlist import load_watchlist

    started = time.perf_counter()
    entries = list(load_watchlist(data_dir).entries)
    return entries, time.perf_counter() - started


def build_screener(listed: BenchList, algorithm: str) -> tuple[Screener, dict[str, Any]]:
    """Prepare and index every listed person; time generation, preparation and indexing apart.

    A large list's names are analysed in a forked worker (`matching.preparing`) while this
    process draws, prepares and indexes. The worker's time behind the drawing is not the
    build's, so the build total is the longer of this process's time less the drawing and
    the worker's busy time: what a service with its entries at hand would wait for.
    """
    drawing, preparing = Clock(), Clock()
    worker = WorkerStats()
    started = time.perf_counter()
    subjects = preparing.timed(prepare_entries(drawing.timed(iter(listed)), stats=worker))
    index = CandidateIndex.build(subjects)
    total = time.perf_counter() - started
    screener = Screener(index, get_algorithm(algorithm))
    names = sum(len(s.names) for s in index.subjects())
    figures = {
        "entries": len(index),
        "names": names,
        "draw_s": drawing.seconds,  # making the synthetic entries: not part of the build
        "prepare_s": preparing.seconds - drawing.seconds,
        "index_s": total - preparing.seconds,
        "worker_s": worker.worker_seconds,  # analysing names on the other core (0: none)
        "total_s": max(total - drawing.seconds, worker.worker_seconds),
    }
    return screener, figures


def time_screens(screener: Screener, queries: list[tuple[QueryKind, Query]]) -> dict[str, Any]:
    """Latency of single screens, overall and per kind of query, in ms, and the GC's pauses."""
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    candidates = 0
    flagged = 0
    with GcPauses() as pauses:
        for kind, query in queries:
            started = time.perf_counter()
            result = screener.screen(query)
            elapsed = (time.perf_counter() - started) * 1000.0
            latencies.append(elapsed)
            by_kind[kind.value].append(elapsed)
            candidates += result.candidates
            flagged += any(h.is_match for h in result.hits)
    return {
        "latency_ms": latency_summary(latencies),
        "by_kind_ms": {k: latency_summary(v) for k, v in sorted(by_kind.items())},
        "candidates_mean": candidates / len(queries),
        "flagged_share": flagged / len(queries),
        "gc": pauses.summary(),
    }


def time_stages(screener: Screener, queries: list[Query]) -> dict[str, Any]:
    """Where a screen's time goes: analysing the query, finding candidates, scoring them (ms).

    The same steps `Screener.screen` takes, timed apart, with the garbage collector paused so
    that its pauses (reported by `time_screens`) do not land on one step by chance.
    """
    analyse_ms: list[float] = []
    find_ms: list[float] = []
    score_ms: list[float] = []
    per_candidate_us: list[float] = []
    gc.collect()
    gc.disable()
    try:
        for query in queries:
            started = time.perf_counter()
            prepared = prepare_query(query)
            found_at = time.perf_counter()
            candidates = screener.index.candidates(prepared, screener.candidate_limit)
            scored_at = time.perf_counter()
            for subject in candidates:
                screener.algorithm.score(prepared, subject, screener.weights, screener.threshold)
            done = time.perf_counter()
            analyse_ms.append((found_at - started) * 1000.0)
            find_ms.append((scored_at - found_at) * 1000.0)
            score_ms.append((done - scored_at) * 1000.0)
            if candidates:
                per_candidate_us.append((done - scored_at) * 1e6 / len(candidates))
    finally:
        gc.enable()
    return {
        "analyse_query_ms": latency_summary(analyse_ms),
        "find_candidates_ms": latency_summary(find_ms),
        "score_candidates_ms": latency_summary(score_ms),
        "score_per_candidate_us": latency_summary(per_candidate_us) if per_candidate_us else None,
    }


def time_batch(screener: Screener, queries: list[Query]) -> dict[str, Any]:
    """Wall time and throughput of `screen_batch` (forked workers, every core)."""
    started = time.perf_counter()
    results = screener.screen_batch(queries)
    wall = time.perf_counter() - started
    return {
        "queries": len(results),
        "workers": os.cpu_count() or 1,
        "wall_s": wall,
        "queries_per_s": len(results) / wall if wall > 0 else None,
    }


def bench_size(job: SizeJob, stage: Stage) -> dict[str, Any]:
    """Every screening figure for one list size (meant for a fresh process)."""
    stage(f"N={job.size:,}: loading the lexicon and the real lists")
    real, parse_s = _real_entries(job.real_data_dir)
    load_lexicon()
    name_pools()
    gc.collect()
    base_rss = rss_mb()
    listed = BenchList.of(job.size, job.seed, real)
    del real  # the persons not sampled into the list
    stage(f"N={job.size:,}: building the index ({len(listed.real):,} real persons)")
    screener, build = build_screener(listed, job.algorithm)
    gc.collect()
    memory: dict[str, Any] = {
        "baseline_mb": base_rss,  # interpreter, code, lexicon and the parsed real lists
        "after_build_mb": rss_mb(),
        "peak_build_mb": peak_rss_mb(),
        "build_worker_peak_mb": children_peak_rss_mb(),  # 0 when built in one process
    }
    stage(f"N={job.size:,}: {job.queries:,} single screens")
    warm = [traveller_query(job.seed, i, "warm-up") for i in range(WARM_UP_QUERIES)]
    for query in warm:
        screener.screen(query)
    screen = time_screens(screener, query_mix(listed, job.queries, job.seed, SCREEN_MIX, "screen"))
    stage_queries = query_mix(
        listed, min(job.queries, STAGE_QUERIES), job.seed, SCREEN_MIX, "stages"
    )
    screen["stages"] = time_stages(screener, [q for _, q in stage_queries])
    stage(f"N={job.size:,}: batch of {job.queries:,} and manifest of {job.manifest:,}")
    batch_queries = [q for _, q in query_mix(listed, job.queries, job.seed, SCREEN_MIX, "batch")]
    batch = time_batch(screener, batch_queries)
    manifest_queries = query_mix(listed, job.manifest, job.seed, MANIFEST_MIX, "manifest")
    manifest = time_batch(screener, [q for _, q in manifest_queries])
    memory["peak_mb"] = peak_rss_mb()
    memory["workers_peak_mb"] = children_peak_rss_mb()
    snapshot: dict[str, Any] | None = None
    if job.snapshot_path is not None:
        stage(f"N={job.size:,}: saving the snapshot")
        started = time.perf_counter()
        save_snapshot(screener.index, job.snapshot_path, SNAPSHOT_FINGERPRINT)
        snapshot = {
            "path": str(job.snapshot_path),
            "save_s": time.perf_counter() - started,
            "size_mb": job.snapshot_path.stat().st_size / MB,
        }
        memory["peak_with_snapshot_mb"] = peak_rss_mb()
    # Counted last: the list of every object is itself big.
    memory["gc_tracked_objects"] = len(gc.get_objects())
    return {
        "size": job.size,
        "real_entries": len(listed.real),
        "synthetic_entries": listed.synthetic_count,
        "real_lists_parse_s": parse_s,
        "build": build,
        "memory": memory,
        "screen": screen,
        "batch": batch,
        "manifest": manifest,
        "snapshot": snapshot,
    }


def bench_snapshot_load(job: SnapshotJob, stage: Stage) -> dict[str, Any]:
    """Load a snapshot as a starting service would, then screen (meant for a fresh process)."""
    stage(f"Loading the snapshot {job.path.name}")
    gc.collect()
    base_rss = rss_mb()
    started = time.perf_counter()
    index = load_snapshot(job.path, SNAPSHOT_FINGERPRINT)
    load_s = time.perf_counter() - started
    if index is None:
        raise HajizError(f"Snapshot {job.path} could not be loaded (stale or unreadable)")
    after_load = rss_mb()
    screener = Screener(index, get_algorithm(job.algorithm))
    queries = [traveller_query(job.seed, i, "after-load") for i in range(job.queries + 1)]
    started = time.perf_counter()
    screener.screen(queries[0])  # pays for loading the lexicon and reading list versions
    first = (time.perf_counter() - started) * 1000.0
    latencies = []
    for query in queries[1:]:
        started = time.perf_counter()
        screener.screen(query)
        latencies.append((time.perf_counter() - started) * 1000.0)
    return {
        "entries": len(index),
        "load_s": load_s,
        "rss_before_mb": base_rss,
        "rss_after_load_mb": after_load,
        "first_screen_ms": first,
        "then_latency_ms": latency_summary(latencies),
        "peak_mb": peak_rss_mb(),
    }
