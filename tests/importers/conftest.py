# Fixture strategy for the importers
#
# * Small list files cut from the real lists live in tests/fixtures/: un_sc_small.xml (cut with
#   scripts/make_demo_list.py --refs ...), ofac_sdn_small/ (the raw rows of a few ent_nums, CRLF
#   and the 0x1A end byte kept), plus ftm_small.jsonl and agency_small.csv written by hand.
# * Bad inputs are made in tmp_path by editing a fixture's text, so each test shows the one
#   thing that is wrong.
# * Tests of the full real files use `real_data_dir`, which skips when the shared data is absent.
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hajiz.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures"
UN_SMALL = FIXTURES / "un_sc_small.xml"
OFAC_SMALL = FIXTURES / "ofac_sdn_small"
FTM_SMALL = FIXTURES / "ftm_small.jsonl"
AGENCY_SMALL = FIXTURES / "agency_small.csv"


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The shared real data folder; the test is skipped when it is not there."""
    folder = Settings().real_data_dir
    if not folder.is_dir():
        pytest.skip(f"real data not found at {folder.resolve()} (set HAJIZ_REAL_DATA_DIR)")
    return folder


@pytest.fixture
def ofac_copy(tmp_path: Path) -> Path:
    """A writable copy of the small OFAC folder."""
    target = tmp_path / "ofac"
    shutil.copytree(OFAC_SMALL, target)
    return target
