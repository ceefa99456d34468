"""The full real lists (skipped when ../shared/data/real is absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hajiz.importers import parse_ofac_sdn, parse_un_sc
from hajiz.model import BirthDate, EntrySchema, NameKind, Script

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def un_sc(real_data_dir: Path):
    path = real_data_dir / "un_sc_consolidated" / "consolidated.xml"
    if not path.is_file():
        pytest.skip(f"UN list not found at {path}")
    return parse_un_sc(path)


@pytest.fixture(scope="module")
def ofac(real_data_dir: Path):
    folder = real_data_dir / "ofac_sdn"
    if not (folder / "sdn.csv").is_file():
        pytest.skip(f"OFAC files not found at {folder}")
    return parse_ofac_sdn(folder)


def test_un_sc_counts(un_sc):
    counts = Counter(e.schema_ for e in un_sc.entries)
    assert counts == {EntrySchema.PERSON: 730, EntrySchema.ORGANIZATION: 273}
    assert un_sc.source_version == "2026-02-27T00:00:09.554Z"
    assert un_sc.warnings == []


def test_un_sc_qdi_299(un_sc):
    entry = next(e for e in un_sc.entries if e.id == "un-sc:QDi.299")
    arabic = [n.full for n in entry.names if n.script is Script.ARABIC]
    assert arabic == [
        "إبراهيم عواد إبراهيم علي البدري السامرائي",
        "أبو دعاء",
        "أبو بكر البغدادي الحسيني القريشي",
    ]
    assert len(entry.names) == 13
    assert "Abu Bakr al-Baghdadi" in [n.full for n in entry.names if n.kind is NameKind.WEAK_ALIAS]
    assert entry.birth_dates == (BirthDate.parse("1971"),)


def test_un_sc_arabic_coverage(un_sc):
    persons = [e for e in un_sc.entries if e.schema_ is EntrySchema.PERSON]
    with_arabic = [e for e in persons if any(n.script is Script.ARABIC for n in e.names)]
    assert len(with_arabic) == 329  # PROVENANCE counts 328 with an Arabic name in any field
    assert sum(1 for e in persons if e.birth_dates) == 678


def test_ofac_counts(ofac):
    counts = Counter(e.schema_ for e in ofac.entries)
    assert counts == {EntrySchema.PERSON: 6854, EntrySchema.ORGANIZATION: 6884}
    assert "skipped 851 vessel records" in ofac.warnings
    assert "skipped 376 aircraft records" in ofac.warnings
    assert ofac.source_version is None


def test_ofac_12926(ofac):
    entry = next(e for e in ofac.entries if e.id == "ofac-sdn:12926")
    assert len([n for n in entry.names if n.kind is NameKind.ALIAS]) == 6
    weak = [n.full for n in entry.names if n.kind is NameKind.WEAK_ALIAS]
    assert weak == ["ABU DU'A", "DR. IBRAHIM", "ABU BAKR AL-BAGHDADI"]
    assert [str(d) for d in entry.birth_dates] == ["1971"]
