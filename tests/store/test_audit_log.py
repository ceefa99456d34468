"""The audit log and change feed of every backend: one chain under concurrent writers, atomic
changes."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from hajiz.audit import AuditEvent, AuditFailed, verify_chain
from hajiz.errors import EntryNotFound
from hajiz.store.audit_log import AuditFilter, redact_expired
from hajiz.store.service import ServiceStore, open_service_store


def break_audit_log(store) -> None:
    """Make every audit append fail (the same SQL on every backend)."""
    with store._transaction() as cursor:
        cursor.execute("ALTER TABLE audit_log RENAME TO audit_log_away")


def event(n: int, agency: str = "ALPHA", action: str = "screen") -> AuditEvent:
    return AuditEvent("k_1", agency, action, f"t{n}", query={"names": [f"N {n}"]}, detail={"n": n})


def test_appends_chain_and_read_back_exactly(fresh_store):
    fresh_store.append_audit([event(1), event(2)])
    (third,) = fresh_store.append_audit([event(3)])
    records = list(fresh_store.iter_audit())
    assert [r.seq for r in records] == [1, 2, 3]
    assert records[-1] == third
    assert fresh_store.audit_head() == (3, third.hash)
    assert verify_chain(records, fresh_store.audit_head()) == []


def test_concurrent_writers_in_two_connections_form_one_chain(db_url):
    stores = [open_service_store(db_url), open_service_store(db_url)]
    errors: list[BaseException] = []

    def write(store: ServiceStore, offset: int) -> None:
        try:
            for n in range(40):
                store.append_audit([event(offset + n)])
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [
        threading.Thread(target=write, args=(store, i * 1000)) for i, store in enumerate(stores * 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    records = list(stores[0].iter_audit())
    assert len(records) == 160
    assert verify_chain(records, stores[1].audit_head()) == []
    for store in stores:
        store.close()


def test_find_filters_and_pages(fresh_store):
    fresh_store.append_audit([event(1), event(2, "BRAVO"), event(3, action="match"), event(4)])
    assert [r.seq for r in fresh_store.find_audit(AuditFilter(agency="ALPHA"))] == [1, 3, 4]
    assert [r.seq for r in fresh_store.find_audit(AuditFilter(action="match"))] == [3]
    assert [r.seq for r in fresh_store.find_audit(AuditFilter(after_seq=1, limit=2))] == [2, 3]
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert fresh_store.find_audit(AuditFilter(since=later)) == []
    assert len(fresh_store.find_audit(AuditFilter(until=later))) == 4


def test_retention_redacts_old_queries_and_the_chain_still_verifies(fresh_store):
    fresh_store.append_audit([event(1), event(2)])
    assert redact_expired(fresh_store, 0) == 0
    assert redact_expired(fresh_store, 30) == 0
    assert redact_expired(fresh_store, 30, now=datetime.now(UTC) + timedelta(days=31)) == 2
    records = list(fresh_store.iter_audit())
    assert all(r.query is None and r.is_redacted for r in records)
    assert verify_chain(records, fresh_store.audit_head()) == []


def test_a_failing_audit_write_is_audit_failed(fresh_store):
    break_audit_log(fresh_store)
    with pytest.raises(AuditFailed, match="could not be written"):
        fresh_store.append_audit([event(1)])


def test_change_entry_writes_and_audits_in_one_transaction(fresh_store, e):
    start = fresh_store.last_change_id()
    write = fresh_store.change_entry("a", lambda before: e("a", "Ali Baba"), event(1, "TEST"))
    assert write.kind == "added" and write.before is None and write.after.version == 1
    assert write.audit.detail["after"]["id"] == "a"
    again = fresh_store.change_entry("a", lambda before: e("a", "Ali Baba"), event(2, "TEST"))
    assert again.kind == "unchanged"
    changed = fresh_store.change_entry("a", lambda before: e("a", "Ali Babba"), event(3, "TEST"))
    assert changed.kind == "changed" and changed.after.version == 2
    removed = fresh_store.change_entry("a", lambda before: None, event(4, "TEST"))
    assert removed.kind == "removed" and fresh_store.get("a") is None
    feed = fresh_store.changes_since(start)
    assert [entry_id for _, entry_id in feed] == ["a", "a", "a"]
    assert fresh_store.last_change_id() == feed[-1][0]
    assert [r.detail["kind"] for r in fresh_store.iter_audit()] == [
        "added",
        "unchanged",
        "changed",
        "removed",
    ]


def test_a_refused_or_unaudited_change_writes_nothing(fresh_store, e):
    def refuse(before):
        raise EntryNotFound("a")

    with pytest.raises(EntryNotFound):
        fresh_store.change_entry("a", refuse, event(1))
    with pytest.raises(EntryNotFound):
        fresh_store.change_entry("missing", lambda before: None, event(1))
    break_audit_log(fresh_store)
    with pytest.raises(AuditFailed):
        fresh_store.change_entry("a", lambda before: e("a"), event(1))
    assert fresh_store.get("a") is None
    assert fresh_store.last_change_id() == 0


def test_get_many_and_agency_pages(fresh_store, e):
    fresh_store.upsert([e("a1", agency="ALPHA"), e("a2", agency="ALPHA"), e("b1", agency="BRAVO")])
    assert set(fresh_store.get_many(["a1", "b1", "zz"])) == {"a1", "b1"}
    page = fresh_store.list_agency_entries("ALPHA", limit=1, offset=1)
    assert [entry.id for entry in page] == ["a2"]
