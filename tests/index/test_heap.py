"""Pausing the garbage collector around bulk work (index/heap.py)."""

from __future__ import annotations

import gc

import pytest

from hajiz.index.heap import collector_paused


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_collector_is_paused_inside_and_restored_after(enabled_before: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled_before else gc.disable()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable() if was else gc.disable()


def test_the_collector_is_restored_when_the_work_fails() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the build failed")
    assert gc.isenabled()
