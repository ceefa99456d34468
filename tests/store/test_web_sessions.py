"""Web page sessions in the store: written with their audit, read back, ended, expired."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hajiz.access import add_agency, create_key, hash_key
from hajiz.audit import AuditEvent
from hajiz.store.web_sessions import WebSession

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def session(token: str, key_id: str, *, hours: float = 8) -> WebSession:
    return WebSession(
        token_hash=hash_key(token),
        key_id=key_id,
        csrf_token=f"form-{token}",
        created_at=NOW,
        expires_at=NOW + timedelta(hours=hours),
    )


def test_a_session_is_stored_by_its_hash_and_audited(fresh_store) -> None:
    add_agency(fresh_store, "ALPHA", "Alpha")
    key, _ = create_key(fresh_store, "ALPHA", ["screener"])
    before = fresh_store.audit_head()[0]
    fresh_store.add_web_session(
        session("tok-1", key.id), audit=AuditEvent(key.id, "ALPHA", "web.sign-in")
    )
    stored = fresh_store.get_web_session(hash_key("tok-1"))
    assert stored == session("tok-1", key.id)
    assert stored.is_live(NOW) and not stored.is_live(NOW + timedelta(hours=8))
    assert fresh_store.get_web_session("tok-1") is None  # only the hash finds it
    assert fresh_store.audit_head()[0] == before + 1


def test_ending_a_session_deletes_it_and_audits_only_once(fresh_store) -> None:
    add_agency(fresh_store, "ALPHA", "Alpha")
    key, _ = create_key(fresh_store, "ALPHA", ["screener"])
    fresh_store.add_web_session(session("tok-2", key.id))
    head = fresh_store.audit_head()[0]
    event = AuditEvent(key.id, "ALPHA", "web.sign-out")
    assert fresh_store.delete_web_session(hash_key("tok-2"), audit=event) is True
    assert fresh_store.delete_web_session(hash_key("tok-2"), audit=event) is False
    assert fresh_store.get_web_session(hash_key("tok-2")) is None
    assert fresh_store.audit_head()[0] == head + 1


def test_expired_sessions_are_swept(fresh_store) -> None:
    add_agency(fresh_store, "ALPHA", "Alpha")
    key, _ = create_key(fresh_store, "ALPHA", ["screener"])
    fresh_store.add_web_session(session("short", key.id, hours=1))
    fresh_store.add_web_session(session("long", key.id, hours=10))
    assert fresh_store.delete_expired_web_sessions(NOW + timedelta(hours=2)) == 1
    assert fresh_store.get_web_session(hash_key("short")) is None
    assert fresh_store.get_web_session(hash_key("long")) is not None
