"""Load the screener for a store: from a fresh snapshot when there is one, else by building it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hajiz.index.candidates import CandidateIndex
from hajiz.index.snapshot import load_snapshot, save_snapshot
from hajiz.matching.algorithm import DEFAULT_ALGORITHM, get_algorithm
from hajiz.matching.preparing import prepare_entries
from hajiz.screening import Screener, settle_heap
from hajiz.settings import Settings
from hajiz.store.base import Store


def snapshot_path(store: Store, settings: Settings) -> Path:
    """Where the snapshot of this store's index lives (one per database)."""
    digest = hashlib.sha256(store.url.encode()).hexdigest()[:16]
    return settings.data_dir / "snapshots" / f"index-{digest}.pickle"


def build_index(store: Store, *, workers: int | None = None) -> CandidateIndex:
    """Analyse every entry of the store into a fresh index (on every core for a large one)."""
    return CandidateIndex.build(prepare_entries(store.iter_entries(), workers=workers))


def load_screener(
    store: Store, settings: Settings, *, algorithm: str = DEFAULT_ALGORITHM
) -> Screener:
    """A screener over the store's entries, via the snapshot when it is up to date."""
    fingerprint = store.fingerprint()
    path = snapshot_path(store, settings)
    index = load_snapshot(path, fingerprint) if settings.use_snapshots else None
    if index is None:
        index = build_index(store, workers=settings.build_workers)
        if settings.use_snapshots:
            save_snapshot(index, path, fingerprint)
    settle_heap()
    return Screener(index, get_algorithm(algorithm))
