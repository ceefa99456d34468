"""Votes of key groups for entries: heaviest key plus spread, summed (index/votes.py)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from hajiz.index.votes import group_best, summed, unique_runs


def slots(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.int32)


def test_an_entry_gets_its_heaviest_key_once_plus_every_shared_key_s_spread() -> None:
    # Slot 7 carries both keys: the heavier best (2.0) once, and both spreads (0.5 + 0.25).
    found, weights = group_best([(slots(3, 7), 1.0, 0.25), (slots(7, 9), 2.0, 0.5)])
    assert found.tolist() == [3, 7, 9]
    assert weights.tolist() == [1.25, 2.75, 2.5]


def test_a_group_of_one_key_gives_each_slot_its_weight_and_spread() -> None:
    found, weights = group_best([(slots(4, 1), 1.5, 0.5)])
    assert found.tolist() == [4, 1]
    assert weights.tolist() == [2.0, 2.0]


def test_groups_sum_per_slot() -> None:
    a = (np.array([1, 2]), np.array([1.0, 2.0]))
    b = (np.array([2, 5]), np.array([0.5, 4.0]))
    found, weights = summed([a, b])
    assert found.tolist() == [1, 2, 5]
    assert weights.tolist() == [1.0, 2.5, 4.0]


@given(st.lists(st.lists(st.integers(0, 60), max_size=25), max_size=6))
def test_unique_runs_gives_what_np_unique_gives_for_sorted_runs(runs: list[list[int]]) -> None:
    laid = np.concatenate([np.unique(np.array(r, dtype=np.int32)) for r in runs] or [slots()])
    unique, first, inverse = unique_runs(laid)
    expected = np.unique(laid, return_index=True, return_inverse=True)
    for got, want in zip((unique, first, inverse), expected, strict=True):
        assert got.tolist() == want.tolist()
