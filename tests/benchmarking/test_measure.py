from __future__ import annotations

import mmap

import pytest

from hajiz.benchmarking.measure import (
    Clock,
    children_peak_rss_mb,
    latency_summary,
    peak_rss_mb,
    percentile,
    rss_mb,
)


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([5.0], 50, 5.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 50, 3.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([4.0, 1.0, 3.0, 2.0], 0, 1.0),
        ([4.0, 1.0, 3.0, 2.0], 100, 4.0),
        (list(range(1, 101)), 99, 99.01),
        ([10.0, 20.0], 95, 19.5),
    ],
)
def test_percentile_interpolates_between_ranks(values, q, expected):
    assert percentile(values, q) == pytest.approx(expected)


def test_percentile_refuses_no_values_and_bad_ranks():
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match="outside 0-100"):
        percentile([1.0], 101)


def test_latency_summary():
    summary = latency_summary([1.0, 2.0, 3.0, 4.0, 100.0])
    assert summary["count"] == 5
    assert summary["p50"] == 3.0
    assert summary["mean"] == 22.0
    assert summary["max"] == 100.0
    assert summary["p50"] <= summary["p95"] <= summary["p99"] <= summary["max"]


def test_clock_yields_every_item_and_adds_up_the_time_spent_producing_them():
    produced = []

    def slow():
        for i in range(3):
            produced.append(i)
            sum(range(20_000))
            yield i

    clock = Clock()
    assert list(clock.timed(slow())) == [0, 1, 2]
    first = clock.seconds
    assert first > 0
    assert list(clock.timed(iter([]))) == []
    assert clock.seconds >= first


def test_memory_readers_give_plausible_sizes():
    peak = peak_rss_mb()
    now = rss_mb()
    assert peak > 1
    if now is not None:  # /proc is there (Linux)
        assert 1 < now <= peak
    assert children_peak_rss_mb() >= 0


def test_resident_memory_and_its_peak_follow_a_big_allocation():
    before = rss_mb()
    if before is None:
        pytest.skip("no /proc/self/status on this system")
    # A fresh anonymous mapping: malloc could hand back pages that are already resident.
    size = 64 * 1024 * 1024
    block = mmap.mmap(-1, size)
    for offset in range(0, size, mmap.PAGESIZE):
        block[offset] = 1  # touch every page so it is resident
    during = rss_mb()
    assert during is not None and during >= before + 48
    assert peak_rss_mb() >= during
    block.close()
