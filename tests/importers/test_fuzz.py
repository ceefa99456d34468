"""Fuzzing: whatever the bytes, a parser returns a ParsedList or raises ImportFailed, never else."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hajiz.errors import ImportFailed
from hajiz.importers import ParsedList, parse_list

from .conftest import AGENCY_SMALL, FTM_SMALL, OFAC_SMALL, UN_SMALL

FUZZ = settings(max_examples=60, deadline=None)
# Inserted text: plain, markup and CSV/JSON punctuation, control characters and Arabic.
SNIPPETS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(['"', "'", ",", ";", "<", ">", "</", "&", "{", "}", "[", "]", "\x00", "\x1a",
                     "\r\n", "-0-", "DOB ", "a.k.a. '", "(", ")", "أبو", "<![CDATA[", "&amp;"]),
)  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The original with a few random cuts, insertions and byte flips."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "flip", "truncate"]))
        if action == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif action == "insert":
            data[at:at] = draw(SNIPPETS).encode("utf-8", "surrogatepass")
        elif action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[at:]
    return bytes(data)


def content(original: Path) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=600), mutated(original.read_bytes()))


def outcome(fmt: str, path: Path, agency: str | None = None) -> None:
    try:
        parsed = parse_list(fmt, path, agency=agency)
    except ImportFailed as error:
        assert error.file and error.problem
    else:
        assert isinstance(parsed, ParsedList) and parsed.entries


@FUZZ
@given(content(UN_SMALL))
def test_un_sc_fuzz(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "un.xml"
        path.write_bytes(data)
        outcome("un-sc", path)


@FUZZ
@given(st.sampled_from(["sdn.csv", "alt.csv", "add.csv"]), st.data())
def test_ofac_sdn_fuzz(file: str, data: st.DataObject) -> None:
    raw = data.draw(content(OFAC_SMALL / file))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ofac"
        shutil.copytree(OFAC_SMALL, folder)
        (folder / file).write_bytes(raw)
        outcome("ofac-sdn", folder)


@FUZZ
@given(content(FTM_SMALL))
def test_ftm_fuzz(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "entities.jsonl"
        path.write_bytes(data)
        outcome("ftm", path)


@FUZZ
@given(content(AGENCY_SMALL))
def test_agency_csv_fuzz(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wanted.csv"
        path.write_bytes(data)
        outcome("csv", path, agency="BX")
