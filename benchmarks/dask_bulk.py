"""Benchmark of bulk screening on Dask: N travellers against the 43,000-person list, 1 vs 2 workers.

Draws the benchmark's list (the real UN and OFAC persons when the data is there, the rest
synthetic, as `hajiz bench` does) and N travellers in a flight-manifest mix (97% unlisted,
3% varied names of listed persons), writes them as JSONL, then screens the file with
`screen_on_dask` on a local cluster of each worker count and prints a table: wall time,
travellers per second, the time a million would take at that rate, each worker's memory
high-water mark and how often each worker loaded the index (1 is the point). Not a test: run it
by hand; `--travellers 1000000` takes hours at today's engine speed.

    python benchmarks/dask_bulk.py --travellers 20000
    python benchmarks/dask_bulk.py --travellers 1000000 --workers 1,2 --json dask.json
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import random
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hajiz.batch import read_batch, result_record, write_jsonl  # noqa: E402
from hajiz.benchmarking.queries import (  # noqa: E402
    MANIFEST_MIX,
    BenchList,
    QueryKind,
    listed_query,
)
from hajiz.benchmarking.runner import DEFAULT_SEED, has_real_data  # noqa: E402
from hajiz.benchmarking.sizes import build_screener  # noqa: E402
from hajiz.benchmarking.synthetic import traveller_query  # noqa: E402
from hajiz.bulk.dask_engine import BulkSummary, screen_on_dask  # noqa: E402
from hajiz.bulk.options import BulkRun, DaskOptions  # noqa: E402
from hajiz.bulk.partitions import plan_partitions  # noqa: E402
from hajiz.matching.algorithm import DEFAULT_ALGORITHM, get_algorithm  # noqa: E402
from hajiz.model import Entry, Query  # noqa: E402
from hajiz.screening import Screener, settle_heap  # noqa: E402
from hajiz.settings import Settings  # noqa: E402

MILLION = 1_000_000


def load() -> str:
    """The machine's load averages (1, 5, 15 min): other work skews every figure."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def as_ftm(query: Query) -> dict[str, Any]:
    """A query as the yente-style JSON line a batch file holds."""
    properties: dict[str, list[str]] = {"name": list(query.names)}
    if query.birth_dates:
        properties["birthDate"] = [str(d) for d in query.birth_dates]
    if query.nationalities:
        properties["nationality"] = list(query.nationalities)
    return {"id": query.id, "schema": "Person", "properties": properties}


def write_travellers(path: Path, listed: BenchList, count: int, seed: int) -> None:
    """`count` travellers in the manifest mix, drawn one at a time (never all in memory)."""
    rng = random.Random(f"{seed}/dask-bench/mix")
    kinds, weights = list(MANIFEST_MIX), list(MANIFEST_MIX.values())
    with path.open("wb") as out:
        for index in range(count):
            kind = rng.choices(kinds, weights=weights, k=1)[0]
            query = None
            if kind is not QueryKind.UNLISTED:
                query = listed_query(listed, kind, rng, f"traveller-{index}")
            if query is None:
                query = traveller_query(seed, index, "dask-bench")
                query = query.model_copy(update={"id": f"traveller-{index}"})
            out.write(orjson.dumps(as_ftm(query)) + b"\n")


def real_entries(data_dir: Path | None) -> list[Entry]:
    """The real UN and OFAC persons, when the data is there."""
    if data_dir is None or not has_real_data(data_dir):
        return []
    from hajiz.evaluation.watchlist import load_watchlist

    return list(load_watchlist(data_dir).entries)


def row(workers: int, summary: BulkSummary) -> dict[str, Any]:
    """One line of the table; the steady rate leaves out the one-off setup and index load."""
    steady_s = summary.elapsed_s - summary.setup_s - summary.index_load_s
    steady = summary.travellers / steady_s
    return {
        "workers": workers,
        "travellers": summary.travellers,
        "wall_s": summary.elapsed_s,
        "setup_s": summary.setup_s,
        "index_load_s": summary.index_load_s,
        "travellers_per_s": summary.travellers / summary.elapsed_s,
        "steady_per_s": steady,
        "million_h": (summary.setup_s + summary.index_load_s + MILLION / steady) / 3600,
        "peak_mb": sorted(summary.worker_peak_mb.values()),
        "index_loads": sorted(summary.snapshot_loads.values()),
        "matched": summary.matched,
    }


