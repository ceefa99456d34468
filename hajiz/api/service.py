"""Screening over HTTP: screen for an agency, attach the entries, and audit before answering.

Nothing is screened unaudited: the audit record (who, the query, result ids and scores,
algorithm, list versions) is appended before the result leaves; if that fails, the request
fails with 503 and the result is dropped.

Each result also goes through review: hits an earlier false-positive decision covers come back
`cleared`, and a traveller with other hits at or above the algorithm's threshold gets a case
(a referral), opened in the same transaction as the audit record that names it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hajiz.access import Principal
from hajiz.api.ftm import entity_from_entry
from hajiz.api.sync import IndexSync
from hajiz.audit import AuditAction, AuditEvent, AuditRecord
from hajiz.countries import to_country_code
from hajiz.matching.algorithm import ALGORITHMS, get_algorithm
from hajiz.model import Document, Entry, Query
from hajiz.queries import build_query
from hajiz.review.model import Case, Clearance
from hajiz.review.service import ReviewService
from hajiz.screening import Hit, Screener
from hajiz.settings import Settings
from hajiz.store.service import ServiceStore

# Queries screened between two yields to the event loop in a batch.
_BATCH_STEP = 16


@dataclass(frozen=True)
class Screened:
    """One screened query: the visible hits with their entries, its audit record, its review.

    `cleared` holds, by entry id, the false-positive decisions that clear hits; `case` is the
    case this screening opened (None when nothing needs a person's decision).
    """

    query: Query
    hits: list[tuple[Hit, Entry]]
    candidates: int
    elapsed_ms: float
    audit: AuditRecord
    cleared: dict[str, Clearance] = field(default_factory=dict)
    case: Case | None = None


@dataclass(frozen=True)
class Screening:
    """What a screening request produced, plus what every result reports."""

    items: list[Screened]
    algorithm: str
    threshold: float
    list_versions: dict[str, str | None]


def query_from_request(
    *,
    query_id: str | None,
    names: list[str],
    birth_dates: list[str],
    nationalities: list[str],
    gender: str | None,
    documents: Sequence[tuple[str, str, str | None]],
    max_name_length: int,
) -> Query:
    """A checked Query from the fields of a `/v1/screen` request."""
    query = build_query(
        names,
        query_id=query_id,
        birth_dates=birth_dates,
        nationalities=nationalities,
        gender=gender,
        max_name_length=max_name_length,
    )
    docs = tuple(
        Document(type=kind, number=number, country=to_country_code(country) if country else None)
        for kind, number, country in documents
    )
    return query.model_copy(update={"documents": docs}) if docs else query


def audit_query(query: Query) -> dict[str, Any]:
    """The query as the audit log keeps it (until redacted)."""
    return query.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def hit_features(hit: Hit) -> dict[str, float]:
    """yente's `features`: the name score and each feature's signed strength."""
    features: dict[str, float] = {}
    name = hit.explanation.get("name")
    if isinstance(name, dict) and isinstance(name.get("score"), int | float):
        features["name"] = round(float(name["score"]), 4)
    for feature in hit.explanation.get("features") or []:
        if isinstance(feature, dict) and isinstance(feature.get("strength"), int | float):
            features[str(feature.get("feature"))] = round(float(feature["strength"]), 4)
    return features


class ScreeningService:
    """Screens for one agency at a time through the worker's synced index."""

    def __init__(self, store: ServiceStore, sync: IndexSync, settings: Settings) -> None:
        self.store = store
        self.sync = sync
        self.settings = settings
        self.review = ReviewService(store, settings)
        self._algorithms: dict[str, tuple[Any, Screener]] = {}

    def screener(self, algorithm: str | None = None) -> Screener:
        """The screener for an algorithm (default: the service's), sharing the one index."""
        main = self.sync.screener
        if algorithm is None or algorithm == main.algorithm.NAME:
            return main
        cached = self._algorithms.get(algorithm)
        if cached is None or cached[0] is not main.index:
            cached = (main.index, Screener(main.index, get_algorithm(algorithm)))
            self._algorithms[algorithm] = cached
        return cached[1]

    def _catch_up_all(self) -> int:
        """Apply every change the store has that the index lacks (no await: all at once)."""
        applied = 0
        while step := self.sync.catch_up():
            applied += step
        return applied

    @staticmethod
    def algorithm_names() -> list[str]:
        """Every algorithm name."""
        return list(ALGORITHMS)

    async def screen(
        self,
        principal: Principal,
        queries: Sequence[Query],
        *,
        limit: int,
        threshold: float | None,
        algorithm: str | None = None,
        action: AuditAction = AuditAction.SCREEN,
        endpoint: str = "/v1/screen",
        keep: Callable[[Entry], bool] | None = None,
        show: int | None = None,
    ) -> Screening:
        """Screen queries for the caller's agency and audit each, in one audit transaction.

        `keep` filters the hits' entries and `show` cuts the list, before the audit: the audit
        records exactly what the caller is shown.
        """
        screener = self.screener(algorithm)
        threshold = screener.threshold if threshold is None else threshold
        for attempt in range(2):
            results = []
            for start in range(0, len(queries), _BATCH_STEP):
                if start:
                    await asyncio.sleep(0)  # let other requests in between parts of a batch
                for query in queries[start : start + _BATCH_STEP]:
                    results.append(
                        screener.screen(
                            query, limit=limit, threshold=threshold, agency=principal.agency
                        )
                    )
            entries = self.store.get_many(h.entry_id for r in results for h in r.hits)
            is_current = all(
                h.entry_id in entries and entries[h.entry_id].version == h.entry_version
                for r in results
                for h in r.hits
            )
            # The store is ahead of this worker's index (another server's change, not yet
            # followed): catch up and screen once more, so a list switches all at once.
            if is_current or attempt or not self._catch_up_all():
                break
        versions = self.sync.list_versions(principal.agency)
        kept: list[list[tuple[Hit, Entry]]] = [
            # An entry deleted since the index last synced is dropped, not shown half-known.
            [
                (h, entries[h.entry_id])
                for h in result.hits
                if h.entry_id in entries and (keep is None or keep(entries[h.entry_id]))
            ][:show]
            for result in results
        ]
        referrals = self.review.refer(
            principal,
            list(zip(queries, kept, strict=True)),
            threshold=screener.threshold,
            algorithm=screener.algorithm_id,
        )
        events = []
        for query, result, hits, referral in zip(queries, results, kept, referrals, strict=True):
            detail = {
                "endpoint": endpoint,
                "results": [[hit.entry_id, round(hit.score, 4)] for hit, _ in hits],
                "algorithm": result.algorithm,
                "threshold": threshold,
                "list_versions": versions,
                "case": None if referral.case is None else referral.case.id,
                "cleared": {entry_id: c.decision_id for entry_id, c in referral.cleared.items()},
            }
            events.append(
                AuditEvent(
                    actor=principal.key_id,
                    agency=principal.agency,
                    action=action,
                    subject=query.id,
                    query=audit_query(query),
                    detail=detail,
                )
            )
        records = self.store.audit_screening(events, [r.case for r in referrals])
        items = [
            Screened(
                query,
                hits,
                result.candidates,
                result.elapsed_ms,
                record,
                referral.cleared,
                referral.case,
            )
            for query, hits, result, record, referral in zip(
                queries, kept, results, records, referrals, strict=True
            )
        ]
        return Screening(items, screener.algorithm_id, threshold, versions)


def hit_document(hit: Hit, entry: Entry, cleared: Clearance | None = None) -> dict[str, Any]:
    """One hit of `/v1/screen`; `cleared` names the decision that clears it, if one does."""
    return {
        **hit.to_dict(),
        "caption": entry.primary_name,
        "schema": entry.schema_.value,
        "cleared": None if cleared is None else cleared.to_dict(),
    }


def scored_entity(
    hit: Hit, entry: Entry, threshold: float, cleared: Clearance | None = None
) -> dict[str, Any]:
    """One result of `/match`: the entity, score, features and match flag, as yente has them.

    `cleared` is hajiz's addition (yente clients ignore it): the decision clearing the hit.
    """
    return {
        **entity_from_entry(entry),
        "score": round(hit.score, 4),
        "features": hit_features(hit),
        "match": hit.score >= threshold,
        "explanation": hit.explanation,
        "cleared": None if cleared is None else cleared.to_dict(),
    }
