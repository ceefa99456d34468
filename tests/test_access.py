"""Agencies, keys and roles: creation, hashing, expiry, revocation, and who may see what."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hajiz.access import (
    KEY_PREFIX,
    Forbidden,
    NotAuthenticated,
    Principal,
    Role,
    add_agency,
    authenticate,
    can_see,
    check_may_change,
    check_releasable_to,
    create_key,
    hash_key,
    parse_roles,
    revoke_key,
    visible_or_missing,
)
from hajiz.errors import ConfigError, EntryNotFound, InvalidInput


@pytest.fixture
def store(fresh_store):
    add_agency(fresh_store, "ALPHA", "Alpha Police")
    return fresh_store


def test_a_key_is_random_shown_once_and_stored_only_as_its_hash(store):
    key, secret = create_key(store, "ALPHA", ["screener", "reviewer"], note="desk 4")
    other, other_secret = create_key(store, "ALPHA", ["screener"])
    assert secret.startswith(KEY_PREFIX) and len(secret) > 40
    assert secret != other_secret and key.id != other.id
    assert key.key_hash == hash_key(secret) != secret
    assert key.roles == (Role.SCREENER, Role.REVIEWER)
    stored = store.get_api_key(key.id)
    assert stored == key
    assert secret not in repr(store.list_api_keys())


def test_authenticate_finds_the_agency_and_roles(store):
    key, secret = create_key(store, "ALPHA", ["contributor"])
    principal = authenticate(store, secret)
    assert principal == Principal(key.id, "ALPHA", frozenset({Role.CONTRIBUTOR}))


def test_unknown_expired_and_revoked_keys_are_refused(store):
    key, secret = create_key(store, "ALPHA", ["screener"], expires_days=1)
    assert authenticate(store, secret).key_id == key.id
    with pytest.raises(NotAuthenticated):
        authenticate(store, secret, now=datetime.now(UTC) + timedelta(days=2))
    with pytest.raises(NotAuthenticated):
        authenticate(store, "hajiz_unknown")
    with pytest.raises(NotAuthenticated, match="Bearer"):
        authenticate(store, None)
    revoked = revoke_key(store, key.id)
    assert revoked.revoked_at is not None and revoked.state(datetime.now(UTC)) == "revoked"
    with pytest.raises(NotAuthenticated):
        authenticate(store, secret)


def test_bad_agencies_roles_and_expiry_are_config_errors(store):
    with pytest.raises(ConfigError, match="already exists"):
        add_agency(store, "ALPHA", "Again")
    with pytest.raises(ConfigError, match="not usable"):
        add_agency(store, "alpha lower", "Name")
    with pytest.raises(ConfigError, match="No agency 'NOPE'"):
        create_key(store, "NOPE", ["screener"])
    with pytest.raises(ConfigError, match="choose from: screener, contributor, reviewer, admin"):
        parse_roles(["superuser"])
    with pytest.raises(ConfigError, match="positive"):
        create_key(store, "ALPHA", ["screener"], expires_days=0)
    with pytest.raises(ConfigError, match="No API key"):
        revoke_key(store, "k_missing")


def test_key_changes_are_audited(store):
    key, _ = create_key(store, "ALPHA", ["admin"])
    revoke_key(store, key.id)
    actions = [record.action for record in store.iter_audit()]
    assert actions == ["agency.add", "key.create", "key.revoke"]


def test_admin_holds_every_role_others_only_their_own():
    admin = Principal("k", "ALPHA", frozenset({Role.ADMIN}))
    screener = Principal("k", "ALPHA", frozenset({Role.SCREENER}))
    assert all(admin.has(role) for role in Role)
    screener.require(Role.SCREENER, Role.ADMIN)
    with pytest.raises(Forbidden, match="contributor"):
        screener.require(Role.CONTRIBUTOR)


def test_visibility_follows_releasable_to(e):
    everyone = e("a", agency="BRAVO")
    own_only = e("b", agency="BRAVO", releasable_to=())
    named = e("c", agency="BRAVO", releasable_to=("ALPHA",))
    assert can_see(everyone, "ALPHA")
    assert not can_see(own_only, "ALPHA") and can_see(own_only, "BRAVO")
    assert can_see(named, "ALPHA") and can_see(named, "BRAVO") and not can_see(named, "CHARLIE")


def test_invisible_is_missing_and_visible_foreign_is_forbidden(e):
    alpha = Principal("k", "ALPHA", frozenset({Role.CONTRIBUTOR}))
    hidden = e("h", agency="BRAVO", releasable_to=())
    shared = e("s", agency="BRAVO")
    own = e("o", agency="ALPHA")
    with pytest.raises(EntryNotFound) as hidden_error:
        visible_or_missing(hidden, "h", alpha)
    with pytest.raises(EntryNotFound) as missing_error:
        visible_or_missing(None, "h", alpha)
    assert hidden_error.value.detail == missing_error.value.detail
    with pytest.raises(EntryNotFound):
        check_may_change(hidden, "h", alpha)
    with pytest.raises(Forbidden, match="belongs to agency BRAVO"):
        check_may_change(shared, "s", alpha)
    assert check_may_change(own, "o", alpha) is own
    assert check_may_change(None, "new", alpha) is None


def test_releasable_to_codes_are_checked():
    assert check_releasable_to(None) is None
    assert check_releasable_to(["ALPHA", "ALPHA", "BRAVO"]) == ("ALPHA", "BRAVO")
    with pytest.raises(InvalidInput, match="releasable_to"):
        check_releasable_to(["not a code"])
