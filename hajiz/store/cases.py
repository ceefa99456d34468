"""Review cases, decisions and suppressions in the store (mixed into `SQLStore`).

Opening cases shares the transaction of the screening's audit records, and each decision or
revocation shares one with its audit record: if the audit cannot be written, nothing is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

import orjson

from hajiz.audit import AuditEvent, AuditRecord
from hajiz.review.model import (
    Case,
    CaseHit,
    CaseStatus,
    Decision,
    DecisionKind,
    HitStatus,
    Suppression,
)
from hajiz.review.rules import CaseNotFound, DecisionPlan
from hajiz.store.dialect import in_lists
from hajiz.store.migrations import Cursor
from hajiz.store.suppressions import SuppressionsMixin, SuppressionStore, json_value

_CASE_COLUMNS = (
    *("id", "agency", "actor", "status", "opened_at", "updated_at", "query"),
    *("traveller_keys", "algorithm", "threshold", "audit_seq"),
)
_HIT_COLUMNS = (
    *("case_id", "entry_id", "position", "entry_version", "entry_agency", "source", "caption"),
    *("score", "band", "explanation", "releasable_to", "status", "escalated_to"),
)
_DECISION_COLUMNS = (
    *("id", "case_id", "entry_id", "entry_version", "kind", "reason", "reviewer", "agency"),
    *("decided_at", "audit_seq"),
)


@dataclass(frozen=True)
class CaseFilter:
    """Which cases to list. `agency` (opened by it) and `escalated_to` combine with OR.

    `status` is the case's status for cases an agency opened, and the status of the hit
    escalated to it for the others. Neither agency given: every case (the command line).
    """

    agency: str | None = None
    escalated_to: str | None = None
    status: str | None = None
    limit: int = 50
    offset: int = 0


class CaseStore(SuppressionStore, Protocol):
    """What review cases need from a store."""

    def audit_screening(
        self, events: Sequence[AuditEvent], cases: Sequence[Case | None]
    ) -> list[AuditRecord]:
        """Append screening audit records and open the cases beside them, in one transaction."""
        ...

    def get_case(self, case_id: str) -> Case | None:
        """The case with its hits and decisions, or None."""
        ...

    def find_cases(self, where: CaseFilter) -> list[Case]:
        """Cases matching a filter, oldest first."""
        ...

    def decide_case(
        self,
        case_id: str,
        plan: Callable[[Case], DecisionPlan],
        audit: Callable[[DecisionPlan], AuditEvent],
    ) -> tuple[Case, Decision, Suppression | None]:
        """Write one decision (and its suppression) with its audit record, in one transaction."""
        ...


class CasesMixin(SuppressionsMixin):
    """CaseStore over the SQL of `SQLStore` (mixed into it, with the suppressions)."""

    # -- opening cases ------------------------------------------------------------------------

    def audit_screening(
        self, events: Sequence[AuditEvent], cases: Sequence[Case | None]
    ) -> list[AuditRecord]:
        """Append screening audit records and open the cases beside them, in one transaction.

        `cases[i]` belongs to `events[i]` (None: that screening opened no case); each case
        records the seq of its screening's audit record.
        """
        opened = [(i, case) for i, case in enumerate(cases) if case is not None]
        if not opened:
            return self.append_audit(events)
        with self._transaction() as cursor:
            records = self._append_audit(cursor, events)
            for index, case in opened:
                self._insert_case(cursor, replace(case, audit_seq=records[index].seq))
        return records

    def _insert_case(self, cursor: Cursor, case: Case) -> None:
        cursor.execute(
            self._insert("cases", _CASE_COLUMNS),
            (
                case.id,
                case.agency,
                case.actor,
                case.status.value,
                self._time(case.opened_at),
                self._time(case.updated_at),
                orjson.dumps(case.query).decode(),
                orjson.dumps(list(case.traveller_keys)).decode(),
                case.algorithm,
                case.threshold,
                case.audit_seq,
            ),
        )
        cursor.executemany(
            self._insert("case_hits", _HIT_COLUMNS),
            [
                (
                    case.id,
                    hit.entry_id,
                    position,
                    hit.entry_version,
                    hit.entry_agency,
                    hit.source,
                    hit.caption,
                    hit.score,
                    hit.band,
                    orjson.dumps(hit.explanation).decode(),
                    None if hit.releasable_to is None else orjson.dumps(hit.releasable_to).decode(),
                    hit.status.value,
                    hit.escalated_to,
                )
                for position, hit in enumerate(case.hits)
            ],
        )

    # -- reading cases ------------------------------------------------------------------------

    def get_case(self, case_id: str) -> Case | None:
        """The case with its hits and decisions, or None."""
        with self._read() as cursor:
            cases = self._load_cases(cursor, f"c.id = {self.dialect.param}", [case_id], "", [])
        return cases[0] if cases else None

    def find_cases(self, where: CaseFilter) -> list[Case]:
        """Cases matching a filter, oldest first."""
        p = self.dialect.param
        mine: list[str] = []
        params: list[Any] = []
        if where.agency is not None:
            clause, status = f"c.agency = {p}", [where.agency]
            if where.status is not None:
                clause, status = f"({clause} AND c.status = {p})", [where.agency, where.status]
            mine.append(clause)
            params.extend(status)
        if where.escalated_to is not None:
            hit_status = f" AND h.status = {p}" if where.status is not None else ""
            mine.append(
                "EXISTS (SELECT 1 FROM case_hits h WHERE h.case_id = c.id "
                f"AND h.escalated_to = {p}{hit_status})"
            )
            params.append(where.escalated_to)
            if where.status is not None:
                params.append(where.status)
        if mine:
            clause = f"({' OR '.join(mine)})"
        elif where.status is not None:
            clause, params = f"c.status = {p}", [where.status]
        else:
            clause = "1 = 1"
        page = f" LIMIT {p} OFFSET {p}"
        with self._read() as cursor:
            return self._load_cases(
                cursor, clause, params, page, [max(where.limit, 0), max(where.offset, 0)]
            )

    def _load_cases(
        self, cursor: Cursor, where: str, params: list[Any], page: str, page_params: list[Any]
    ) -> list[Case]:
        columns = ", ".join(f"c.{column}" for column in _CASE_COLUMNS)
        cursor.execute(
            f"SELECT {columns} FROM cases c WHERE {where} "
            f"ORDER BY c.opened_at, c.id{self.dialect.binary_collation}{page}",
            (*params, *page_params),
        )
        rows = cursor.fetchall()
        ids = [row[0] for row in rows]
        hits: dict[str, list[CaseHit]] = {case_id: [] for case_id in ids}
        decisions: dict[str, list[Decision]] = {case_id: [] for case_id in ids}
        for chunk in in_lists(ids):
            marks = self.dialect.params(len(chunk))
            cursor.execute(
                f"SELECT {', '.join(_HIT_COLUMNS)} FROM case_hits WHERE case_id IN ({marks}) "
                "ORDER BY case_id, position",
                chunk,
            )
            for row in cursor.fetchall():
                hits[row[0]].append(self._hit(row))
            cursor.execute(
                f"SELECT {', '.join(_DECISION_COLUMNS)} FROM case_decisions "
                f"WHERE case_id IN ({marks}) ORDER BY decided_at, id",
                chunk,
            )
            for row in cursor.fetchall():
                decisions[row[1]].append(self._decision(row))
        return [self._case(row, hits[row[0]], decisions[row[0]]) for row in rows]

    def _case(self, row: Sequence[Any], hits: list[CaseHit], decisions: list[Decision]) -> Case:
        opened_at = self._read_time(row[4])
        updated_at = self._read_time(row[5])
        assert opened_at is not None and updated_at is not None  # NOT NULL columns
        return Case(
            id=row[0],
            agency=row[1],
            actor=row[2],
            status=CaseStatus(row[3]),
            opened_at=opened_at,
            updated_at=updated_at,
            query=json_value(row[6]),
            traveller_keys=tuple(json_value(row[7])),
            algorithm=row[8],
            threshold=float(row[9]),
            audit_seq=None if row[10] is None else int(row[10]),
            hits=tuple(hits),
            decisions=tuple(decisions),
        )

    @staticmethod
    def _hit(row: Sequence[Any]) -> CaseHit:
        releasable = json_value(row[10])
        return CaseHit(
            entry_id=row[1],
            entry_version=int(row[3]),
            entry_agency=row[4],
            source=row[5],
            caption=row[6],
            score=float(row[7]),
            band=row[8],
            explanation=json_value(row[9]),
            releasable_to=None if releasable is None else tuple(releasable),
            status=HitStatus(row[11]),
            escalated_to=row[12],
        )

    def _decision(self, row: Sequence[Any]) -> Decision:
        decided_at = self._read_time(row[8])
        assert decided_at is not None
        return Decision(
            id=row[0],
            case_id=row[1],
            entry_id=row[2],
            entry_version=int(row[3]),
            kind=DecisionKind(row[4]),
            reason=row[5],
            reviewer=row[6],
            agency=row[7],
            decided_at=decided_at,
            audit_seq=None if row[9] is None else int(row[9]),
        )

    # -- decisions ----------------------------------------------------------------------------

    def decide_case(
        self,
        case_id: str,
        plan: Callable[[Case], DecisionPlan],
        audit: Callable[[DecisionPlan], AuditEvent],
    ) -> tuple[Case, Decision, Suppression | None]:
        """Write one decision (and its suppression) with its audit record, in one transaction.

        `plan` runs inside the transaction, on the case as stored then, so two reviewers
        deciding the same hit at once cannot both succeed.
        """
        p = self.dialect.param
        with self._transaction() as cursor:
            cursor.execute(
                f"SELECT id FROM cases WHERE id = {p}{self.dialect.lock_row}", (case_id,)
            )
            if cursor.fetchone() is None:
                raise CaseNotFound(case_id)
            (case,) = self._load_cases(cursor, f"c.id = {p}", [case_id], "", [])
            planned = plan(case)
            (record,) = self._append_audit(cursor, [audit(planned)])
            decision = replace(planned.decision, audit_seq=record.seq)
            hit = planned.hit
            cursor.execute(
                self._insert("case_decisions", _DECISION_COLUMNS),
                (
                    decision.id,
                    decision.case_id,
                    decision.entry_id,
                    decision.entry_version,
                    decision.kind.value,
                    decision.reason,
                    decision.reviewer,
                    decision.agency,
                    self._time(decision.decided_at),
                    decision.audit_seq,
                ),
            )
            cursor.execute(
                f"UPDATE case_hits SET status = {p}, escalated_to = {p} "
                f"WHERE case_id = {p} AND entry_id = {p}",
                (hit.status.value, hit.escalated_to, case_id, hit.entry_id),
            )
            cursor.execute(
                f"UPDATE cases SET status = {p}, updated_at = {p} WHERE id = {p}",
                (planned.case_status.value, self._time(decision.decided_at), case_id),
            )
            if planned.suppression is not None:
                self._insert_suppression(cursor, planned.suppression)
            (after,) = self._load_cases(cursor, f"c.id = {p}", [case_id], "", [])
        return after, decision, planned.suppression
