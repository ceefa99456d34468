"""`hajiz names explain`: how hajiz reads a name, as a table and as JSON (cli/names.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import Result

RunCli = Callable[..., Result]


def explain(run_cli: RunCli, name: str) -> dict[str, Any]:
    result = run_cli("names", "explain", name, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_explain_json_shows_roles_and_latin_forms(run_cli: RunCli) -> None:
    data = explain(run_cli, "أبو بكر البغدادي")
    assert data["text"] == "أبو بكر البغدادي"
    assert data["script"] == "arabic"
    kunya, nisba = data["parts"]
    assert (kunya["role"], kunya["prefix"], kunya["core"]) == ("kunya", "abu", "بكر")
    assert kunya["label"] == "abu بكر"
    assert "bakr" in kunya["latin_forms"]
    assert (nisba["role"], nisba["article"], nisba["core"]) == ("nisba", True, "بغدادي")
    assert "baghdadi" in nisba["latin_forms"]
    for part in data["parts"]:
        assert part["keys"] and part["phonetic_keys"] and part["skeletons"]
        assert all(form.isascii() for form in part["latin_forms"])
        assert 0 < part["weight"] <= 1


def test_explain_json_of_compounds_and_titles(run_cli: RunCli) -> None:
    data = explain(run_cli, "Sheikh Abdurrahman bin Abd al-Aziz Salahuddin")
    assert [(p["label"], p["role"]) for p in data["parts"]] == [
        ("sheikh", "title"),
        ("abd rahman", "compound"),
        ("bin abd al-aziz", "compound"),
        ("salah al-din", "compound"),
    ]
    assert data["parts"][3]["suffix"] == "din"
    assert data["script"] == "latin"


def test_explain_json_keeps_arabic_unescaped(run_cli: RunCli) -> None:
    result = run_cli("names", "explain", "عبدالله", "--json")
    assert "\\u" not in result.stdout
    assert "عبد" in result.stdout
    assert json.loads(result.stdout)["parts"][0]["label"] == "abd allah"


def test_explain_table(run_cli: RunCli) -> None:
    result = run_cli("names", "explain", "Abu Bakr al-Baghdadi")
    assert result.exit_code == 0, result.output
    for text in ("Abu Bakr al-Baghdadi", "abu bakr", "kunya", "al-baghdadi", "nisba", "baghdadi"):
        assert text in result.stdout


def test_explain_table_title_shows_the_script_and_the_name_verbatim(run_cli: RunCli) -> None:
    result = run_cli("names", "explain", "Omar [the tall] Hassan")
    assert "[latin]" in result.stdout
    assert "Omar [the tall] Hassan" in result.stdout


def test_explain_needs_no_database(run_cli: RunCli, db_path: Path) -> None:
    assert run_cli("names", "explain", "Ali").exit_code == 0
    assert not db_path.exists()
