"""The hash chain, pure: sealing, redaction, and naming every kind of tampering."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hajiz.audit import (
    GENESIS,
    AuditEvent,
    AuditRecord,
    canonical_json,
    digest_query,
    redact,
    seal,
    verify_chain,
)

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def chain(count: int) -> list[AuditRecord]:
    records: list[AuditRecord] = []
    previous = GENESIS
    for seq in range(1, count + 1):
        event = AuditEvent(
            actor="k_1",
            agency="ALPHA",
            action="screen",
            subject=f"t{seq}",
            query={"names": [f"Traveller {seq}"]},
            detail={"results": [["un-sc:1", 0.9 + seq / 1000]]},
        )
        record = seal(event, seq, T0 + timedelta(seconds=seq), previous)
        records.append(record)
        previous = record.hash
    return records


def head(records: list[AuditRecord]) -> tuple[int, str]:
    return records[-1].seq, records[-1].hash


def problems(records: list[AuditRecord], recorded: tuple[int, str] | None) -> list[str]:
    return [str(p) for p in verify_chain(records, recorded)]


def test_an_intact_chain_has_no_problems():
    records = chain(5)
    assert records[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(records))
    assert problems(records, head(records)) == []
    assert problems([], (0, GENESIS)) == []


def test_canonical_json_is_independent_of_key_order():
    assert canonical_json({"b": 1, "a": [1, {"d": 2, "c": 3}]}) == canonical_json(
        {"a": [1, {"c": 3, "d": 2}], "b": 1}
    )
    assert digest_query({"x": 1, "y": 2}) == digest_query({"y": 2, "x": 1})
    assert digest_query(None) is None


def test_redacting_a_query_keeps_the_chain_valid():
    records = chain(3)
    redacted = [records[0], redact(records[1]), records[2]]
    assert redacted[1].query is None and redacted[1].is_redacted
    assert problems(redacted, head(records)) == []


def test_an_altered_record_is_named():
    records = chain(4)
    records[1] = replace(records[1], detail={"results": []})
    assert problems(records, head(records)) == [
        "record 2: altered: its content does not match its hash"
    ]


def test_an_altered_query_is_named_even_though_the_hash_covers_its_digest():
    records = chain(3)
    records[2] = replace(records[2], query={"names": ["Someone Else"]})
    assert problems(records, head(records)) == [
        "record 3: altered: its query does not match its digest"
    ]


def test_a_rehashed_record_breaks_the_next_link():
    records = chain(4)
    forged = seal(AuditEvent("k_9", "ALPHA", "screen"), 2, T0, records[0].hash)
    records[1] = forged
    assert problems(records, head(records)) == [
        "record 3: does not link to record 2: one of them was altered or replaced"
    ]


def test_a_deleted_record_is_named():
    records = chain(5)
    del records[2]
    assert problems(records, head(chain(5))) == ["record 4: records 3 to 3 were deleted"]


def test_deleted_first_and_last_records_are_named():
    records = chain(5)
    assert problems(records[1:], head(records)) == [
        "record 2: records 1 to 1 were deleted (the chain starts at 2)"
    ]
    assert problems(records[:-2], head(records)) == ["record 5: records 4 to 5 were deleted"]
    assert problems([], head(records)) == [
        "record 5: records 1 to 5 were deleted (the log is empty)"
    ]


def test_an_inserted_record_is_named():
    records = chain(4)
    intruder = seal(AuditEvent("k_9", "ALPHA", "screen"), 3, T0, records[1].hash)
    renumbered = [replace(r, seq=r.seq + 1) for r in records[2:]]  # seq is hashed: altered too
    tampered = [*records[:2], intruder, *renumbered]
    found = problems(tampered, (5, tampered[-1].hash))
    assert "record 4: record 3 before it was inserted (this one links past it)" in found


def test_a_record_appended_without_the_head_is_named():
    records = chain(3)
    extra = seal(AuditEvent("k_9", "ALPHA", "screen"), 4, T0, records[-1].hash)
    assert problems([*records, extra], head(records)) == [
        "record 4: records 4 to 4 were appended outside the log"
    ]
    assert problems(records, None) == [
        "record 3: the log's recorded head is missing (it was deleted)"
    ]
