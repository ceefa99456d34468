"""Load benchmark of `hajiz serve`: sustained screenings per second with edits running alongside.

Builds a store with the real UN and OFAC lists plus synthetic persons up to --entries (43,000 by
default), starts `hajiz serve --workers N` on a loopback port, then runs --clients concurrent
keep-alive clients screening travellers for --seconds while an editor adds and changes entries.
Afterwards it checks that every edit is visible (through the store and in screening, over
fresh connections that reach every worker) and that the audit chain is intact, and prints a
table. Not a test: run it by hand.

    python benchmarks/load.py                       # 43,000 entries, 50 clients, 30 s
    python benchmarks/load.py --seconds 60 --workers 2 --workdir /tmp/hajiz-load --reuse
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hajiz.access import add_agency, create_key  # noqa: E402
from hajiz.evaluation.population import load_name_frequencies, synthesise_travellers  # noqa: E402
from hajiz.importers.common import make_name  # noqa: E402
from hajiz.lists import import_list  # noqa: E402
from hajiz.model import BirthDate, Entry, NameKind, PartialDate  # noqa: E402
from hajiz.settings import Settings  # noqa: E402
from hajiz.store.service import open_service_store  # noqa: E402

SEED = 20240501
KEYS_FILE = "keys.json"


@dataclass
class Prepared:
    """The benchmark database and what the clients need."""

    db_path: Path
    screener_key: str
    contributor_key: str
    admin_key: str
    entries: int
    travellers: list[dict[str, object]]
    edit_names: list[str]


def _synthetic_entry(number: int, name: str, born: date | None) -> Entry:
    birth = (
        ()
        if born is None
        else (BirthDate(date=PartialDate(year=born.year, month=born.month, day=born.day)),)
    )
    return Entry(
        id=f"synthetic:{number}",
        agency="SYNTH",
        source="synthetic",
        names=(make_name(name, NameKind.PRIMARY),),
        birth_dates=birth,
    )


def prepare(workdir: Path, real: Path, total: int, reuse: bool) -> Prepared:
    """Create (or reuse) the database: real lists, synthetic persons, agencies and keys."""
    db_path = workdir / "hajiz.db"
    rng = random.Random(SEED)
    frequencies = load_name_frequencies(real)
    pool = synthesise_travellers(
        frequencies, 4000, rng, listed_keys=frozenset(), with_birth_date=True
    )
    travellers: list[dict[str, object]] = [
        {"names": [t.name], "birth_dates": [t.birth_date.isoformat()] if t.birth_date else []}
        for t in pool[:3000]
    ]
    edit_names = [t.name for t in pool[3000:]]
    keys_path = workdir / KEYS_FILE
    if reuse and db_path.exists() and keys_path.exists():
        keys = orjson.loads(keys_path.read_bytes())
        store = open_service_store(str(db_path))
        count = store.count()
        listed = [e.primary_name for e in store.list_entries("un-sc", limit=300)]
        store.close()
    else:
        db_path.unlink(missing_ok=True)
        store = open_service_store(str(db_path))
        try:
            print("importing the UN and OFAC lists…", file=sys.stderr)
            import_list(store, "un-sc", real / "un_sc_consolidated" / "consolidated.xml")
            import_list(store, "ofac-sdn", real / "ofac_sdn")
            missing = max(0, total - store.count())
            print(f"adding {missing} synthetic persons…", file=sys.stderr)
            synthetic = synthesise_travellers(
                frequencies,
                missing,
                random.Random(SEED + 1),
                listed_keys=frozenset(),
                with_birth_date=True,
            )
            store.upsert(_synthetic_entry(i, t.name, t.birth_date) for i, t in enumerate(synthetic))
            for code in ("ALPHA", "BRAVO", "SYNTH"):
                add_agency(store, code, f"Agency {code}")
            keys = {
                "screener": create_key(store, "ALPHA", ["screener"])[1],
                "contributor": create_key(store, "BRAVO", ["contributor"])[1],
                "admin": create_key(store, "ALPHA", ["admin"])[1],
            }
            keys_path.write_bytes(orjson.dumps(keys))
            count = store.count()
            listed = [e.primary_name for e in store.list_entries("un-sc", limit=300)]
        finally:
            store.close()
    # One traveller in ten bears a listed name: those are the expensive, many-hit queries.
    for position in range(0, len(travellers), 10):
        travellers[position] = {"names": [rng.choice(listed)]}
    return Prepared(
        db_path, keys["screener"], keys["contributor"], keys["admin"], count, travellers, edit_names
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator must cost little CPU."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, key: str, body: object | None = None
    ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        payload = b"" if body is None else orjson.dumps(body)
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        self.writer.write(head.encode() + payload)
        assert self.reader is not None
        header = await self.reader.readuntil(b"\r\n\r\n")
        status = int(header[9:12])
        length = 0
        for line in header.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


@dataclass
class Results:
    """What the load run measured."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)
    edits: int = 0
    edit_errors: int = 0
    final: dict[str, str] = field(default_factory=dict)  # entry id -> its last name


