"""`hajiz serve` for real: uvicorn with two worker processes on a loopback port.

An entry added through one connection must reach screening in every worker (each follows the
store's change feed), so the check screens through many fresh connections, which the kernel
spreads over both workers.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import auth, seed

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[tuple[str, object]]:
    folder = tmp_path_factory.mktemp("live")
    db_path = folder / "hajiz.db"
    keys = seed(str(db_path))
    port = free_port()
    env = {
        **os.environ,
        "HAJIZ_DATA_DIR": str(folder / "data"),
        "HAJIZ_USE_SNAPSHOTS": "false",
        "HAJIZ_API_SYNC_INTERVAL": "0.1",
    }
    command = [sys.executable, "-m", "hajiz.cli", "--db", str(db_path), "serve"]
    command += ["--port", str(port), "--workers", "2", "--log-level", "warning"]
    log = folder / "serve.log"
    # A file, not a pipe: a full pipe would stall the server.
    with log.open("w") as log_file:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=log_file)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"hajiz serve exited: {log.read_text()}")
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail(f"hajiz serve was not ready within {STARTUP_SECONDS} s")
        # Both workers must be up: a second worker may still be loading after the first answers.
        time.sleep(1.0)
        yield base, keys
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def screen_ids(base: str, key: str, name: str) -> list[str]:
    # A new connection each time, so successive calls land on either worker.
    with httpx.Client(base_url=base, headers={"Connection": "close"}) as client:
        response = client.post("/v1/screen", json={"names": [name]}, headers=auth(key))
    assert response.status_code == 200, response.text
    return [hit["entity_id"] for hit in response.json()["results"]]


def test_live_server_screens_with_a_key_and_refuses_without(live):
    base, keys = live
    assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
    assert httpx.post(f"{base}/v1/screen", json={"names": ["Joseph Kony"]}).status_code == 401
    assert screen_ids(base, keys.screener_a, "Joseph Kony")[0] == "un-sc:CFi.009"
    assert httpx.get(f"{base}/docs").status_code == 200


def test_an_edit_reaches_every_worker(live):
    base, keys = live
    name = "Rashid Fahim Jaber"
    body = {"id": "live-1", "properties": {"name": [name]}}
    created = httpx.post(f"{base}/v1/entries", json=body, headers=auth(keys.contributor_a))
    assert created.status_code == 201, created.text
    seen = []
    for _ in range(100):
        seen.append("ALPHA:live-1" in screen_ids(base, keys.screener_a, name))
        if len(seen) >= 20 and all(seen[-20:]):
            break
        time.sleep(0.05)
    assert all(seen[-20:]), seen
    report = httpx.get(f"{base}/v1/audit/verify", headers=auth(keys.admin_a)).json()
    assert report["is_intact"] is True
