"""Preparing a list with its names analysed in a forked worker gives the one-process result."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from typing import Any

import pytest

from hajiz.benchmarking.engine import clear_name_caches
from hajiz.benchmarking.queries import BenchList
from hajiz.index.candidates import CandidateIndex
from hajiz.matching.preparing import WorkerStats, prepare_entries
from hajiz.matching.subjects import Subject, prepare_entry
from hajiz.model import Entry, Name, NameKind, Query
from hajiz.names.analysis import analyse_part
from hajiz.screening import Screener

# Small bounds so that a list of a few hundred entries takes the worker's path.
SMALL = {"parallel_from": 50, "chunk": 40}


def _entries() -> list[Entry]:
    listed = list(BenchList.of(260, seed=7))
    listed.append(
        Entry(
            id="t:1",
            agency="T",
            source="t",
            names=(
                Name(full="Ibrahim 'Awad Ibrahim al-Badri al-Samarrai"),
                Name(full="أبو بكر البغدادي", kind=NameKind.ORIGINAL_SCRIPT),
                Name(full="Sheikh Abd al-Rahman bin Abdullah", kind=NameKind.ALIAS),
            ),
        )
    )
    return listed


def _values(subject: Subject) -> tuple[Any, ...]:
    """Everything a subject holds, parts by their values (identity aside)."""
    names = tuple(
        (
            n.kind,
            n.name.text,
            n.name.script,
            len(n.name.name_parts),
            tuple(
                (p.part, p.forms, p.phonetic, p.skeletons, p.groups, p.weight) for p in n.name.parts
            ),
            tuple((p.frequency, p.is_arabic, p.initials) for p in n.name.parts),
        )
        for n in subject.names
    )
    return (*subject._replace(names=()), names)


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return _entries()


def test_the_worker_prepares_the_same_subjects_in_the_same_order(entries: list[Entry]) -> None:
    stats = WorkerStats()
    parallel = list(prepare_entries(entries, workers=2, stats=stats, **SMALL))
    alone = [prepare_entry(e) for e in entries]
    assert stats.chunks == 7  # 261 entries in chunks of 40: the worker analysed them all
    assert stats.worker_seconds > 0
    assert [_values(s) for s in parallel] == [_values(s) for s in alone]


def test_parts_cross_once_and_stay_shared_between_names(entries: list[Entry]) -> None:
    clear_name_caches()  # as in a service that has analysed no name before its build
    subjects = list(prepare_entries(entries, workers=2, **SMALL))
    by_part: dict[object, set[int]] = {}
    for subject in subjects:
        for name in subject.names:
            for part in name.name.parts:
                by_part.setdefault(part.part, set()).add(id(part))
    assert all(len(objects) == 1 for objects in by_part.values())
    # A query's part is the list's own object, as after a one-process build.
    muhammad = next(p for p in by_part if getattr(p, "core", "") == "muhammad")
    assert id(analyse_part(muhammad)) in by_part[muhammad]  # type: ignore[arg-type]


def test_an_index_from_the_worker_finds_and_scores_as_one_built_alone(
    entries: list[Entry],
) -> None:
    parallel = Screener(
        CandidateIndex.build(prepare_entries(entries, workers=2, **SMALL)),
        Screener.from_entries(entries[:1]).algorithm,
    )
    alone = Screener.from_entries(entries, workers=1)
    queries = [
        Query(id="q1", names=("IBRAHIM AWWAD IBRAHIM AL BADRI",)),
        Query(id="q2", names=("أبو بكر البغدادي",)),
        *(Query(id=f"l{i}", names=(e.names[0].full,)) for i, e in enumerate(entries[:40])),
    ]
    for query in queries:
        ours = parallel.screen(query, threshold=0.0)
        theirs = alone.screen(query, threshold=0.0)
        assert [(h.entry_id, h.score) for h in ours.hits] == [
            (h.entry_id, h.score) for h in theirs.hits
        ]
    assert parallel.screen(queries[0]).hits[0].entry_id == "t:1"


@pytest.mark.parametrize(
    ("workers", "count"),
    [(1, 261), (2, 49)],  # one process asked for; a list below parallel_from
)
def test_one_process_or_a_short_list_uses_no_worker(
    entries: list[Entry], workers: int, count: int
) -> None:
    stats = WorkerStats()
    subjects = list(prepare_entries(entries[:count], workers=workers, stats=stats, **SMALL))
    assert len(subjects) == count
    assert stats.chunks == 0


def test_a_failing_list_stops_the_build_and_its_worker(entries: list[Entry]) -> None:
    def failing() -> Iterator[Entry]:
        yield from entries[:150]
        raise RuntimeError("the store went away")

    prepared = prepare_entries(failing(), workers=2, **SMALL)
    with pytest.raises(RuntimeError, match="store went away"):
        list(prepared)
    assert multiprocessing.active_children() == []
