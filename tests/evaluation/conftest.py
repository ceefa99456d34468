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

from hajiz.model import BirthDate, Entry, Name, NameKind, Script

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# A few Wikidata-style token lines: latin, spaced Arabic letters, count.
WIKIDATA_LINES = [
    "mohamed\tم ح م د\t50",
    "ahmed\tأ ح م د\t40",
    "hassan\tح س ن\t30",
    "khalid\tخ ا ل د\t20",
    "omar\tع م ر\t20",
    "john\tج و ن\t60",
    "smith\tس م ي ث\t50",
    "maria\tم ا ر ي ا\t30",
]


def entry(
    entry_id: str,
    *names: tuple[str, NameKind],
    source: str = "test",
    born: tuple[str, ...] = (),
    nationalities: tuple[str, ...] = (),
) -> Entry:
    """An entry with names of the given kinds (Arabic script detected from the text)."""
    return Entry(
        id=entry_id,
        source=source,
        agency="TEST",
        names=tuple(
            Name(
                full=full,
                kind=kind,
                script=Script.ARABIC if any("\u0600" <= c <= "\u06ff" for c in full) else Script.LATIN,
            )
            for full, kind in names
        ),
        birth_dates=tuple(BirthDate.parse(b) for b in born),
        nationalities=nationalities,
    )


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
