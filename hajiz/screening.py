"""The screening use case: one traveller or a batch against the index of a watchlist."""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from hajiz.errors import EntryNotFound
from hajiz.index.candidates import DEFAULT_CANDIDATES, CandidateIndex
from hajiz.matching.algorithm import DEFAULT_ALGORITHM, HajizV1, MatchResult, get_algorithm
from hajiz.matching.preparing import prepare_entries
from hajiz.matching.subjects import PreparedQuery, Subject, prepare_entry, prepare_query
from hajiz.matching.weights import PartWeights
from hajiz.model import Entry, Query

# Allocations between two collections of the youngest generation (Python's default is 700).
YOUNG_COLLECTION_EVERY = 20_000


@dataclass(frozen=True)
class Hit:
    """One list entry that a query may be, with its score and why."""

    entry_id: str
    score: float
    band: str  # "clear" | "review" | "strong"
    is_match: bool  # score >= the threshold in force
    agency: str
    entry_version: int
    explanation: dict[str, Any]
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as batch output writes it."""
        return {
            "entity_id": self.entry_id,
            "score": round(self.score, 4),
            "match": self.is_match,
            "band": self.band,
            "agency": self.agency,
            "source": self.source,
            "entry_version": self.entry_version,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class ScreeningResult:
    """The ranked hits for one query."""

    query_id: str | None
    hits: list[Hit]
    candidates: int
    elapsed_ms: float
    algorithm: str
    list_versions: dict[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, one line of batch output."""
        return {
            "query_id": self.query_id,
            "results": [h.to_dict() for h in self.hits],
            "candidates": self.candidates,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "algorithm": self.algorithm,
            "list_versions": self.list_versions,
        }


def settle_heap() -> None:
    """Move the just-built index out of the garbage collector's sight.

    The index is millions of long-lived objects; without this, every full collection walks
    them all and a screening now and then waits a second for it.
    """
    gc.collect()
    gc.freeze()
    # A screening allocates thousands of short-lived objects; collect the young ones in
    # bigger, rarer batches (the default 700 runs a collection every few screenings).
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])


def is_visible(subject: Subject, agency: str | None) -> bool:
    """Whether an agency may see an entry (None = no restriction applies, e.g. local CLI)."""
    if agency is None or subject.releasable_to is None:
        return True
    return agency == subject.agency or agency in subject.releasable_to


