"""`hajiz serve` for real: uvicorn with two worker processes on a loopback port.

An entry added through one connection must reach screening in every worker (each follows the
store's change feed), so the check screens through many fresh connections, which the kernel
spreads over both workers.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.api.conftest import auth, seed
from tests.live_server import serving


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[tuple[str, object]]:
    folder = tmp_path_factory.mktemp("live")
    db_path = folder / "hajiz.db"
    keys = seed(str(db_path))
    with serving(str(db_path), [folder]) as (server,):
        yield server.base, keys


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
