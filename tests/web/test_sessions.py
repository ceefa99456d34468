"""Sessions: a key signs in once; the session ends on sign-out, expiry or the key's revocation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hajiz.access import NotAuthenticated, add_agency, create_key, revoke_key
from hajiz.web.sessions import SignInRequired, resume, session_store, sign_in, sign_out

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(fresh_store):
    add_agency(fresh_store, "ALPHA", "Alpha")
    return session_store(fresh_store)


def test_a_session_resumes_until_it_expires(store) -> None:
    key, secret = create_key(store, "ALPHA", ["screener", "reviewer"])
    token, officer = sign_in(store, f"  {secret}\n", hours=8, now=NOW)
    assert officer.principal.key_id == key.id and officer.principal.agency == "ALPHA"
    assert secret not in token and len(token) >= 40
    again = resume(store, token, now=NOW + timedelta(hours=7))
    assert again.csrf_token == officer.csrf_token
    with pytest.raises(SignInRequired):
        resume(store, token, now=NOW + timedelta(hours=8, seconds=1))


def test_revoking_the_key_ends_its_sessions(store) -> None:
    key, secret = create_key(store, "ALPHA", ["screener"])
    token, _ = sign_in(store, secret, hours=8)
    revoke_key(store, key.id)
    with pytest.raises(SignInRequired):
        resume(store, token)


def test_signing_out_ends_the_session(store) -> None:
    _, secret = create_key(store, "ALPHA", ["screener"])
    token, officer = sign_in(store, secret, hours=8)
    sign_out(store, officer)
    with pytest.raises(SignInRequired):
        resume(store, token)


def test_unknown_keys_and_tokens_are_refused(store) -> None:
    with pytest.raises(NotAuthenticated):
        sign_in(store, "hajiz_not-a-key", hours=8)
    for token in (None, "", "made-up"):
        with pytest.raises(SignInRequired):
            resume(store, token)


def test_each_sign_in_is_a_new_session_with_its_own_form_token(store) -> None:
    _, secret = create_key(store, "ALPHA", ["screener"])
    first_token, first = sign_in(store, secret, hours=8)
    second_token, second = sign_in(store, secret, hours=8)
    assert first_token != second_token and first.csrf_token != second.csrf_token