class Screener:
    """Screens queries against an in-memory index of entries."""

    def __init__(self, index: CandidateIndex, algorithm: HajizV1) -> None:
        self.index = index
        self.algorithm = algorithm
        self.threshold = algorithm.threshold
        self.candidate_limit = DEFAULT_CANDIDATES
        self._list_versions: dict[str, str | None] | None = None
        self._source_counts: Counter[str] = Counter()
        self.weights = PartWeights(index.document_frequency, len(index))

    @classmethod
    def from_entries(
        cls,
        entries: Iterable[Entry],
        *,
        algorithm: str = DEFAULT_ALGORITHM,
        workers: int | None = None,
    ) -> Screener:
        """Build the index from entries (on `workers` cores, every core by default)."""
        index = CandidateIndex.build(prepare_entries(entries, workers=workers))
        settle_heap()
        return cls(index, get_algorithm(algorithm))

    @property
    def algorithm_id(self) -> str:
        """Name and version of the algorithm, as reported with every result."""
        return f"{self.algorithm.NAME}@{self.algorithm.VERSION}"

    def list_versions(self) -> dict[str, str | None]:
        """The version of each source list in the index."""
        if self._list_versions is None:
            versions: dict[str, str | None] = {}
            counts: Counter[str] = Counter()
            for subject in self.index.subjects():
                versions.setdefault(subject.source, subject.source_version)
                counts[subject.source] += 1
            self._list_versions, self._source_counts = versions, counts
        return self._list_versions

    def _forget(self, subject: Subject | None) -> None:
        if subject is None or self._list_versions is None:
            return
        self._source_counts[subject.source] -= 1
        if self._source_counts[subject.source] <= 0:
            self._list_versions.pop(subject.source, None)
            del self._source_counts[subject.source]

    def add(self, entry: Entry) -> None:
        """Add or replace one entry in the index."""
        subject = prepare_entry(entry)
        self._forget(self.index.get(subject.id))
        self.index.add(subject)
        # Keep the cache up to date: recomputing walks the whole index.
        if self._list_versions is not None:
            self._list_versions[subject.source] = subject.source_version
            self._source_counts[subject.source] += 1

    def remove(self, entry_id: str) -> bool:
        """Remove one entry from the index."""
        self._forget(self.index.get(entry_id))
        return self.index.remove(entry_id)

    def _hit(self, subject: Subject, result: MatchResult, threshold: float) -> Hit:
        return Hit(
            entry_id=subject.id,
            score=result.score,
            band=self.algorithm.band(result.score),
            is_match=result.score >= threshold,
            agency=subject.agency,
            entry_version=subject.version,
            explanation=result.explanation(),
            source=subject.source,
        )

    def screen(
        self,
        query: Query,
        *,
        limit: int = 10,
        threshold: float | None = None,
        agency: str | None = None,
    ) -> ScreeningResult:
        """Rank the entries the query may be; threshold 0 returns every scored candidate."""
        started = time.perf_counter()
        threshold = self.threshold if threshold is None else threshold
        prepared = prepare_query(query)
        accept = None if agency is None else (lambda s: is_visible(s, agency))
        candidates = self._candidates(prepared, accept)
        hits = []
        for subject in candidates:
            result = self.algorithm.score(prepared, subject, self.weights, threshold)
            if result.score >= threshold:
                hits.append(self._hit(subject, result, threshold))
        hits.sort(key=lambda h: (-h.score, h.entry_id))
        elapsed = (time.perf_counter() - started) * 1000.0
        return ScreeningResult(
            query_id=query.id,
            hits=hits[:limit],
            candidates=len(candidates),
            elapsed_ms=elapsed,
            algorithm=self.algorithm_id,
            list_versions=self.list_versions(),
        )

    def candidate_ids(self, query: Query) -> list[str]:
        """The index's candidates for a query, before scoring."""
        return [s.id for s in self._candidates(prepare_query(query), None)]

    def _candidates(
        self, prepared: PreparedQuery, accept: Callable[[Subject], bool] | None
    ) -> list[Subject]:
        """The index's candidates by name, and every entry listing one of the traveller's
        document numbers: an exact document match is decisive whatever the name says."""
        candidates = self.index.candidates(prepared, self.candidate_limit, accept)
        if prepared.query.documents:
            named = {s.id for s in candidates}
            listing = self.index.listing_documents(prepared, accept)
            candidates += [s for s in listing if s.id not in named]
        return candidates

    def score(self, query: Query, entry_id: str) -> Hit:
        """Score the query against one entry (whether or not the index retrieves it)."""
        subject = self.index.get(entry_id)
        if subject is None:
            raise EntryNotFound(entry_id)
        result = self.algorithm.score(prepare_query(query), subject, self.weights)
        return self._hit(subject, result, self.threshold)

    def screen_batch(
        self,
        queries: Sequence[Query],
        *,
        limit: int = 10,
        threshold: float | None = None,
        agency: str | None = None,
        workers: int | None = None,
    ) -> list[ScreeningResult]:
        """Screen many queries using every core; results in input order."""
        workers = workers or os.cpu_count() or 1
        if workers <= 1 or len(queries) < 64:
            return [
                self.screen(q, limit=limit, threshold=threshold, agency=agency) for q in queries
            ]
        chunk = max(1, len(queries) // (workers * 4))
        chunks = [list(queries[i : i + chunk]) for i in range(0, len(queries), chunk)]
        # Forked workers inherit the index copy-on-write: nothing is pickled but the queries.
        global _WORKER
        _WORKER = self
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                n = len(chunks)
                parts = pool.map(_screen_chunk, chunks, [limit] * n, [threshold] * n, [agency] * n)
                return [result for part in parts for result in part]
        finally:
            _WORKER = None


_WORKER: Screener | None = None


def _screen_chunk(
    queries: list[Query], limit: int, threshold: float | None, agency: str | None
) -> list[ScreeningResult]:
    assert _WORKER is not None
    return [_WORKER.screen(q, limit=limit, threshold=threshold, agency=agency) for q in queries]


__all__ = ["Hit", "PreparedQuery", "Screener", "ScreeningResult", "is_visible"]
