"""The audit trail as a hash chain: canonical records, their hashes, and chain verification.

Each record carries the hash of the record before it, so altering, inserting or deleting a
record breaks the chain at that point. The hash covers a digest of the query rather than the
query itself: once the retention period has passed the query text is redacted, and the chain
still verifies (the digest stays). Pure: no storage here, see `store/audit_log.py`.

    >>> record = seal(AuditEvent("k1", "BORDER", "screen", query={"names": ["X"]}), 1, now, GENESIS)
    >>> verify_chain([record], head=(1, record.hash))
    []
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import orjson

from hajiz.errors import HajizError

# The "previous hash" of the first record.
GENESIS = "0" * 64


class AuditFailed(HajizError):
    """The audit record could not be written, so the action was not carried out."""

    status = 503


class AuditAction(StrEnum):
    """What an audit record is about."""

    SCREEN = "screen"
    MATCH = "match"
    ENTRY_CREATE = "entry.create"
    ENTRY_UPDATE = "entry.update"
    ENTRY_DELETE = "entry.delete"
    LIST_IMPORT = "list.import"
    AGENCY_ADD = "agency.add"
    KEY_CREATE = "key.create"
    KEY_REVOKE = "key.revoke"
    CASE_DECIDE = "case.decide"
    SUPPRESSION_REVOKE = "suppression.revoke"


@dataclass(frozen=True)
class AuditEvent:
    """Something to record: who (key id and agency), what, about what, with which query."""

    actor: str
    agency: str
    action: str
    subject: str | None = None
    query: Mapping[str, Any] | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditRecord:
    """One sealed record of the audit log."""

    seq: int
    at: datetime
    actor: str
    agency: str
    action: str
    subject: str | None
    query_digest: str | None
    query: Mapping[str, Any] | None
    detail: Mapping[str, Any]
    prev_hash: str
    hash: str

    @property
    def is_redacted(self) -> bool:
        """Whether the query text has been removed after the retention period."""
        return self.query_digest is not None and self.query is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as `GET /v1/audit` and `hajiz audit list` show it."""
        return {
            "seq": self.seq,
            "at": format_time(self.at),
            "actor": self.actor,
            "agency": self.agency,
            "action": self.action,
            "subject": self.subject,
            "query": self.query,
            "query_digest": self.query_digest,
            "is_redacted": self.is_redacted,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class ChainProblem:
    """One place where the chain does not hold, and what that means."""

    seq: int
    problem: str

    def __str__(self) -> str:
        return f"record {self.seq}: {self.problem}"


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the same value always gives the same bytes."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def format_time(at: datetime) -> str:
    """A UTC time as hashed and shown: ISO 8601 with microseconds."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def digest_query(query: Mapping[str, Any] | None) -> str | None:
    """The SHA-256 of a query's canonical JSON (None when there is no query)."""
    if query is None:
        return None
    return hashlib.sha256(canonical_json(query)).hexdigest()


def record_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    agency: str,
    action: str,
    subject: str | None,
    query_digest: str | None,
    detail: Mapping[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 over the canonical JSON of a record's fields and the previous record's hash."""
    content = {
        "seq": seq,
        "at": format_time(at),
        "actor": actor,
        "agency": agency,
        "action": action,
        "subject": subject,
        "query_digest": query_digest,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(content)).hexdigest()


def seal(event: AuditEvent, seq: int, at: datetime, prev_hash: str) -> AuditRecord:
    """The record for an event, placed at `seq` after the record whose hash is `prev_hash`."""
    # Round-trip through JSON so the record holds exactly what storage will give back.
    detail = orjson.loads(canonical_json(dict(event.detail)))
    query = None if event.query is None else orjson.loads(canonical_json(dict(event.query)))
    query_digest = digest_query(query)
    return AuditRecord(
        seq=seq,
        at=at,
        actor=event.actor,
        agency=event.agency,
        action=event.action,
        subject=event.subject,
        query_digest=query_digest,
        query=query,
        detail=detail,
        prev_hash=prev_hash,
        hash=record_hash(
            seq=seq,
            at=at,
            actor=event.actor,
            agency=event.agency,
            action=event.action,
            subject=event.subject,
            query_digest=query_digest,
            detail=detail,
            prev_hash=prev_hash,
        ),
    )


def redact(record: AuditRecord) -> AuditRecord:
    """The record without its query text; its hash stays valid."""
    return replace(record, query=None)


def _recomputed(record: AuditRecord) -> str:
    return record_hash(
        seq=record.seq,
        at=record.at,
        actor=record.actor,
        agency=record.agency,
        action=record.action,
        subject=record.subject,
        query_digest=record.query_digest,
        detail=record.detail,
        prev_hash=record.prev_hash,
    )


def verify_chain(
    records: Iterable[AuditRecord], head: tuple[int, str] | None
) -> list[ChainProblem]:
    """Every break in the chain: altered, inserted or deleted records (empty when intact).

    `records` must come in `seq` order; `head` is the (seq, hash) the log recorded as its last
    record, which catches records deleted from the end.
    """
    problems: list[ChainProblem] = []
    previous: AuditRecord | None = None
    before_previous_hash: str | None = None
    for record in records:
        if _recomputed(record) != record.hash:
            problems.append(
                ChainProblem(record.seq, "altered: its content does not match its hash")
            )
        if record.query is not None and digest_query(record.query) != record.query_digest:
            problems.append(
                ChainProblem(record.seq, "altered: its query does not match its digest")
            )
        expected = GENESIS if previous is None else previous.hash
        if record.prev_hash != expected:
            problems.append(
                ChainProblem(record.seq, _link_problem(record, previous, before_previous_hash))
            )
        elif previous is not None and record.seq != previous.seq + 1:
            # Linked correctly across a gap: the numbering itself was changed.
            problems.append(ChainProblem(record.seq, f"renumbered (follows {previous.seq})"))
        before_previous_hash = previous.hash if previous is not None else GENESIS
        previous = record
    problems.extend(_head_problems(previous, head))
    return problems


def _link_problem(
    record: AuditRecord, previous: AuditRecord | None, before_previous_hash: str | None
) -> str:
    if previous is None:
        if record.seq > 1:
            return f"records 1 to {record.seq - 1} were deleted (the chain starts at {record.seq})"
        return "altered: the first record does not start the chain"
    if record.seq > previous.seq + 1:
        return f"records {previous.seq + 1} to {record.seq - 1} were deleted"
    if record.prev_hash == before_previous_hash:
        return f"record {previous.seq} before it was inserted (this one links past it)"
    return f"does not link to record {previous.seq}: one of them was altered or replaced"


def _head_problems(last: AuditRecord | None, head: tuple[int, str] | None) -> list[ChainProblem]:
    if head is None:
        if last is None:
            return []
        return [ChainProblem(last.seq, "the log's recorded head is missing (it was deleted)")]
    head_seq, head_hash = head
    if last is None:
        if head_seq == 0:
            return []
        return [ChainProblem(head_seq, f"records 1 to {head_seq} were deleted (the log is empty)")]
    if last.seq < head_seq:
        return [ChainProblem(head_seq, f"records {last.seq + 1} to {head_seq} were deleted")]
    if last.seq > head_seq:
        return [
            ChainProblem(
                last.seq, f"records {head_seq + 1} to {last.seq} were appended outside the log"
            )
        ]
    if last.hash != head_hash:
        return [ChainProblem(last.seq, "altered: the last record does not match the log's head")]
    return []
