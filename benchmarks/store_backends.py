"""SQLite vs PostgreSQL: list imports, and screening over HTTP with two servers on one store.

For each backend: import the real UN and OFAC lists into an empty store (then again, unchanged),
start two `hajiz serve` processes (one worker each) on that one store, run --clients
closed-loop clients spread over both for --seconds, then time how long an entry added through
one server takes to show in the other's screening. Prints a table. Not a test: run it by hand.

    python benchmarks/store_backends.py --postgres postgresql://user@127.0.0.1:5432/bench

The PostgreSQL URL defaults to $HAJIZ_TEST_POSTGRES_URL; the script works in a schema of its
own, dropped at the end. Compare like with like: a throwaway test server without fsync is not a
production server (the table shows the server's fsync and synchronous_commit).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load import (  # noqa: E402
    SEED,
    Connection,
    Results,
    client_loop,
    free_port,
    percentile,
    wait_ready,
)
from hajiz.access import add_agency, create_key  # noqa: E402
from hajiz.evaluation.population import load_name_frequencies, synthesise_travellers  # noqa: E402
from hajiz.lists import import_list  # noqa: E402
from hajiz.settings import Settings  # noqa: E402
from hajiz.store.service import open_service_store  # noqa: E402

SERVERS = 2


@dataclass
class Measured:
    """One backend's figures."""

    backend: str
    imports: dict[str, float] = field(default_factory=dict)  # step -> seconds
    entries: int = 0
    screenings: Results = field(default_factory=Results)
    seconds: float = 0.0
    arrivals: list[float] = field(default_factory=list)  # edit -> seen on the other server, s
    audit: str = ""


def timed_imports(url: str, real: Path, out: Measured) -> tuple[dict[str, str], list[str]]:
    """Import UN and OFAC twice (new, then unchanged); return keys by role, and listed names."""
    store = open_service_store(url)
    try:
        for step in ("", " again (unchanged)"):
            started = time.perf_counter()
            import_list(store, "un-sc", real / "un_sc_consolidated" / "consolidated.xml")
            middle = time.perf_counter()
            import_list(store, "ofac-sdn", real / "ofac_sdn")
            done = time.perf_counter()
            out.imports[f"import UN{step}"] = middle - started
            out.imports[f"import OFAC{step}"] = done - middle
        out.entries = store.count()
        for code in ("ALPHA", "BRAVO"):
            add_agency(store, code, f"Agency {code}")
        keys = {
            "screener": create_key(store, "ALPHA", ["screener"])[1],
            "contributor": create_key(store, "BRAVO", ["contributor"])[1],
            "admin": create_key(store, "ALPHA", ["admin"])[1],
        }
        listed = [entry.primary_name for entry in store.list_entries("un-sc", limit=300)]
    finally:
        store.close()
    return keys, listed


def travellers(real: Path, listed: list[str]) -> list[dict[str, object]]:
    """3,000 synthetic travellers; one in ten bears a listed name (the many-hit queries)."""
    rng = random.Random(SEED)
    pool = synthesise_travellers(
        load_name_frequencies(real), 3000, rng, listed_keys=frozenset(), with_birth_date=True
    )
    bodies: list[dict[str, object]] = [
        {"names": [t.name], "birth_dates": [t.birth_date.isoformat()] if t.birth_date else []}
        for t in pool
    ]
    for position in range(0, len(bodies), 10):
        bodies[position] = {"names": [rng.choice(listed)]}
    return bodies


