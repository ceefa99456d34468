# Fixture strategy
#
# * Generators and metrics are tested on tiny hand-built Entry lists (the `e` factory of
#   tests/conftest.py, or `entry` below for names of several kinds) whose right answers are
#   known by construction.
# * The whole runner runs once on a tiny data folder laid out like ../shared/data/real, made in
#   tmp_path from the small list fixtures in tests/fixtures/ and a handful of name counts.
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .factory import WIKIDATA_LINES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def tiny_data_dir(tmp_path: Path) -> Path:
    """A data folder with the small UN and OFAC fixtures and a few name counts."""
    root = tmp_path / "real"
    (root / "un_sc_consolidated").mkdir(parents=True)
    shutil.copy(FIXTURES / "un_sc_small.xml", root / "un_sc_consolidated" / "consolidated.xml")
    shutil.copytree(FIXTURES / "ofac_sdn_small", root / "ofac_sdn")
    tokens = root / "wikidata_netransliteration_arabic"
    tokens.mkdir()
    (tokens / "wd_arabic.normalized.aligned.tokens").write_text(
        "\n".join(WIKIDATA_LINES) + "\n", encoding="utf-8"
    )
    return root
