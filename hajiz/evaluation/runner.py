"""Run the whole evaluation: build the test sets, screen them, score the peer, gather metrics."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hajiz.evaluation.cases import Case, CaseSet, Category
from hajiz.evaluation.generators import (
    alias_cases,
    cross_script_cases,
    sample,
    variant_cases,
    with_listed_birth_date,
)
from hajiz.evaluation.metrics import Outcome
from hajiz.evaluation.negatives import near_miss_cases, negative_cases
from hajiz.evaluation.peer import PeerScorer, is_peer_available
from hajiz.evaluation.population import load_name_frequencies
from hajiz.evaluation.watchlist import Watchlist, load_watchlist, twins
from hajiz.model import Entry, NameKind
from hajiz.screening import Screener

DEFAULT_SEED = 9303
OURS = "hajiz"
OURS_SAME_PAIRS = "hajiz (pairs)"

# Receives a short description of each stage, for progress display.
StageCallback = Callable[[str], None]


@dataclass(frozen=True)
class EvalConfig:
    """What to evaluate and how big each test set is."""

    real_data_dir: Path
    algorithm: str = "hajiz-v1"
    threshold: float | None = None  # None: the algorithm's default threshold
    seed: int = DEFAULT_SEED
    cross_script: int | None = None  # None: every person with an Arabic-script name
    aliases: int = 1000
    variants: int = 1500
    negatives: int = 5000
    near_misses: int = 500
    limit: int = 10
    peer: bool | None = None  # None: on when nomenklatura is installed
    peer_sample: int = 300


@dataclass
class CategoryRun:
    """One category's cases and every engine's outcomes on them."""

    case_set: CaseSet
    outcomes: dict[str, list[Outcome]] = field(default_factory=dict)


@dataclass
class EvalRun:
    """Everything a run produced, before it is summarised."""

    config: EvalConfig
    threshold: float
    watchlist: Watchlist
    twin_count: int
    categories: dict[Category, CategoryRun]
    peer_name: str | None = None
    peer_version: str | None = None
    peer_threshold: float | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _rng(seed: int, label: str) -> random.Random:
    """A generator of its own per purpose, so one set's size never shifts another's draws."""
    return random.Random(f"{seed}:{label}")


def build_case_sets(
    config: EvalConfig, watchlist: Watchlist, twin_map: dict[str, frozenset[str]]
) -> list[CaseSet]:
    """Every category's cases and watchlist, drawn with the configured seed and sizes."""
    entries = watchlist.entries
    seed = config.seed
    strong_aliases = alias_cases(
        entries,
        twin_map,
        kind=NameKind.ALIAS,
        limit=config.aliases,
        rng=_rng(seed, Category.ALIAS_STRONG),
    )
    sets = [
        cross_script_cases(
            entries,
            twin_map,
            to_arabic=False,
            limit=config.cross_script,
            rng=_rng(seed, Category.CROSS_SCRIPT_AR_LAT),
        ),
        cross_script_cases(
            entries,
            twin_map,
            to_arabic=True,
            limit=config.cross_script,
            rng=_rng(seed, Category.CROSS_SCRIPT_LAT_AR),
        ),
        strong_aliases,
        with_listed_birth_date(strong_aliases, entries),
        alias_cases(
            entries,
            twin_map,
            kind=NameKind.WEAK_ALIAS,
            limit=config.aliases,
            rng=_rng(seed, Category.ALIAS_WEAK),
        ),
        variant_cases(entries, twin_map, count=config.variants, rng=_rng(seed, Category.VARIANTS)),
    ]
    frequencies = load_name_frequencies(config.real_data_dir)
    sets.extend(
        negative_cases(entries, frequencies, count=config.negatives, rng=_rng(seed, "negatives"))
    )
    sets.append(
        near_miss_cases(
            entries, twin_map, count=config.near_misses, rng=_rng(seed, Category.NEAR_MISSES)
        )
    )
    return sets


