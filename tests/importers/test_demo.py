from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from hajiz.importers import parse_un_sc
from hajiz.model import EntrySchema, Script

ROOT = Path(__file__).parent.parent.parent
DEMO = ROOT / "hajiz" / "data" / "demo_un_sc.xml"
SCRIPT = ROOT / "scripts" / "make_demo_list.py"


def test_demo_list_parses_with_the_real_lists_version():
    parsed = parse_un_sc(DEMO)
    assert parsed.source_version == "2026-02-27T00:00:09.554Z"
    counts = Counter(e.schema_ for e in parsed.entries)
    assert counts == {EntrySchema.PERSON: 252, EntrySchema.ORGANIZATION: 30}
    assert {e.programs for e in parsed.entries} == {("Al-Qaida",)}
    with_arabic = [e for e in parsed.entries if any(n.script is Script.ARABIC for n in e.names)]
    assert len(with_arabic) >= 120
    assert "un-sc:QDi.299" in {e.id for e in parsed.entries}


@pytest.mark.realdata
def test_demo_list_is_what_the_script_cuts(real_data_dir, tmp_path):
    source = real_data_dir / "un_sc_consolidated" / "consolidated.xml"
    if not source.is_file():
        pytest.skip(f"UN list not found at {source}")
    spec = importlib.util.spec_from_file_location("make_demo_list", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "demo.xml"
    assert module.main(["--source", str(source), "--out", str(out)]) == 0
    assert out.read_bytes() == DEMO.read_bytes()
