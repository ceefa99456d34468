"""Bulk screening on Dask: a batch far too large for one process, screened by a cluster.

The client pickles the screener's index once and scatters the bytes to every worker once; each
worker unpickles them on its first task and keeps the screener (see `worker`). The input is cut
into partitions (see `partitions`) that workers read themselves, and each partition's records
go to its own part file (see `output`), so input and output folders must be at the same path on
every worker (a shared file system) when the cluster is not this machine.

    plan = plan_partitions(Path("travellers.jsonl"), DEFAULT_PARTITION_SIZE)
    summary = screen_on_dask(screener, plan, Path("hits/"), BulkRun(limit=5), DaskOptions())
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed

from hajiz import __version__
from hajiz.bulk.options import BulkRun, DaskOptions
from hajiz.bulk.output import OUTPUT_FORMATS, prepare_output, write_manifest
from hajiz.bulk.partitions import Plan
from hajiz.bulk.worker import ScreenJob, screen_partition, snapshot_loads, worker_facts
from hajiz.errors import ConfigError
from hajiz.screening import Screener

__all__ = [
    "BulkRun",
    "BulkSummary",
    "DaskOptions",
    "check_workers",
    "dask_client",
    "screen_on_dask",
]

Say = Callable[[str], None]
Progress = Callable[[int, int], None]  # (rows just screened, rows in all)


@dataclass(frozen=True)
class BulkSummary:
    """What a run did: counts, time, and how the snapshot reached the workers."""

    output_dir: Path
    travellers: int
    errors: int
    matched: int
    parts: int
    elapsed_s: float
    setup_s: float  # planning, pickling the index, starting or reaching the cluster
    index_load_s: float  # the longest unpickling of the index on a worker
    screen_s: float  # worker time spent reading, screening and writing partitions, summed
    snapshot_mb: float
    snapshot_loads: dict[str, int] = field(default_factory=dict)  # per worker: should be 1
    worker_peak_mb: dict[str, float] = field(default_factory=dict)


@contextmanager
def dask_client(options: DaskOptions) -> Iterator[Client]:
    """A client of the scheduler at `options.scheduler`, or of a local cluster started for it."""
    if options.scheduler is None:
        workers = options.workers or os.cpu_count() or 1
        # One thread per worker: screening holds the GIL, so more threads would only queue.
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=options.processes,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(options.scheduler, timeout=options.connect_timeout)
    except (OSError, TimeoutError, ValueError) as error:
        raise ConfigError(
            f"Could not connect to the Dask scheduler at {options.scheduler!r} within "
            f"{options.connect_timeout:g} s ({error})"
        ) from None
    try:
        yield client
    finally:
        client.close()


def check_workers(client: Client, timeout: float) -> dict[str, Any]:
    """Wait for a worker, then check every worker runs this hajiz; return each one's facts."""
    address = client.scheduler.address if client.scheduler else "?"
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ConfigError(
            f"The Dask scheduler at {address} has no workers after {timeout:g} s "
            f"(start one with: dask worker {address})"
        ) from None
    try:
        facts: dict[str, Any] = client.run(worker_facts)
    except Exception as error:  # whatever a worker without hajiz raises
        raise ConfigError(
            f"A Dask worker of {address} cannot run hajiz ({type(error).__name__}: {error}); "
            f"install hajiz {__version__} on every worker"
        ) from None
    others = {w: f["hajiz"] for w, f in facts.items() if f["hajiz"] != __version__}
    if others:
        raise ConfigError(
            f"Dask workers run another hajiz than this client ({__version__}): {others}; "
            "the index snapshot only loads in the same version"
        )
    return facts