def screen_cases(screener: Screener, cases: Sequence[Case], limit: int) -> list[Outcome]:
    """Our engine end to end: the index's candidates, scored, every score kept (threshold 0)."""
    results = screener.screen_batch([c.query for c in cases], limit=limit, threshold=0.0)
    outcomes: list[Outcome] = []
    for case, result in zip(cases, results, strict=True):
        ranked = tuple((h.entry_id, h.score) for h in result.hits)
        is_candidate: bool | None = None
        expected_score: float | None = None
        if case.category.is_positive and case.expected:
            is_candidate = bool(set(screener.candidate_ids(case.query)) & case.expected)
            if not any(entry_id in case.expected for entry_id, _ in ranked):
                expected_score = max(screener.score(case.query, e).score for e in case.expected)
        outcomes.append(Outcome(case.id, ranked, case.expected, is_candidate, expected_score))
    return outcomes


def same_pairs(
    screener: Screener,
    peer: PeerScorer,
    cases: Sequence[Case],
    ours: Sequence[Outcome],
    entries: dict[str, Entry],
) -> tuple[list[Outcome], list[Outcome]]:
    """Both engines scored on the same pairs: our top hits plus the expected entries."""
    mine: list[Outcome] = []
    theirs: list[Outcome] = []
    for case, outcome in zip(cases, ours, strict=True):
        scores = dict(outcome.ranked)
        for entry_id in sorted(case.expected - scores.keys()):
            if entry_id in entries:
                scores[entry_id] = screener.score(case.query, entry_id).score
        ranked = tuple(sorted(scores.items(), key=lambda pair: (-pair[1], pair[0])))
        mine.append(Outcome(case.id, ranked, case.expected))
        pair_entries = [entries[entry_id] for entry_id, _ in ranked]
        theirs.append(Outcome(case.id, peer.rank(case.query, pair_entries), case.expected))
    return mine, theirs


def run_evaluation(config: EvalConfig, on_stage: StageCallback | None = None) -> EvalRun:
    """Build every test set, screen it with our engine (and the peer), and keep the outcomes."""
    timings: dict[str, float] = {}

    def stage(message: str) -> None:
        if on_stage is not None:
            on_stage(message)

    started = time.perf_counter()
    stage(f"Reading the lists in {config.real_data_dir}")
    watchlist = load_watchlist(config.real_data_dir)
    twin_map = twins(watchlist.entries)
    stage("Building the test sets")
    case_sets = build_case_sets(config, watchlist, twin_map)
    timings["prepare"] = time.perf_counter() - started

    use_peer = is_peer_available() if config.peer is None else config.peer
    peer = PeerScorer() if use_peer else None
    threshold = config.threshold
    categories: dict[Category, CategoryRun] = {}
    screeners: dict[int, Screener] = {}
    for case_set in case_sets:
        began = time.perf_counter()
        key = id(case_set.watchlist)
        if key not in screeners:
            stage(f"Indexing {len(case_set.watchlist)} entries for {case_set.category}")
            screeners = {key: Screener.from_entries(case_set.watchlist, algorithm=config.algorithm)}
        screener = screeners[key]
        if threshold is None:
            threshold = screener.threshold
        stage(f"Screening {len(case_set.cases)} {case_set.category} cases")
        run = CategoryRun(case_set)
        run.outcomes[OURS] = screen_cases(screener, case_set.cases, config.limit)
        if peer is not None and case_set.cases:
            picked = sample(
                range(len(case_set.cases)),
                config.peer_sample,
                _rng(config.seed, f"peer:{case_set.category}"),
            )
            stage(f"Scoring {len(picked)} {case_set.category} cases with {peer.name}")
            entries = {e.id: e for e in case_set.watchlist}
            mine, theirs = same_pairs(
                screener,
                peer,
                [case_set.cases[i] for i in picked],
                [run.outcomes[OURS][i] for i in picked],
                entries,
            )
            run.outcomes[OURS_SAME_PAIRS] = mine
            run.outcomes[peer.name] = theirs
        categories[case_set.category] = run
        timings[str(case_set.category)] = time.perf_counter() - began
    assert threshold is not None
    return EvalRun(
        config=config,
        threshold=threshold,
        watchlist=watchlist,
        twin_count=sum(len(t) for t in twin_map.values()) // 2,
        categories=categories,
        peer_name=peer.name if peer else None,
        peer_version=peer.version if peer else None,
        peer_threshold=peer.threshold if peer else None,
        timings=timings,
    )
