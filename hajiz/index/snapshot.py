"""The index on disk: a snapshot a service loads in seconds instead of re-analysing every name.

A snapshot records the fingerprint of the store it was built from and the versions of the code
and data that shaped it; a snapshot that does not match is ignored and rebuilt.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from hajiz import __version__
from hajiz.index.candidates import CandidateIndex
from hajiz.index.heap import collector_paused

# Bump when the index layout or analysis changes in a way old snapshots cannot follow.
SNAPSHOT_FORMAT = 6


def _stamp(fingerprint: str) -> tuple[int, str, str]:
    return (SNAPSHOT_FORMAT, __version__, fingerprint)


def save_snapshot(index: CandidateIndex, path: Path, fingerprint: str) -> None:
    """Write the index atomically: a reader never sees half a snapshot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump((_stamp(fingerprint), index), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_snapshot(path: Path, fingerprint: str | None = None) -> CandidateIndex | None:
    """The index in the snapshot, or None if absent, unreadable, stale or of another version."""
    try:
        with collector_paused(), path.open("rb") as handle:
            # Snapshots are written by hajiz itself into its own data folder.
            stamp, index = pickle.load(handle)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        ValueError,
        AttributeError,
        TypeError,
        ImportError,  # a snapshot of code that has since moved
    ):
        return None
    if fingerprint is not None and stamp != _stamp(fingerprint):
        return None
    if stamp[:2] != _stamp("")[:2] or not isinstance(index, CandidateIndex):
        return None
    return index
