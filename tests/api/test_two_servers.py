"""Two `hajiz serve` processes on loopback sharing one PostgreSQL store.

What one server changes, the other screens with at once: its change feed follower is woken by
PostgreSQL's NOTIFY (the servers poll only every 5 s here, so polling alone would be too late).
Screenings audited by both form one chain, and an import through one server reaches the other
whole: no screening ever sees half of it. Needs the PostgreSQL test server (see conftest).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from tests.api.conftest import FIXTURES, Keys, auth, seed
from tests.live_server import serving

# Far longer than a change takes to arrive by NOTIFY: polling alone would miss the deadline.
SYNC_INTERVAL = "5"
ARRIVAL_SECONDS = 4.0
OLD_ID, NEW_ID = "un-sc:CFi.009", "un-sc:CFi.999"


@dataclass(frozen=True)
class Servers:
    """The two servers' base URLs and the seeded keys."""

    a: str
    b: str
    keys: Keys


@pytest.fixture(scope="module")
def servers(tmp_path_factory, postgres_database) -> Iterator[Servers]:
    folder = tmp_path_factory.mktemp("two-servers")
    db_url = postgres_database.new_url()
    keys = seed(db_url)
    folders = [folder / "a", folder / "b"]
    with serving(db_url, folders, workers=1, sync_interval=SYNC_INTERVAL) as (a, b):
        yield Servers(a.base, b.base, keys)


def screen(client: httpx.Client, key: str, *names: str) -> dict:
    body = {"queries": [{"names": [name]} for name in names]}
    response = client.post("/v1/screen/batch", json=body, headers=auth(key))
    assert response.status_code == 200, response.text
    return response.json()


def hit_ids(item: dict) -> set[str]:
    return {hit["entity_id"] for hit in item["results"]}


def test_an_entry_added_through_one_server_is_screened_by_the_other(servers):
    name = "Rashid Fahim Jaber"
    body = {"id": "two-1", "properties": {"name": [name]}}
    created = httpx.post(
        f"{servers.a}/v1/entries", json=body, headers=auth(servers.keys.contributor_a)
    )
    assert created.status_code == 201, created.text
    with httpx.Client(base_url=servers.b) as b:
        deadline = time.monotonic() + ARRIVAL_SECONDS
        while "ALPHA:two-1" not in hit_ids(screen(b, servers.keys.screener_a, name)["results"][0]):
            assert time.monotonic() < deadline, "the entry did not reach the other server"
            time.sleep(0.05)
        deleted = httpx.delete(
            f"{servers.a}/v1/entries/ALPHA:two-1", headers=auth(servers.keys.contributor_a)
        )
        assert deleted.status_code == 204, deleted.text
        deadline = time.monotonic() + ARRIVAL_SECONDS
        while "ALPHA:two-1" in hit_ids(screen(b, servers.keys.screener_a, name)["results"][0]):
            assert time.monotonic() < deadline, "the deletion did not reach the other server"
            time.sleep(0.05)


def test_screenings_on_both_servers_at_once_form_one_audit_chain(servers):
    errors: list[BaseException] = []

    def screen_many(base: str) -> None:
        try:
            with httpx.Client(base_url=base) as client:
                for _ in range(15):
                    screen(client, servers.keys.screener_a, "Joseph Kony", "Monir Chouka")
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=screen_many, args=(b,)) for b in [servers.a, servers.b] * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = httpx.get(f"{servers.b}/v1/audit/verify", headers=auth(servers.keys.admin_a)).json()
    assert report["is_intact"] is True, report["problems"]
    assert report["records"] == report["head"]["seq"] >= 4 * 15 * 2


def new_un_list() -> bytes:
    """The small UN list in a later version: Kony (CFi.009) gone, CFi.999 new in his place."""
    text = (FIXTURES / "un_sc_small.xml").read_text(encoding="utf-8")
    changes = [
        ('dateGenerated="2026-02-27T00:00:09.554Z"', 'dateGenerated="2026-03-15T00:00:09.554Z"'),
        ("<FIRST_NAME>JOSEPH</FIRST_NAME>", "<FIRST_NAME>NASSER</FIRST_NAME>"),
        ("<SECOND_NAME>KONY</SECOND_NAME>", "<SECOND_NAME>HADDAD</SECOND_NAME>"),
        (
            "<REFERENCE_NUMBER>CFi.009</REFERENCE_NUMBER>",
            "<REFERENCE_NUMBER>CFi.999</REFERENCE_NUMBER>",
        ),
    ]
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text.encode()


def test_an_import_through_one_server_reaches_the_other_whole(servers):
    """Every screening on B sees the old list or the new one, never a mix of the two.

    A screening that meets an entry the store has changed since B's index last synced makes B
    catch up and screen again, so even "old list without Kony" is never seen.
    """
    seen: list[tuple[str | None, bool, bool]] = []
    stop = threading.Event()

    def watch() -> None:
        with httpx.Client(base_url=servers.b) as b:
            while not stop.is_set():
                result = screen(b, servers.keys.screener_a, "Joseph Kony", "Nasser Haddad")
                old, new = (hit_ids(item) for item in result["results"])
                seen.append((result["list_versions"].get("un-sc"), OLD_ID in old, NEW_ID in new))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        deadline = time.monotonic() + 30
        while not seen:  # B has screened on the old list before the import starts
            assert watcher.is_alive() and time.monotonic() < deadline, "B does not screen"
            time.sleep(0.01)
        files = [("files", ("consolidated.xml", new_un_list(), "application/xml"))]
        imported = httpx.post(
            f"{servers.a}/v1/lists/import",
            data={"format": "un-sc"},
            files=files,
            headers=auth(servers.keys.admin_a),
            timeout=60,
        )
        assert imported.status_code == 200, imported.text
        assert (imported.json()["added"], imported.json()["removed"]) == (1, 1)
        deadline = time.monotonic() + ARRIVAL_SECONDS
        while not (seen and seen[-1][2]):
            assert time.monotonic() < deadline, "the import did not reach the other server"
            time.sleep(0.05)
    finally:
        stop.set()
        watcher.join()
    new_version = seen[-1][0]
    assert new_version is not None and new_version.startswith("2026-03-15")
    for version, has_old, has_new in seen:
        # The new entry and the new list version move together, and never with the old entry.
        assert (version == new_version) == has_new, (version, has_old, has_new)
        assert (version == new_version) != has_old, (version, has_old, has_new)
    assert seen[0][1:] == (True, False)
