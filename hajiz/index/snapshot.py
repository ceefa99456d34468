"""The index on disk: a snapshot a service loads in seconds instead of re-analysing every name.

A snapshot records the fingerprint of the store it was built from and the versions of the code
and data that shaped it; a snapshot that does not match is ignored and rebuilt. "The code" is
read, not declared: a digest of the name analysis, the index and the lexicon, so that a change
to how names are analysed invalidates old snapshots even when nobody remembered to bump
`SNAPSHOT_FORMAT`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from hajiz import __version__
from hajiz.index.candidates import CandidateIndex
from hajiz.index.heap import collector_paused

# Bump when the index layout or analysis changes in a way old snapshots cannot follow.
SNAPSHOT_FORMAT = 9


# What shapes an index, relative to the package: the analysis of names, the index itself and
# the preparation of entries into subjects (with the lexicon, under names/data).
_SHAPING = ("names", "index", "matching/subjects.py", "matching/preparing.py")
_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the files that shape an index: any edit to them makes a new digest."""
    digest = hashlib.sha256()
    for relative in _SHAPING:
        root = _PACKAGE / relative
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".gz", ".json"):
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _stamp(fingerprint: str) -> tuple[int, str, str, str]:
    return (SNAPSHOT_FORMAT, __version__, code_digest(), fingerprint)


def save_snapshot(index: CandidateIndex, path: Path, fingerprint: str) -> None:
    """Write the index atomically: a reader never sees half a snapshot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            # The stamp first, on its own: a stale snapshot is refused before its index,
            # perhaps of another layout, is read at all.
            pickle.dump(_stamp(fingerprint), out, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_snapshot(path: Path, fingerprint: str | None = None) -> CandidateIndex | None:
    """The index in the snapshot, or None if absent, unreadable, stale or of another version."""
    try:
        with collector_paused(), path.open("rb") as handle:
            # Snapshots are written by hajiz itself into its own data folder.
            stamp = pickle.load(handle)
            if not _is_current(stamp, fingerprint):
                return None
            index = pickle.load(handle)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        ValueError,
        AttributeError,
        TypeError,
        KeyError,  # an index of another layout than this code's
        ImportError,  # a snapshot of code that has since moved
    ):
        return None
    return index if isinstance(index, CandidateIndex) else None


def _is_current(stamp: object, fingerprint: str | None) -> bool:
    """Whether a stamp is this code's and, if a fingerprint is given, of that store."""
    if not isinstance(stamp, tuple) or len(stamp) != 4:
        return False
    if fingerprint is not None:
        return stamp == _stamp(fingerprint)
    return stamp[:3] == _stamp("")[:3]
