"""Run every benchmark, each in a fresh process, and gather the figures into one report.

A fresh (spawned, not forked) interpreter per job means the lexicon load is a first load, and
each list size's memory high-water mark is its own: nothing a previous size allocated counts.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from hajiz import __version__
from hajiz.benchmarking.engine import EngineJob, bench_engine
from hajiz.benchmarking.sizes import SizeJob, SnapshotJob, bench_size, bench_snapshot_load
from hajiz.benchmarking.targets import verdicts
from hajiz.compiled import COMPILED, compiled_modules, stale_modules
from hajiz.errors import HajizError
from hajiz.evaluation.watchlist import OFAC_DIR, UN_FILE
from hajiz.matching.algorithm import DEFAULT_ALGORITHM

DEFAULT_SIZES = (1_000, 43_000)
DEFAULT_SEED = 20240601
Stage = Callable[[str], None]
J = TypeVar("J")


@dataclass(frozen=True)
class BenchConfig:
    """What to measure; the defaults are the documented benchmark."""

    sizes: tuple[int, ...] = DEFAULT_SIZES
    queries: int = 1000
    manifest: int = 500
    names: int = 20_000
    cold_names: int | None = None  # names timed with every cache cleared (default: all)
    seed: int = DEFAULT_SEED
    real_data_dir: Path | None = None  # None: synthetic persons only
    snapshot_dir: Path | None = None  # None: a temporary folder, removed afterwards
    engine: bool = True
    isolate: bool = True  # False: run in this process (tests; figures polluted by each other)
    algorithm: str = DEFAULT_ALGORITHM


def has_real_data(data_dir: Path) -> bool:
    """Whether the UN and OFAC lists are in the real-data folder."""
    return (data_dir / UN_FILE).is_file() and (data_dir / OFAC_DIR).is_dir()


def _child(function: Callable[[J, Stage], dict[str, Any]], job: J, channel: Connection) -> None:
    def stage(message: str) -> None:
        channel.send(("stage", message))

    try:
        channel.send(("result", function(job, stage)))
    except BaseException:
        channel.send(("error", traceback.format_exc()))
    finally:
        channel.close()


def run_job(
    function: Callable[[J, Stage], dict[str, Any]],
    job: J,
    stage: Stage,
    *,
    isolate: bool = True,
) -> dict[str, Any]:
    """Run one benchmark job, in a fresh interpreter unless `isolate` is False."""
    if not isolate:
        return function(job, stage)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(function, job, sender))
    process.start()
    sender.close()
    result: dict[str, Any] | None = None
    failure = ""
    while True:
        try:
            kind, payload = receiver.recv()
        except EOFError:
            break
        if kind == "stage":
            stage(payload)
        elif kind == "result":
            result = payload
        else:
            failure = payload
    process.join()
    if result is None:
        why = failure.strip().splitlines()[-1] if failure else f"exit code {process.exitcode}"
        if process.exitcode is not None and process.exitcode < 0:
            why += " (killed: out of memory?)"
        raise HajizError(f"Benchmark {function.__name__} failed: {why}\n{failure}".strip())
    return result


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        # Other work on the machine skews every figure: recorded to read them by.
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        # The name matcher compiled or plain (hajiz.compiled): a third of the screening time.
        "compiled_modules": list(compiled_modules()),
        "stale_modules": list(stale_modules()),
    }


def _plain(value: Any) -> Any:
    """A config value as JSON has it."""
    if isinstance(value, Path):
        return str(value)
    return list(value) if isinstance(value, tuple) else value


def run_benchmarks(config: BenchConfig, stage: Stage | None = None) -> dict[str, Any]:
    """Every figure of the benchmark as one JSON-ready report, with targets checked."""
    say = stage or (lambda message: None)
    started = time.perf_counter()
    report: dict[str, Any] = {
        "hajiz_version": __version__,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "config": {k: _plain(v) for k, v in asdict(config).items()},
        "engine": None,
        "sizes": [],
    }
    if config.engine:
        engine_job = EngineJob(config.names, config.seed, config.cold_names)
        report["engine"] = run_job(bench_engine, engine_job, say, isolate=config.isolate)
    snapshot_dir = config.snapshot_dir or Path(tempfile.mkdtemp(prefix="hajiz-bench-"))
    try:
        for size in config.sizes:
            report["sizes"].append(_bench_one_size(config, size, snapshot_dir, say))
    finally:
        if config.snapshot_dir is None:
            shutil.rmtree(snapshot_dir, ignore_errors=True)
    report["targets"] = verdicts(report)
    report["elapsed_s"] = time.perf_counter() - started
    return report


def _bench_one_size(
    config: BenchConfig, size: int, snapshot_dir: Path, say: Stage
) -> dict[str, Any]:
    path = snapshot_dir / f"bench-{size}.pickle"
    job = SizeJob(
        size=size,
        seed=config.seed,
        queries=config.queries,
        manifest=config.manifest,
        real_data_dir=config.real_data_dir,
        snapshot_path=path,
        algorithm=config.algorithm,
    )
    figures = run_job(bench_size, job, say, isolate=config.isolate)
    load_job = SnapshotJob(path=path, seed=config.seed, algorithm=config.algorithm)
    figures["snapshot"].update(run_job(bench_snapshot_load, load_job, say, isolate=config.isolate))
    if config.snapshot_dir is None:
        path.unlink(missing_ok=True)
    return figures


def parse_sizes(text: str) -> tuple[int, ...]:
    """`1000,43000,1_000_000` (or 43k, 1m) as sizes; raise ValueError naming a bad one."""
    sizes = []
    for item in text.split(","):
        word = item.strip().lower().replace("_", "")
        factor = {"k": 1_000, "m": 1_000_000}.get(word[-1:], 1)
        number = word[:-1] if factor > 1 else word
        try:
            size = int(float(number) * factor)
        except ValueError:
            raise ValueError(f"not a list size: {item.strip()!r} (e.g. 1000, 43k, 1m)") from None
        if size < 10:
            raise ValueError(f"list size {size} is too small (at least 10)")
        sizes.append(size)
    return tuple(sizes)


def compiled_summary(machine: dict[str, Any]) -> str:
    """One line on how the name matcher ran: compiled, plain, or compiled from old sources."""
    compiled, stale = machine.get("compiled_modules", []), machine.get("stale_modules", [])
    if stale:
        return f"Name matcher compiled from older sources ({', '.join(stale)}): reinstall"
    if len(compiled) == len(COMPILED):
        return f"Name matcher compiled ({len(compiled)} modules, mypyc)"
    return f"Name matcher in plain Python ({len(compiled)} of {len(COMPILED)} modules compiled)"
