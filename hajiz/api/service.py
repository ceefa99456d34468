"""Screening over HTTP: screen for an agency, attach the entries, and audit before answering.

Nothing is screened unaudited: the audit record (who, the query, result ids and scores,
algorithm, list versions) is appended before the result leaves; if that fails, the request
fails with 503 and the result is dropped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hajiz.access import Principal
from hajiz.api.ftm import entity_from_entry
from hajiz.api.sync import IndexSync
from hajiz.audit import AuditAction, AuditEvent, AuditRecord
from hajiz.countries import to_country_code
from hajiz.matching.algorithm import ALGORITHMS, get_algorithm
from hajiz.model import Document, Entry, Query
from hajiz.queries import build_query
from hajiz.screening import Hit, Screener
from hajiz.settings import Settings
from hajiz.store.service import ServiceStore

# Queries screened between two yields to the event loop in a batch.
_BATCH_STEP = 16


@dataclass(frozen=True)
class Screened:
    """One screened query: the visible hits with their entries, and its audit record."""

    query: Query
    hits: list[tuple[Hit, Entry]]
    candidates: int
    elapsed_ms: float
    audit: AuditRecord


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
        versions = self.sync.list_versions(principal.agency)
        events = []
        kept: list[list[tuple[Hit, Entry]]] = []
        for query, result in zip(queries, results, strict=True):
            # An entry deleted since the index last synced is dropped, not shown half-known.
            hits = [
                (h, entries[h.entry_id])
                for h in result.hits
                if h.entry_id in entries and (keep is None or keep(entries[h.entry_id]))
            ][:show]
            kept.append(hits)
            detail = {
                "endpoint": endpoint,
                "results": [[hit.entry_id, round(hit.score, 4)] for hit, _ in hits],
                "algorithm": result.algorithm,
                "threshold": threshold,
                "list_versions": versions,
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
        records = self.store.append_audit(events)
        items = [
            Screened(query, hits, result.candidates, result.elapsed_ms, record)
            for query, hits, result, record in zip(queries, kept, results, records, strict=True)
        ]
        return Screening(items, screener.algorithm_id, threshold, versions)


def hit_document(hit: Hit, entry: Entry) -> dict[str, Any]:
    """One hit of `/v1/screen`."""
    return {
        **hit.to_dict(),
        "caption": entry.primary_name,
        "schema": entry.schema_.value,
    }


def scored_entity(hit: Hit, entry: Entry, threshold: float) -> dict[str, Any]:
    """One result of `/match`: the entity, score, features and match flag, as yente has them."""
    return {
        **entity_from_entry(entry),
        "score": round(hit.score, 4),
        "features": hit_features(hit),
        "match": hit.score >= threshold,
        "explanation": hit.explanation,
    }