def start_server(url: str, folder: Path, port: int) -> subprocess.Popen[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HAJIZ_DATA_DIR": str(folder / "data"), "HAJIZ_USE_SNAPSHOTS": "false"}
    command = [sys.executable, "-m", "hajiz.cli", "--db", url, "serve", "--port", str(port)]
    command += ["--log-level", "warning"]
    log = (folder / "serve.log").open("ab")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


async def screen_both(
    ports: list[int], key: str, bodies: list[dict[str, object]], clients: int, seconds: float
) -> tuple[Results, float]:
    """Closed-loop clients, half on each server."""
    out = Results()
    rng = random.Random(SEED + 3)
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(
        *(
            client_loop(ports[n % len(ports)], key, bodies, stop, out, random.Random(rng.random()))
            for n in range(clients)
        )
    )
    return out, time.perf_counter() - started


async def arrival_times(
    ports: list[int], screener: str, contributor: str, count: int
) -> list[float]:
    """Seconds from an entry added through server A to a hit for it on server B."""
    writer, reader = Connection(ports[0]), Connection(ports[1])
    run = uuid.uuid4().hex[:6]
    seconds: list[float] = []
    try:
        for n in range(count):
            name = f"Zubayr Qays Harithi {run}{n}"
            body = {
                "id": f"bench-{run}-{n}",
                "properties": {"name": [name]},
                "releasable_to": ["ALPHA", "BRAVO"],
            }
            status, _ = await writer.request("POST", "/v1/entries", contributor, body)
            if status != 201:
                raise SystemExit(f"adding an entry failed with {status}")
            started = time.perf_counter()
            while True:
                _, answer = await reader.request(
                    "POST", "/v1/screen?threshold=0.9", screener, {"names": [name]}
                )
                hits = [hit["entity_id"] for hit in orjson.loads(answer)["results"]]
                if f"BRAVO:bench-{run}-{n}" in hits:
                    seconds.append(time.perf_counter() - started)
                    break
                if time.perf_counter() - started > 10:
                    seconds.append(float("inf"))
                    break
                await asyncio.sleep(0.005)
    finally:
        writer.close()
        reader.close()
    return seconds


async def audit_state(port: int, key: str) -> str:
    connection = Connection(port)
    _, body = await connection.request("GET", "/v1/audit/verify", key)
    connection.close()
    report = orjson.loads(body)
    if "is_intact" not in report:
        return f"not checked ({report.get('detail', 'no access')})"
    return f"{'intact' if report['is_intact'] else 'BROKEN'}, {report['records']} records"


def measure(
    backend: str, url: str, real: Path, workdir: Path, args: argparse.Namespace
) -> Measured:
    out = Measured(backend)
    print(f"{backend}: importing…", file=sys.stderr)
    keys, listed = timed_imports(url, real, out)
    screener = keys["screener"]
    bodies = travellers(real, listed)
    ports = [free_port() for _ in range(SERVERS)]
    servers = [start_server(url, workdir / f"{backend}-{n}", port) for n, port in enumerate(ports)]
    try:
        print(f"{backend}: starting {SERVERS} servers…", file=sys.stderr)
        for port, server in zip(ports, servers, strict=True):
            asyncio.run(wait_ready(port, server, 1, timeout=900))
        asyncio.run(screen_both(ports, screener, bodies, args.clients, 3.0))  # warm-up
        print(f"{backend}: {args.seconds:.0f} s of screening…", file=sys.stderr)
        out.screenings, out.seconds = asyncio.run(
            screen_both(ports, screener, bodies, args.clients, args.seconds)
        )
        out.arrivals = asyncio.run(arrival_times(ports, screener, keys["contributor"], args.edits))
        out.audit = asyncio.run(audit_state(ports[1], keys["admin"]))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    return out


def postgres_schema_url(server_url: str) -> tuple[str, str]:
    """A new schema on the server, and the URL that uses it."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    parts = urlsplit(server_url)
    option = "options=" + quote(f"-csearch_path={schema}", safe="")
    query = f"{parts.query}&{option}" if parts.query else option
    return schema, urlunsplit(parts._replace(query=query))


def postgres_settings(server_url: str) -> str:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        version = connection.execute("SHOW server_version").fetchone()
        fsync = connection.execute("SHOW fsync").fetchone()
        commit = connection.execute("SHOW synchronous_commit").fetchone()
    assert version and fsync and commit
    return f"PostgreSQL {version[0]}, fsync {fsync[0]}, synchronous_commit {commit[0]}"


def drop_schema(server_url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def rows(results: list[Measured]) -> list[tuple[str, ...]]:
    table: list[tuple[str, ...]] = [("measure", *(r.backend for r in results))]
    for step in results[0].imports:
        table.append((f"{step} (s)", *(f"{r.imports[step]:.1f}" for r in results)))
    table.append(("entries", *(f"{r.entries:,}" for r in results)))
    table.append(
        (
            f"screenings/s, {SERVERS} servers",
            *(f"{len(r.screenings.latencies) / r.seconds:.0f}" for r in results),
        )
    )
    for share in (0.5, 0.99):
        table.append(
            (
                f"  latency p{share * 100:.0f} (ms)",
                *(f"{1000 * percentile(r.screenings.latencies, share):.0f}" for r in results),
            )
        )
    table.append(("  errors", *(str(sum(r.screenings.errors.values())) for r in results)))
    for label, share in (("median", 0.5), ("max", 1.0)):
        table.append(
            (
                f"edit on A seen on B, {label} (ms)",
                *(f"{1000 * percentile(r.arrivals, share):.0f}" for r in results),
            )
        )
    table.append(("audit chain", *(r.audit for r in results)))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("HAJIZ_TEST_POSTGRES_URL"),
        help="A PostgreSQL server URL (default: $HAJIZ_TEST_POSTGRES_URL).",
    )
    parser.add_argument("--clients", type=int, default=16, help="Concurrent screening clients.")
    parser.add_argument("--seconds", type=float, default=20.0, help="Length of the screening run.")
    parser.add_argument("--edits", type=int, default=20, help="Edits timed from A to B.")
    parser.add_argument("--workdir", type=Path, default=None, help="Folder for SQLite and logs.")
    args = parser.parse_args()
    if not args.postgres:
        raise SystemExit("Give a PostgreSQL server: --postgres URL or HAJIZ_TEST_POSTGRES_URL")
    real = Settings().real_data_dir
    if not (real / "un_sc_consolidated").is_dir():
        raise SystemExit(f"Real data not found at {real} (set HAJIZ_REAL_DATA_DIR)")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="hajiz-backends-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sqlite_path = workdir / "hajiz.db"
    sqlite_path.unlink(missing_ok=True)
    results = [measure("sqlite", str(sqlite_path), real, workdir, args)]
    schema, url = postgres_schema_url(args.postgres)
    try:
        results.append(measure("postgresql", url, real, workdir, args))
    finally:
        drop_schema(args.postgres, schema)
    table = rows(results)
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    for number, row in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print(f"({postgres_settings(args.postgres)}; {args.clients} clients; work folder {workdir})")


if __name__ == "__main__":
    main()