async def client_loop(
    port: int,
    key: str,
    travellers: list[dict[str, object]],
    stop: float,
    out: Results,
    rng: random.Random,
) -> None:
    connection = Connection(port)
    try:
        while time.perf_counter() < stop:
            body = rng.choice(travellers)
            started = time.perf_counter()
            status, _ = await connection.request("POST", "/v1/screen", key, body)
            out.latencies.append(time.perf_counter() - started)
            if status != 200:
                out.errors[status] = out.errors.get(status, 0) + 1
    finally:
        connection.close()


async def paced_loop(
    port: int,
    key: str,
    travellers: list[dict[str, object]],
    arrivals: asyncio.Queue[float | None],
    out: Results,
    rng: random.Random,
) -> None:
    """Send each request at its scheduled time; latency counts from that time (no omission)."""
    connection = Connection(port)
    try:
        while (scheduled := await arrivals.get()) is not None:
            status, _ = await connection.request("POST", "/v1/screen", key, rng.choice(travellers))
            out.latencies.append(time.perf_counter() - scheduled)
            if status != 200:
                out.errors[status] = out.errors.get(status, 0) + 1
    finally:
        connection.close()


async def pace(
    arrivals: asyncio.Queue[float | None], rate: float, stop: float, clients: int
) -> None:
    """Schedule requests at a fixed rate until `stop`, then tell every client to finish."""
    interval = 1.0 / rate
    next_at = time.perf_counter()
    while next_at < stop:
        delay = next_at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        arrivals.put_nowait(next_at)
        next_at += interval
    for _ in range(clients):
        arrivals.put_nowait(None)


def _marker(number: int) -> str:
    letters = "bdfgklmnprstvz"
    word = "Q"
    for _ in range(5):
        number, digit = divmod(number, len(letters))
        word += letters[digit] + "aeiou"[digit % 5]
    return word


async def editor_loop(
    port: int, key: str, names: list[str], stop: float, out: Results, every: float
) -> None:
    """Add entries, then keep renaming them: the last name of each must win everywhere."""
    connection = Connection(port)
    rng = random.Random(SEED + 2)
    run = int(time.time() * 1000)  # fresh ids for every run (the warm-up run edits too)
    ids = [f"load-{run}-{n}" for n in range(20)]
    try:
        while time.perf_counter() < stop:
            entry_id = rng.choice(ids)
            # A made-up last word keeps the name rare, so the check below can find the entry.
            name = f"{names[out.edits % len(names)]} {_marker(out.edits + run)}"
            body = {"properties": {"name": [name]}, "releasable_to": ["ALPHA", "BRAVO"]}
            full_id = f"BRAVO:{entry_id}"
            if full_id in out.final:
                status, _ = await connection.request("PUT", f"/v1/entries/{full_id}", key, body)
            else:
                status, _ = await connection.request(
                    "POST", "/v1/entries", key, {"id": entry_id, **body}
                )
            out.edits += 1
            if status in (200, 201):
                out.final[full_id] = name
            else:
                out.edit_errors += 1
            await asyncio.sleep(every)
    finally:
        connection.close()


async def run_load(
    port: int,
    prepared: Prepared,
    clients: int,
    seconds: float,
    edit_every: float,
    rate: float | None = None,
) -> tuple[Results, float]:
    """Closed loop (each client sends again as soon as answered), or paced at `rate` per second."""
    out = Results()
    rng = random.Random(SEED + 3)
    started = time.perf_counter()
    stop = started + seconds
    key, travellers = prepared.screener_key, prepared.travellers
    tasks: list[Coroutine[Any, Any, None]] = []
    if rate is None:
        tasks += [
            client_loop(port, key, travellers, stop, out, random.Random(rng.random()))
            for _ in range(clients)
        ]
    else:
        arrivals: asyncio.Queue[float | None] = asyncio.Queue()
        tasks.append(pace(arrivals, rate, stop, clients))
        tasks += [
            paced_loop(port, key, travellers, arrivals, out, random.Random(rng.random()))
            for _ in range(clients)
        ]
    tasks.append(
        editor_loop(port, prepared.contributor_key, prepared.edit_names, stop, out, edit_every)
    )
    await asyncio.gather(*tasks)
    return out, time.perf_counter() - started


async def check_edits(
    port: int, prepared: Prepared, final: dict[str, str], probes: int
) -> tuple[int, int]:
    """Edits not visible: (in the store, in screening on some worker)."""
    lost_store = lost_index = 0
    for entry_id, name in final.items():
        connection = Connection(port)
        status, body = await connection.request(
            "GET", f"/v1/entries/{entry_id}", prepared.contributor_key
        )
        connection.close()
        if status != 200 or orjson.loads(body)["caption"] != name:
            lost_store += 1
            continue
        for _ in range(probes):  # fresh connections land on every worker
            connection = Connection(port)
            status, body = await connection.request(
                "POST",
                "/v1/screen?threshold=0.9&limit=50",
                prepared.screener_key,
                {"names": [name]},
            )
            connection.close()
            if entry_id not in [h["entity_id"] for h in orjson.loads(body)["results"]]:
                lost_index += 1
                break
    return lost_store, lost_index