def time_local(snapshot: Path, source: Path, target: Path, workers: int) -> dict[str, Any]:
    """The in-process engine on the same file, as `screen-batch` runs it: the index loaded from
    its pickle (cold name caches, like a Dask worker's), then read, screen, write."""
    index = pickle.loads(snapshot.read_bytes())
    settle_heap()
    screener = Screener(index, get_algorithm(DEFAULT_ALGORITHM))
    started = time.perf_counter()
    items = read_batch(source)
    queries = [item.query for item in items if item.query is not None]
    results = iter(screener.screen_batch(queries, workers=workers))
    records = [result_record(i, next(results) if i.query else None) for i in items]
    with target.open("wb") as out:
        write_jsonl(records, out)
    wall = time.perf_counter() - started
    rate = len(items) / wall
    return {"workers": workers, "travellers": len(items), "wall_s": wall, "per_s": rate}


def time_local_fresh(snapshot: Path, source: Path, target: Path, workers: int) -> dict[str, Any]:
    """`time_local` in a freshly spawned interpreter, as a new `hajiz screen-batch` would be."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(time_local, snapshot, source, target, workers).result()


def print_table(rows: list[dict[str, Any]]) -> None:
    """The figures as a Markdown table."""
    print(
        "| workers | travellers | wall (s) | setup (s) | index load (s) | travellers/s "
        "| steady travellers/s | 1M, extrapolated (h) | peak RSS per worker (MiB) "
        "| index loads per worker | flagged |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|")
    for r in rows:
        peaks = ", ".join(f"{p:.0f}" for p in r["peak_mb"])
        loads = ", ".join(str(n) for n in r["index_loads"])
        print(
            f"| {r['workers']} | {r['travellers']:,} | {r['wall_s']:.1f} | {r['setup_s']:.1f} "
            f"| {r['index_load_s']:.1f} | {r['travellers_per_s']:.0f} "
            f"| {r['steady_per_s']:.0f} | {r['million_h']:.2f} | {peaks} | {loads} "
            f"| {r['matched']:,} |"
        )


def main() -> None:
    """Parse the options, build the list, run each worker count, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--travellers", type=int, default=MILLION, help="Travellers to screen.")
    parser.add_argument("--list-size", type=int, default=43_000, help="Persons on the list.")
    parser.add_argument("--workers", default="1,2", help="Worker counts to run, e.g. 1,2.")
    parser.add_argument("--partition-size", type=int, default=2_000, help="Lines per partition.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Random seed.")
    parser.add_argument("--no-real", action="store_true", help="Synthetic persons only.")
    parser.add_argument("--json", type=Path, default=None, help="Write the figures here.")
    parser.add_argument(
        "--with-local", action="store_true", help="Also time the in-process engine."
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hajiz-dask-bench-"))
    try:
        data_dir = None if args.no_real else Settings().real_data_dir
        listed = BenchList.of(args.list_size, args.seed, real_entries(data_dir))
        screener, build = build_screener(listed, DEFAULT_ALGORITHM)
        print(
            f"List: {len(listed):,} persons ({len(listed.real):,} real), "
            f"built in {build['total_s']:.1f} s",
            flush=True,
        )
        source = workdir / "travellers.jsonl"
        started = time.perf_counter()
        write_travellers(source, listed, args.travellers, args.seed)
        size_mb = source.stat().st_size / 1e6
        print(
            f"Travellers: {args.travellers:,} written in {time.perf_counter() - started:.1f} s "
            f"({size_mb:.1f} MB)",
            flush=True,
        )
        snapshot = workdir / "index.pickle"
        if args.with_local:
            snapshot.write_bytes(pickle.dumps(screener.index, protocol=pickle.HIGHEST_PROTOCOL))
        rows, local = [], []
        # Each worker count runs both engines back to back: the machine's load drifts.
        for workers in (int(w) for w in args.workers.split(",")):
            if args.with_local:
                print(f"In-process engine, {workers} forked worker(s), load {load()}", flush=True)
                target = workdir / "local.jsonl"
                local.append(time_local_fresh(snapshot, source, target, workers))
            plan = plan_partitions(source, args.partition_size)
            options = DaskOptions(workers=workers, partition_size=args.partition_size)
            print(f"Dask, {workers} worker(s), load {load()}", flush=True)
            summary = screen_on_dask(
                screener, plan, workdir / f"out-{workers}", BulkRun(), options, say=print
            )
            rows.append(row(workers, summary))
        print()
        print_table(rows)
        for r in local:
            print(
                f"in-process engine (fresh process, index from its pickle), {r['workers']} "
                f"forked worker(s): {r['wall_s']:.1f} s, "
                f"{r['per_s']:.0f} travellers/s"
            )
        print(f"\n(cpus {os.cpu_count()}, load average now {load()})")
        if args.json:
            config = vars(args) | {"json": str(args.json)}
            report = {"config": config, "dask": rows, "in_process": local}
            args.json.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
