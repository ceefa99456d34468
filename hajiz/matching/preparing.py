"""Preparing a whole list of entries, with the names analysed on another core.

Analysing names is about half of what building an index costs, and it needs nothing but the
names' texts. For a large list a forked worker analyses the names of the chunks ahead while
this process prepares the entries and files them under their keys. Each distinct part crosses
between the processes once, as plain values, and is rebuilt here once: the parts of a list stay
shared between its names, as in a one-process build, and the subjects have the same values.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from typing import Any, cast

from hajiz.matching.subjects import Subject, prepare_entry
from hajiz.model import Entry, Script
from hajiz.names.analysis import (
    AnalysedName,
    AnalysedPart,
    adopt_parts,
    analyse_part,
    analysed_name,
    read_name,
)
from hajiz.names.structure import Part, Role

# Below this many entries a worker costs more to start than it saves: lists this small
# (the UN list, a test's) are prepared in this process alone.
PARALLEL_FROM = 20_000
# Entries per chunk handed to the worker, and chunks read ahead of the one being prepared.
CHUNK = 5_000
AHEAD = 2

_ROLE = Part._fields.index("role")
_ANALYSIS = tuple(f.name for f in fields(AnalysedPart))[1:]  # after `part`
# An analysed part as it crosses between processes: plain values, no enums.
PlainPart = tuple[object, ...]
# What the worker returns for a chunk: the parts it had not sent before, each name as (script,
# part numbers), and the seconds it spent analysing.
AnalysedChunk = tuple[list[PlainPart], list[tuple[str, tuple[int, ...]]], float]


@dataclass
class WorkerStats:
    """What the worker did: chunks analysed and the seconds it spent on them."""

    chunks: int = 0
    worker_seconds: float = 0.0


def build_workers(workers: int | None) -> int:
    """Processes to prepare a list with: the given number, else every core."""
    return max(1, workers if workers else os.cpu_count() or 1)


def prepare_entries(
    entries: Iterable[Entry],
    *,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    chunk: int = CHUNK,
    stats: WorkerStats | None = None,
) -> Iterator[Subject]:
    """Prepare every entry, in order, analysing names in a forked worker for a large list.

    With one worker, a short list or where fork is unavailable, this is `prepare_entry` over
    the entries.
    """
    iterator = iter(entries)
    if build_workers(workers) > 1 and "fork" in multiprocessing.get_all_start_methods():
        # Whether the list is large enough is known only once that many entries are read.
        first = list(islice(iterator, parallel_from))
        iterator = chain(first, iterator)
        parallel = len(first) == parallel_from
        del first
    else:
        parallel = False
    if not parallel:
        yield from (prepare_entry(e) for e in iterator)
        return
    batches = _batches(iterator, chunk)
    parts: list[AnalysedPart] = []  # every part the worker has sent, by its number
    adopt_parts((), replace=True)  # the last build's parts are this one's or gone
    # One worker: this process has the rest of the build (entries, index keys), which costs
    # about what the analysis does, so a second analyser would only wait.
    context = multiprocessing.get_context("fork")
    with context.Pool(1, initializer=_SENT.clear) as pool:
        pending: deque[tuple[list[Entry], list[str], AsyncResult[AnalysedChunk]]] = deque()
        for batch in batches:
            texts = list(dict.fromkeys(name.full for entry in batch for name in entry.names))
            pending.append((batch, texts, pool.apply_async(_analyse_names, (texts,))))
            if len(pending) > AHEAD:
                yield from _prepared(*pending.popleft(), parts, stats)
        while pending:
            yield from _prepared(*pending.popleft(), parts, stats)


def _batches(entries: Iterator[Entry], size: int) -> Iterator[list[Entry]]:
    while batch := list(islice(entries, size)):
        yield batch


# In the worker: the number of every part it has sent, so that each crosses once.
_SENT: dict[Part, int] = {}


def _analyse_names(texts: list[str]) -> AnalysedChunk:
    """In the worker: analyse the names; send each part new to this build in full, once."""
    started = time.perf_counter()
    new: list[PlainPart] = []
    names: list[tuple[str, tuple[int, ...]]] = []
    for text in texts:
        script, parts = read_name(text)
        numbers = []
        for part in parts:
            number = _SENT.get(part)
            if number is None:
                number = _SENT[part] = len(_SENT)
                new.append(_plain(analyse_part(part)))
            numbers.append(number)
        names.append((script.value, tuple(numbers)))
    return new, names, time.perf_counter() - started


def _plain(analysed: AnalysedPart) -> PlainPart:
    """An analysed part as plain values: its part's fields (the role as its value), then the
    analysis's own."""
    part = analysed.part
    fields = (*part[:_ROLE], part.role.value, *part[_ROLE + 1 :])
    return (fields, *(getattr(analysed, name) for name in _ANALYSIS))


def _unplain(plain: PlainPart) -> AnalysedPart:
    fields = cast(tuple[Any, ...], plain[0])
    part = Part._make((*fields[:_ROLE], Role(fields[_ROLE]), *fields[_ROLE + 1 :]))
    return AnalysedPart(part, *plain[1:])  # type: ignore[arg-type]


def _prepared(
    batch: list[Entry],
    texts: list[str],
    result: AsyncResult[AnalysedChunk],
    parts: list[AnalysedPart],
    stats: WorkerStats | None,
) -> Iterator[Subject]:
    new, names, seconds = result.get()
    if stats is not None:
        stats.chunks += 1
        stats.worker_seconds += seconds
    fresh = [_unplain(plain) for plain in new]
    parts.extend(fresh)
    adopt_parts(fresh)
    analysed: dict[str, AnalysedName] = {
        text: analysed_name(text, Script(script), tuple(parts[i] for i in numbers))
        for text, (script, numbers) in zip(texts, names, strict=True)
    }
    for entry in batch:
        yield prepare_entry(entry, analysed.__getitem__)