def _gather(
    client: Client, plan: Plan, job: ScreenJob, snapshot: bytes, advance: Callable[[int], None]
) -> list[Any]:
    shared = client.scatter(snapshot, broadcast=True, hash=False)
    run_id = uuid.uuid4().hex[:8]
    futures = [
        client.submit(
            screen_partition, p, job, shared, key=f"hajiz-{run_id}-{p.index:05d}", pure=False
        )
        for p in plan.partitions
    ]
    parts: list[Any] = [None] * len(futures)
    try:
        for future in as_completed(futures):
            part = future.result()
            parts[part["index"]] = part
            advance(plan.partitions[part["index"]].rows)
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        client.cancel([shared])
    return parts


def screen_on_dask(
    screener: Screener,
    plan: Plan,
    output_dir: Path,
    run: BulkRun,
    options: DaskOptions,
    *,
    progress: Progress | None = None,
    say: Say | None = None,
) -> BulkSummary:
    """Screen a planned batch file (see `plan_partitions`) on Dask into a folder of part files.

    `progress(rows, total)` is called with 0 rows first, then as each partition is done.
    """
    if run.output_format not in OUTPUT_FORMATS:
        raise ConfigError(f"Unknown output format {run.output_format!r} (use: jsonl, csv)")
    started = time.perf_counter()
    tell = say or (lambda message: None)
    output_dir = output_dir.resolve()
    prepare_output(output_dir)
    tell(f"{plan.rows:,} lines in {len(plan.partitions)} partition(s); pickling the index")
    step = progress or (lambda rows, total: None)
    step(0, plan.rows)
    snapshot = pickle.dumps(screener.index, protocol=pickle.HIGHEST_PROTOCOL)
    job = ScreenJob(
        snapshot_id=hashlib.sha256(snapshot).hexdigest()[:16],
        algorithm=screener.algorithm.NAME,
        candidate_limit=screener.candidate_limit,
        limit=run.limit,
        threshold=run.threshold,
        max_name_length=run.max_name_length,
        output_dir=str(output_dir),
        output_format=run.output_format,
    )
    with dask_client(options) as client:
        facts = check_workers(client, options.connect_timeout)
        tell(f"Shipping the index ({len(snapshot) / 1e6:.1f} MB) to {len(facts)} worker(s)")
        setup_s = time.perf_counter() - started
        parts = _gather(client, plan, job, snapshot, lambda rows: step(rows, plan.rows))
        loads: dict[str, int] = client.run(snapshot_loads, job.snapshot_id)
        peaks = {w: float(f["peak_mb"]) for w, f in client.run(worker_facts).items()}
    summary = BulkSummary(
        output_dir=output_dir,
        travellers=sum(p["travellers"] for p in parts),
        errors=sum(p["errors"] for p in parts),
        matched=sum(p["matched"] for p in parts),
        parts=len(parts),
        elapsed_s=time.perf_counter() - started,
        setup_s=setup_s,
        index_load_s=max((p["index_s"] for p in parts), default=0.0),
        screen_s=sum(p["screen_s"] for p in parts),
        snapshot_mb=len(snapshot) / 1e6,
        snapshot_loads=loads,
        worker_peak_mb=peaks,
    )
    write_manifest(output_dir, _manifest(summary, plan, run, screener, parts))
    return summary


def _manifest(
    summary: BulkSummary, plan: Plan, run: BulkRun, screener: Screener, parts: list[Any]
) -> dict[str, Any]:
    return {
        "hajiz_version": __version__,
        "input": str(plan.path),
        "input_format": plan.format,
        "algorithm": screener.algorithm_id,
        "list_versions": screener.list_versions(),
        "options": asdict(run),
        "travellers": summary.travellers,
        "errors": summary.errors,
        "matched": summary.matched,
        "elapsed_s": round(summary.elapsed_s, 3),
        "setup_s": round(summary.setup_s, 3),
        "index_load_s": round(summary.index_load_s, 3),
        "screen_s": round(summary.screen_s, 3),
        "snapshot_mb": round(summary.snapshot_mb, 3),
        "snapshot_loads": summary.snapshot_loads,
        "worker_peak_mb": summary.worker_peak_mb,
        "parts": parts,
    }
