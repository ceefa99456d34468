"""The index snapshot on disk: a round trip; stale or broken files refused (index/snapshot.py)."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from hajiz import __version__
from hajiz.importers.base import parse_list
from hajiz.index.candidates import CandidateIndex
from hajiz.index.keys import subject_keys
from hajiz.index.snapshot import SNAPSHOT_FORMAT, code_digest, load_snapshot, save_snapshot
from hajiz.matching.subjects import prepare_entry, prepare_query
from hajiz.model import BirthDate, Document, Entry, Query

EntryFactory = Callable[..., Entry]

UN_SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "un_sc_small.xml"
QUERIES = [
    "أبو بكر البغدادي",
    "MOHAMMAD HASSAN AKHUND",
    "Hassan Ghul",
    "Joseph Kony",
    "Jabhat al-Nusra",
]


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return CandidateIndex.build(prepare_entry(e) for e in parse_list("un-sc", UN_SMALL).entries)


def candidates(index: CandidateIndex, name: str) -> list[tuple[str, int]]:
    return [(s.id, s.version) for s in index.candidates(prepare_query(Query(names=(name,))))]


def test_round_trip_gives_the_same_candidates(index: CandidateIndex, tmp_path: Path) -> None:
    path = tmp_path / "snapshots" / "index.pickle"
    save_snapshot(index, path, "fingerprint-1")
    loaded = load_snapshot(path, "fingerprint-1")
    assert isinstance(loaded, CandidateIndex)
    assert loaded is not index
    assert len(loaded) == len(index)
    for name in QUERIES:
        assert candidates(loaded, name) == candidates(index, name)
        assert candidates(loaded, name)


def test_a_loaded_index_keeps_taking_changes(index: CandidateIndex, tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    save_snapshot(index, path, "f")
    loaded = load_snapshot(path, "f")
    assert loaded is not None
    loaded.remove("un-sc:QDi.299")
    assert "un-sc:QDi.299" not in [i for i, _ in candidates(loaded, "أبو بكر البغدادي")]
    assert "un-sc:QDi.299" in index  # the original is untouched


def test_changes_made_before_saving_survive_the_round_trip(tmp_path: Path) -> None:
    entries = parse_list("un-sc", UN_SMALL).entries
    changed = CandidateIndex.build(prepare_entry(e) for e in entries[:5])
    for entry in entries[5:]:
        changed.add(prepare_entry(entry))  # pending postings, not yet merged
    changed.remove("un-sc:TAi.002")
    rebuilt = CandidateIndex.build(prepare_entry(e) for e in entries if e.id != "un-sc:TAi.002")
    path = tmp_path / "index.pickle"
    save_snapshot(changed, path, "f")
    loaded = load_snapshot(path, "f")
    assert loaded is not None
    for name in QUERIES:
        ids = [i for i, _ in candidates(loaded, name)]
        assert ids == [i for i, _ in candidates(changed, name)]
        assert set(ids) == {i for i, _ in candidates(rebuilt, name)}
    assert "un-sc:TAi.002" not in loaded
    baghdadi = loaded.get("un-sc:QDi.299")
    assert baghdadi is not None
    for key in subject_keys(baghdadi):
        assert loaded.document_frequency(key) == changed.document_frequency(key) >= 1


def test_loading_without_a_fingerprint_accepts_any(index: CandidateIndex, tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    save_snapshot(index, path, "whatever")
    loaded = load_snapshot(path)
    assert loaded is not None and len(loaded) == len(index)


def test_a_different_fingerprint_gives_none(index: CandidateIndex, tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    save_snapshot(index, path, "fingerprint-1")
    assert load_snapshot(path, "fingerprint-2") is None


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle at all", b"\x80\x05\x95\x10\x00\x00\x00", b"\x80\x05K\x01."],
)
def test_a_corrupt_file_gives_none(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "index.pickle"
    path.write_bytes(content)
    assert load_snapshot(path, "fingerprint-1") is None
    assert load_snapshot(path) is None


def test_a_truncated_snapshot_gives_none(index: CandidateIndex, tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    save_snapshot(index, path, "f")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert load_snapshot(path, "f") is None


def test_a_missing_file_gives_none(tmp_path: Path) -> None:
    assert load_snapshot(tmp_path / "absent.pickle", "f") is None
    assert load_snapshot(tmp_path, "f") is None  # a folder


def test_save_replaces_atomically_and_leaves_no_temporary_files(
    index: CandidateIndex, tmp_path: Path
) -> None:
    path = tmp_path / "index.pickle"
    save_snapshot(index, path, "old")
    save_snapshot(index, path, "new")
    assert load_snapshot(path, "old") is None
    assert load_snapshot(path, "new") is not None
    assert [p.name for p in tmp_path.iterdir()] == ["index.pickle"]


def test_a_snapshot_of_code_that_moved_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    path.write_bytes(b"chajiz.index.gone\nThing\n.")  # a pickle of a class that no longer exists
    assert load_snapshot(path, "f") is None


def test_document_numbers_and_birth_years_survive_the_round_trip(
    e: EntryFactory, tmp_path: Path
) -> None:
    passport = Document(type="passport", number="A1234567", country="IQ")
    namesakes = [e(f"t:{i:03d}", "Mohammed Ali", birth_date="1950") for i in range(40)]
    born = e("t:born", "Mohammed Ali", birth_date="1985", documents=(passport,))
    path = tmp_path / "index.pickle"
    save_snapshot(CandidateIndex.build(prepare_entry(x) for x in [*namesakes, born]), path, "f")
    loaded = load_snapshot(path, "f")
    assert loaded is not None
    by_document = prepare_query(Query(names=("Someone Else",), documents=(passport,)))
    assert [s.id for s in loaded.listing_documents(by_document)] == ["t:born"]
    dated = prepare_query(Query(names=("Mohammed Ali",), birth_dates=(BirthDate.parse("1985"),)))
    assert "t:born" in [s.id for s in loaded.candidates(dated, 5)]


def test_a_snapshot_of_an_older_layout_is_refused_not_a_crash(
    index: CandidateIndex, tmp_path: Path
) -> None:
    # Format 5 pickled (stamp, index) as one record, and its index had no identifiers: reading
    # it with this code's CandidateIndex fails inside unpickling, before any stamp is seen.
    old_state = index.__getstate__()
    del old_state["identifiers"]
    path = tmp_path / "index.pickle"
    path.write_bytes(pickle.dumps(((5, "0.0", "f"), _Pickled(old_state))))
    assert load_snapshot(path, "f") is None
    assert load_snapshot(path) is None


def _write(path: Path, stamp: tuple[object, ...], index: CandidateIndex) -> None:
    with path.open("wb") as out:
        pickle.dump(stamp, out)
        pickle.dump(index, out)


def test_a_snapshot_of_other_analysis_code_is_refused(
    index: CandidateIndex, tmp_path: Path
) -> None:
    # Same format number and package version, but the names were analysed by other code (a
    # lexicon or a parser changed without a format bump): its keys cannot be trusted.
    path = tmp_path / "index.pickle"
    _write(path, (SNAPSHOT_FORMAT, __version__, "0" * 16, "f"), index)
    assert load_snapshot(path, "f") is None
    assert load_snapshot(path) is None
    _write(path, (SNAPSHOT_FORMAT, __version__, code_digest(), "f"), index)
    assert load_snapshot(path, "f") is not None


def test_the_code_digest_is_stable_and_short() -> None:
    assert code_digest() == code_digest()
    assert len(code_digest()) == 16
    int(code_digest(), 16)


class _Pickled:
    """Unpickles as a CandidateIndex given `state`, as an older hajiz would have written it."""

    def __init__(self, state: dict[str, object]) -> None:
        self.state = state

    def __reduce__(self) -> tuple[object, ...]:
        return (CandidateIndex.__new__, (CandidateIndex,), self.state)
