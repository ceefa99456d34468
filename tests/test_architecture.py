"""The domain core imports no adapter: no database, HTTP or CLI library, no store/api/cli/importers.

The core is `hajiz/model.py` and the packages `hajiz/names`, `hajiz/matching` and `hajiz/index`.
Every import statement in them (at any depth, including imports inside functions) is read with
`ast`, and so are the hajiz modules they reach, so an adapter cannot sneak in through a helper.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "hajiz"
CORE = ("names", "matching", "index", "model.py")
FORBIDDEN = (
    "sqlite3",
    "psycopg",
    "psycopg2",
    "sqlalchemy",
    "fastapi",
    "starlette",
    "uvicorn",
    "httpx",
    "click",
    "hajiz.store",
    "hajiz.api",
    "hajiz.cli",
    "hajiz.importers",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str, is_package: bool) -> set[str]:
    """Every module named by an import statement in `source`, relative ones resolved."""
    found: set[str] = set()
    base = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                target = ".".join(anchor + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from hajiz import store` names the module hajiz.store.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def is_forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def core_files() -> list[Path]:
    files: list[Path] = []
    for entry in CORE:
        path = PACKAGE / entry
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def path_of(module: str) -> Path | None:
    relative = Path(*module.split("."))
    for candidate in (PACKAGE.parent / relative / "__init__.py", PACKAGE.parent / f"{relative}.py"):
        if candidate.is_file():
            return candidate
    return None


def reachable_imports(start: list[Path]) -> dict[str, set[str]]:
    """Imports of every hajiz module reachable from `start`, keyed by module name."""
    seen: dict[str, set[str]] = {}
    todo = list(start)
    while todo:
        path = todo.pop()
        name = module_name(path)
        if name in seen:
            continue
        found = imports_of(path.read_text(encoding="utf-8"), name, path.name == "__init__.py")
        seen[name] = found
        for target in found:
            if target == "hajiz" or target.startswith("hajiz."):
                target_path = path_of(target)
                if target_path is not None and module_name(target_path) not in seen:
                    todo.append(target_path)
    return seen


def test_the_core_is_where_we_think_it_is() -> None:
    files = core_files()
    assert len(files) >= 15
    names = {module_name(f) for f in files}
    assert {"hajiz.model", "hajiz.names.normalize", "hajiz.matching.algorithm",
            "hajiz.index.candidates", "hajiz.index.snapshot"} <= names  # fmt: skip


def test_the_core_imports_no_adapter() -> None:
    offences = {
        module: sorted(name for name in names if is_forbidden(name))
        for module, names in reachable_imports(core_files()).items()
    }
    assert {module: bad for module, bad in offences.items() if bad} == {}


def test_the_core_reaches_only_core_modules_and_plain_helpers() -> None:
    reached = set(reachable_imports(core_files()))
    outside = {
        m for m in reached if not m.startswith(("hajiz.names", "hajiz.matching", "hajiz.index"))
    }
    # hajiz.compiled: which modules run compiled, read when the package is imported.
    helpers = {"hajiz", "hajiz.model", "hajiz.errors", "hajiz.countries", "hajiz.settings"}
    assert outside <= helpers | {"hajiz.compiled"}


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ("import sqlite3", "sqlite3"),
        ("from fastapi import FastAPI", "fastapi"),
        ("def f():\n    import click\n", "click"),
        ("from hajiz import store", "hajiz.store"),
        ("from hajiz.importers.base import parse_list", "hajiz.importers.base"),
        ("from ...store.sqlite import SQLiteStore", "hajiz.store.sqlite"),
        ("import httpx as h", "httpx"),
        ("from psycopg import connect", "psycopg"),
    ],
)
def test_the_scanner_catches_forbidden_imports(source: str, bad: str) -> None:
    # A module hajiz.matching.features.x with this source: the check must see the import.
    found = imports_of(source, "hajiz.matching.features.x", is_package=False)
    assert bad in found
    assert is_forbidden(bad)


def test_the_scanner_lets_plain_imports_through() -> None:
    found = imports_of(
        "import numpy as np\nfrom ..names.analysis import analyse\nfrom hajiz.errors import X",
        "hajiz.matching.x",
        is_package=False,
    )
    assert "hajiz.names.analysis" in found
    assert not any(is_forbidden(name) for name in found)
