"""`hajiz serve` started for real on a loopback port, for the tests that need live servers.

The server's output goes to a log file, not a pipe (a full pipe would stall it), and a server
that exits or is not ready in time fails the test with its log.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 120
# After the first worker answers, the others may still be loading the index.
SETTLE_SECONDS = 1.0


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class LiveServer:
    """A running `hajiz serve`: where it answers and where it logs."""

    base: str
    log: Path
    process: subprocess.Popen[bytes]


def _start(
    db_url: str, folder: Path, *, workers: int, sync_interval: str, log_level: str
) -> LiveServer:
    port = free_port()
    env = {
        **os.environ,
        "HAJIZ_DATA_DIR": str(folder / "data"),
        "HAJIZ_USE_SNAPSHOTS": "false",
        "HAJIZ_API_SYNC_INTERVAL": sync_interval,
    }
    command = [sys.executable, "-m", "hajiz.cli", "--db", db_url, "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", log_level]
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "serve.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=log_file)
    return LiveServer(f"http://127.0.0.1:{port}", log, process)


def _wait_ready(server: LiveServer) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"hajiz serve exited: {server.log.read_text()}")
        try:
            if httpx.get(f"{server.base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"hajiz serve was not ready within {STARTUP_SECONDS} s")


def _stop(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@contextmanager
def serving(
    db_url: str,
    folders: list[Path],
    *,
    workers: int = 2,
    sync_interval: str = "0.1",
    log_level: str = "warning",
) -> Iterator[list[LiveServer]]:
    """One server per folder, all on the same store; ready when entered, stopped on exit."""
    with ExitStack() as stack:
        servers = []
        for folder in folders:
            server = _start(
                db_url, folder, workers=workers, sync_interval=sync_interval, log_level=log_level
            )
            stack.callback(_stop, server)
            servers.append(server)
        for server in servers:
            _wait_ready(server)
        time.sleep(SETTLE_SECONDS)
        yield servers