async def audit_report(port: int, key: str) -> dict[str, object]:
    connection = Connection(port)
    _, body = await connection.request("GET", "/v1/audit/verify", key)
    connection.close()
    return dict(orjson.loads(body))


def phase_rows(title: str, results: Results, elapsed: float) -> list[tuple[str, str]]:
    """Table rows of one measured phase."""
    latencies = [1000.0 * value for value in results.latencies]
    errors = sum(results.errors.values())
    return [
        (title, f"{elapsed:.1f} s"),
        ("  screenings per second", f"{len(latencies) / elapsed:.0f} ({len(latencies):,} in all)"),
        (
            "  latency p50 / p90 / p99",
            " / ".join(f"{percentile(latencies, share):.0f}" for share in (0.5, 0.9, 0.99)) + " ms",
        ),
        ("  latency max", f"{max(latencies):.0f} ms"),
        ("  screening errors", f"{errors}" + (f" {results.errors}" if errors else "")),
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def start_server(
    prepared: Prepared, workdir: Path, port: int, workers: int
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HAJIZ_DATA_DIR": str(workdir / "data")}
    command = [sys.executable, "-m", "hajiz.cli", "--db", str(prepared.db_path), "serve"]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    log = (workdir / "serve.log").open("ab")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


async def wait_ready(
    port: int, server: subprocess.Popen[bytes], workers: int, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("hajiz serve exited early; see serve.log in the work folder")
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
            line = await reader.readline()
            writer.close()
            if b" 200 " in line:
                await asyncio.sleep(2.0 * workers)  # let every worker finish loading
                return
        except OSError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit(f"hajiz serve was not ready within {timeout:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=43_000, help="Entries in the store.")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent screening clients.")
    parser.add_argument("--seconds", type=float, default=30.0, help="Length of the measured run.")
    parser.add_argument("--workers", type=int, default=2, help="hajiz serve worker processes.")
    parser.add_argument("--edit-every", type=float, default=0.1, help="Seconds between two edits.")
    parser.add_argument(
        "--rate", type=float, default=None, help="Paced rate (default: 80%% of saturation)."
    )
    parser.add_argument("--workdir", type=Path, default=None, help="Folder for the database.")
    parser.add_argument("--reuse", action="store_true", help="Reuse the database in --workdir.")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="hajiz-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    real = Settings().real_data_dir
    if not (real / "un_sc_consolidated").is_dir():
        raise SystemExit(f"Real data not found at {real} (set HAJIZ_REAL_DATA_DIR)")
    prepared = prepare(workdir, real, args.entries, args.reuse)
    port = free_port()
    print(
        f"{prepared.entries} entries; starting hajiz serve --workers {args.workers}…",
        file=sys.stderr,
    )
    server = start_server(prepared, workdir, port, args.workers)
    try:
        asyncio.run(wait_ready(port, server, args.workers, timeout=900))
        asyncio.run(run_load(port, prepared, args.clients, 5.0, 1.0))  # warm-up, not counted
        print(
            f"saturation: {args.seconds:.0f} s, {args.clients} closed-loop clients…",
            file=sys.stderr,
        )
        saturated, saturated_s = asyncio.run(
            run_load(port, prepared, args.clients, args.seconds, args.edit_every)
        )
        capacity = len(saturated.latencies) / saturated_s
        rate = args.rate or max(1.0, round(0.8 * capacity))
        print(f"sustained: {args.seconds:.0f} s paced at {rate:.0f}/s…", file=sys.stderr)
        paced, paced_s = asyncio.run(
            run_load(port, prepared, args.clients, args.seconds, args.edit_every, rate=rate)
        )
        time.sleep(1.0)  # the promise: every edit everywhere within a second
        final = {**saturated.final, **paced.final}
        lost = asyncio.run(check_edits(port, prepared, final, probes=4 * args.workers))
        audit = asyncio.run(audit_report(port, prepared.admin_key))
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = [
        ("entries in the store", f"{prepared.entries:,}"),
        ("server workers / client connections", f"{args.workers} / {args.clients}"),
        *phase_rows("saturation (closed loop)", saturated, saturated_s),
        *phase_rows(f"sustained (paced at {rate:.0f}/s)", paced, paced_s),
        (
            "entry edits (errors)",
            f"{saturated.edits + paced.edits} ({saturated.edit_errors + paced.edit_errors})",
        ),
        (
            "edits lost: store / any worker's index",
            f"{lost[0]} / {lost[1]} of {len(final)} entries",
        ),
        (
            "audit chain",
            f"{'intact' if audit.get('is_intact') else 'BROKEN'}, {audit.get('records')} records",
        ),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 24}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print(f"(work folder: {workdir})")


if __name__ == "__main__":
    main()
