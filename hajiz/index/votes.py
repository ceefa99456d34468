"""How a query's key groups vote for entries: one vote per group, by inverse document frequency.

An entry gets a group's vote once, by the heaviest key of the group it carries, plus a share
spread over the group's keys it shares: agreeing on "baghdadi" counts far more than agreeing
on "muhammad", and closer spellings (more keys in common) still rank first.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Slots = npt.NDArray[np.int32]

# A group's vote for an entry: this share goes by the heaviest key the entry carries, the rest
# is spread over the group's keys, so closer spellings (more keys in common) still rank first.
BEST_KEY_SHARE = 0.5

# A key's postings, its weight as its group's best key, and its share of the group's spread.
Posting = tuple[Slots, float, float]
# The postings of one group of keys: the keys of one query part, or of two parts joined.
Group = list[Posting]
Scored = tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]


def group_best(group: Group) -> Scored:
    """Every slot the group names, once: the weight of its heaviest key, plus its keys' spread."""
    if len(group) == 1:
        slots, best, spread = group[0]
        return slots.astype(np.intp), np.full(len(slots), best + spread)
    ordered = sorted(group, key=lambda posting: -posting[1])
    slots = np.concatenate([p[0] for p in ordered])
    lengths = [len(p[0]) for p in ordered]
    bests = np.repeat([p[1] for p in ordered], lengths)
    spreads = np.repeat([p[2] for p in ordered], lengths)
    # The first occurrence of a slot is its heaviest key: postings are laid out heaviest first.
    unique, first, inverse = unique_runs(slots)
    return unique.astype(np.intp), bests[first] + np.bincount(inverse, weights=spreads)


def summed(scored: list[Scored]) -> Scored:
    """The slots named by any group, each once, with the groups' weights summed."""
    slots = np.concatenate([a for a, _ in scored])
    weights = np.concatenate([w for _, w in scored])
    unique, _, inverse = unique_runs(slots)
    return unique.astype(np.intp), np.bincount(inverse, weights=weights).astype(np.float64)


def unique_runs(
    slots: npt.NDArray[np.integer[Any]],
) -> tuple[npt.NDArray[np.integer[Any]], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """What `np.unique(slots, return_index=True, return_inverse=True)` gives, for sorted runs
    laid end to end (postings, or groups' found slots).

    A stable sort merges the runs it finds, several times faster than np.unique's sort of the
    same slots; the first index of each slot is still its first occurrence.
    """
    order = np.argsort(slots, kind="stable")
    ordered = slots[order]
    starts = np.empty(len(ordered), dtype=bool)
    starts[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    inverse = np.empty(len(slots), dtype=np.intp)
    inverse[order] = np.cumsum(starts) - 1
    return ordered[starts], order[starts], inverse


def named_in(postings: Slots, slots: npt.NDArray[np.integer[Any]]) -> npt.NDArray[np.bool_]:
    """For each slot, whether a key's (sorted, non-empty) postings name it: a binary search
    each, not a pass over the postings."""
    at = np.searchsorted(postings, slots)
    np.minimum(at, len(postings) - 1, out=at)  # not .clip(), several times slower on few slots
    found: npt.NDArray[np.bool_] = postings[at] == slots
    return found


def groups_naming(slots: Slots, groups: list[Group]) -> npt.NDArray[np.int32]:
    """For each of a few sorted `slots`, how many groups name it."""
    count = np.zeros(len(slots), dtype=np.int32)
    for group in groups:
        named = np.zeros(len(slots), dtype=bool)
        for postings, _, _ in group:
            named |= named_in(postings, slots)
        count += named
    return count
