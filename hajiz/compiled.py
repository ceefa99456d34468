"""The modules `setup.py` compiles with mypyc, and whether this process runs them compiled.

A screening spends most of its time comparing name parts and aligning names; compiled, those
modules run about a third faster, with the same results. Without a C compiler at install time
the package is plain Python. `HAJIZ_PURE_PYTHON=1` runs the plain Python even where the
compiled modules are installed (to rule them out when a result looks wrong); it is read once,
when `hajiz` is first imported.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

# Read by setup.py as a literal: keep it a plain tuple of module names.
COMPILED = (
    "hajiz.names.similarity",
    "hajiz.names.parts",
    "hajiz.matching.pairing",
    "hajiz.matching.names",
    "hajiz.matching.family",
    "hajiz.matching.weights",
)
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def _is_extension(module: ModuleType) -> bool:
    return str(module.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def compiled_modules() -> tuple[str, ...]:
    """The modules of `COMPILED` this process runs compiled."""
    return tuple(name for name in COMPILED if _is_extension(importlib.import_module(name)))


def source_path(name: str) -> Path:
    """The Python source of a module of this package."""
    return _PACKAGE_ROOT.joinpath(*name.split(".")).with_suffix(".py")


def stale_modules() -> tuple[str, ...]:
    """Compiled modules whose source changed after they were built: an editable install that
    needs `pip install -e .` again, or its figures and results are the old code's."""
    stale = []
    for name in compiled_modules():
        built = Path(str(importlib.import_module(name).__file__)).stat().st_mtime
        source = source_path(name)
        if source.is_file() and source.stat().st_mtime > built:
            stale.append(name)
    return tuple(stale)


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the compiled modules' Python sources before their extensions."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


def use_source() -> None:
    """Import the compiled modules from their Python sources from now on (before any of them
    is imported: a module already imported stays as it is)."""
    if not any(isinstance(finder, _SourceFirst) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst())
