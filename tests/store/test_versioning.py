from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hajiz.errors import InvalidInput
from hajiz.store.versioning import BatchCheck, ChangeKind, Stored, plan

T0 = datetime(2026, 1, 1, tzinfo=UTC)
T1 = datetime(2026, 1, 2, tzinfo=UTC)
NOW = datetime(2026, 2, 1, tzinfo=UTC)


def stored_as(entry, *, version=3, source_version="v1") -> Stored:
    return Stored(
        source=entry.source,
        source_version=source_version,
        version=version,
        content_hash=entry.content_hash(),
        created_at=T0,
        updated_at=T1,
    )


def test_new_entry_is_added_at_version_1(e):
    planned = plan(e("a"), None, NOW)
    assert planned.kind is ChangeKind.ADDED
    assert planned.needs_write
    assert (planned.entry.version, planned.entry.created_at, planned.entry.updated_at) == (
        1,
        NOW,
        NOW,
    )


def test_same_content_same_list_version_needs_no_write(e):
    entry = e("a", source_version="v1")
    planned = plan(entry, stored_as(entry), NOW)
    assert planned.kind is ChangeKind.UNCHANGED
    assert not planned.needs_write
    assert (planned.entry.version, planned.entry.created_at, planned.entry.updated_at) == (
        3,
        T0,
        T1,
    )


def test_same_content_new_list_version_is_unchanged_but_written(e):
    entry = e("a", source_version="v2")
    planned = plan(entry, stored_as(entry), NOW)
    assert planned.kind is ChangeKind.UNCHANGED
    assert planned.needs_write
    assert planned.entry.version == 3
    assert planned.entry.source_version == "v2"


def test_new_content_bumps_version_and_keeps_created_at(e):
    old = e("a")
    planned = plan(e("a", birth_date="1970"), stored_as(old), NOW)
    assert planned.kind is ChangeKind.CHANGED
    assert (planned.entry.version, planned.entry.created_at, planned.entry.updated_at) == (
        4,
        T0,
        NOW,
    )


def test_id_of_another_source_is_refused(e):
    with pytest.raises(InvalidInput, match="already held by source 'other'"):
        plan(e("a"), stored_as(e("a", source="other")), NOW)


def test_batch_check_refuses_duplicates_and_foreign_sources(e):
    check = BatchCheck("test")
    check.check(e("a"))
    with pytest.raises(InvalidInput, match="appears twice"):
        check.check(e("a"))
    with pytest.raises(InvalidInput, match="belongs to source 'x'"):
        check.check(e("b", source="x"))
    BatchCheck(None).check(e("c", source="anything"))
