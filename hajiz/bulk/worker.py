"""What runs on a Dask worker: the screener, loaded once per worker, and one partition's screening.

Plain functions that Dask ships by reference (the worker imports this module), so nothing here
imports Dask. The index arrives as the bytes of its pickle, scattered once to every worker;
the first task on a worker unpickles it and keeps the screener for every later task, so a
worker pays the load once, whatever the number of partitions.
"""

from __future__ import annotations

import pickle
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hajiz import __version__
from hajiz.batch import result_record
from hajiz.benchmarking.measure import peak_rss_mb
from hajiz.bulk.output import write_part
from hajiz.bulk.partitions import Partition, read_partition
from hajiz.errors import InvalidInput
from hajiz.index.candidates import CandidateIndex
from hajiz.matching.algorithm import get_algorithm
from hajiz.screening import Screener, settle_heap


@dataclass(frozen=True)
class ScreenJob:
    """What every partition of a run shares."""

    snapshot_id: str  # tells one run's index from another's in a long-lived worker
    algorithm: str
    candidate_limit: int
    limit: int
    threshold: float | None
    max_name_length: int
    output_dir: str
    output_format: str


_LOCK = threading.Lock()
_SCREENERS: dict[str, Screener] = {}
# How often each snapshot was unpickled in this process: 1 per worker is the point.
_LOADS: Counter[str] = Counter()


def worker_screener(job: ScreenJob, snapshot: bytes) -> Screener:
    """This worker's screener for the run, unpickling the snapshot only the first time."""
    with _LOCK:
        screener = _SCREENERS.get(job.snapshot_id)
        if screener is None:
            # The bytes come from this run's own client, which pickled its own index.
            index = pickle.loads(snapshot)
            if not isinstance(index, CandidateIndex):
                raise InvalidInput(f"Snapshot {job.snapshot_id} is not a hajiz index")
            settle_heap()
            screener = Screener(index, get_algorithm(job.algorithm))
            screener.candidate_limit = job.candidate_limit
            # One run at a time: an older run's index would only hold memory.
            _SCREENERS.clear()
            _SCREENERS[job.snapshot_id] = screener
            _LOADS[job.snapshot_id] += 1
    return screener


def screen_partition(partition: Partition, job: ScreenJob, snapshot: bytes) -> dict[str, Any]:
    """Screen one partition and write its part; return its counts for the manifest."""
    started = time.perf_counter()
    screener = worker_screener(job, snapshot)
    loaded = time.perf_counter()
    items = read_partition(partition, job.max_name_length)
    records = []
    errors = matched = 0
    for item in items:
        if item.query is None:
            errors += 1
            records.append(result_record(item, None))
            continue
        result = screener.screen(item.query, limit=job.limit, threshold=job.threshold)
        matched += any(hit.is_match for hit in result.hits)
        records.append(result_record(item, result))
    path = write_part(Path(job.output_dir), partition.index, records, job.output_format)
    return {
        "index": partition.index,
        "file": path.name,
        "first_line": partition.first_line,
        "travellers": len(items),
        "errors": errors,
        "matched": matched,
        "index_s": round(loaded - started, 3),  # unpickling on the first task, ~0 after
        "screen_s": round(time.perf_counter() - loaded, 3),
    }


def snapshot_loads(snapshot_id: str) -> int:
    """How many times this worker process unpickled the given snapshot."""
    return _LOADS[snapshot_id]


def worker_facts() -> dict[str, Any]:
    """This worker's hajiz version and memory high-water mark (MiB)."""
    return {"hajiz": __version__, "peak_mb": peak_rss_mb()}
