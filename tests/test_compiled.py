"""The compiled name matcher (setup.py, hajiz.compiled): in use where required, never stale,
and scoring exactly as the plain Python does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hajiz.compiled import COMPILED, compiled_modules, source_path, stale_modules

# Every name of the bundled demo list (Latin and Arabic script) screened against the list,
# and again with a letter dropped and its person's birth dates (which may pair the misspelt
# part, pairing.pair_near), every candidate scored: the two builds' scores and explanations.
WORKLOAD = """
import json, sys
from importlib import resources
from hajiz.compiled import compiled_modules
from hajiz.importers.un_sc import parse_un_sc
from hajiz.model import Query
from hajiz.screening import Screener

with resources.as_file(resources.files("hajiz").joinpath("data", "demo_un_sc.xml")) as path:
    entries = parse_un_sc(path).entries
screener = Screener.from_entries(entries)
names = sorted({name.full for entry in entries for name in entry.names})
born = {name.full: entry.birth_dates for entry in entries for name in entry.names}
results = []
for number, name in enumerate(names):
    for text, dates in ((name, ()), (name[:-2] + name[-1:], born[name])):
        query = Query(id=str(number), names=(text,), birth_dates=dates)
        result = screener.screen(query, limit=50, threshold=0.0)
        results.append([text, [[h.entry_id, h.score, h.explanation] for h in result.hits]])
json.dump({"compiled": list(compiled_modules()), "results": results}, sys.stdout)
"""


def _run(pure: bool) -> dict[str, object]:
    """The workload in a fresh process: as this one runs (compiled unless HAJIZ_PURE_PYTHON
    says otherwise), or in plain Python."""
    env = dict(os.environ, HAJIZ_PURE_PYTHON="1") if pure else dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-c", WORKLOAD], env=env, capture_output=True, text=True, check=True
    )
    data: dict[str, object] = json.loads(done.stdout)
    return data


def test_every_compiled_module_is_in_use_where_ci_requires_it() -> None:
    if os.environ.get("HAJIZ_REQUIRE_COMPILED") == "1":
        assert compiled_modules() == COMPILED
    elif not compiled_modules():
        pytest.skip(
            "the name matcher runs as plain Python "
            "(not compiled at install time, or HAJIZ_PURE_PYTHON=1)"
        )
    assert set(compiled_modules()) <= set(COMPILED)


def test_no_compiled_module_is_older_than_its_source() -> None:
    assert stale_modules() == (), "sources changed after the build: run pip install -e . again"


def test_every_compiled_module_has_its_source_beside_it() -> None:
    for name in COMPILED:
        assert source_path(name).is_file(), name


def test_the_plain_python_scores_exactly_as_the_compiled_code() -> None:
    installed, pure = _run(pure=False), _run(pure=True)
    assert pure["compiled"] == []
    assert installed["compiled"] == list(compiled_modules())
    results = installed["results"]
    assert isinstance(results, list) and len(results) > 500
    # Not only perfect matches: the comparison covers partial scores across scripts too.
    scores = {round(hit[1], 2) for _, hits in results for hit in hits}
    assert len(scores) > 30
    misspelt = [hit for _, hits in results for hit in hits if "misspelt" in str(hit[2]["notes"])]
    assert misspelt, "no hit read a part as misspelt: the workload misses pairing.pair_near"
    assert results == pure["results"]


ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("choice", "ok"), [("0", True), ("maybe", False)])
def test_hajiz_compile_takes_auto_0_or_1_and_names_them_otherwise(choice: str, ok: bool) -> None:
    env = dict(os.environ, HAJIZ_COMPILE=choice)
    done = subprocess.run(
        [sys.executable, "setup.py", "--name"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert (done.returncode == 0) is ok
    if ok:
        assert done.stdout.strip().splitlines()[-1] == "hajiz"
    else:
        assert "HAJIZ_COMPILE must be one of auto, 0, 1, not 'maybe'" in done.stderr
