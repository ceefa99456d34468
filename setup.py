"""Compile the name matcher's hot modules with mypyc when a C compiler is at hand.

Everything else about the package is in pyproject.toml. The compiled modules are the same
typed Python, run about a third faster (docs/benchmarks.md); without a compiler the package
installs as plain Python and behaves the same. HAJIZ_COMPILE chooses: "auto" (the default:
compile when a C compiler and Python's headers are there), "0" (never), "1" (always; fail if
it cannot).
"""

from __future__ import annotations

import ast
import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup

CHOICES = ("auto", "0", "1")
HERE = Path(__file__).resolve().parent


def _compiled() -> list[str]:
    """The source files of `hajiz.compiled.COMPILED` (read, not imported: the build has none
    of the package's dependencies)."""
    tree = ast.parse((HERE / "hajiz" / "compiled.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILED":
            return [name.replace(".", "/") + ".py" for name in ast.literal_eval(node.value)]
    raise SystemExit("hajiz/compiled.py has no COMPILED tuple")


def _can_compile() -> bool:
    """Whether this Python's C compiler and headers are installed."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    return shutil.which(compiler) is not None and headers.is_file()


def extensions() -> list[Extension]:
    """The compiled modules' extensions, or none for a plain-Python install."""
    choice = os.environ.get("HAJIZ_COMPILE", "auto").strip().lower() or "auto"
    if choice not in CHOICES:
        sys.exit(f"HAJIZ_COMPILE must be one of {', '.join(CHOICES)}, not {choice!r}")
    if choice == "0":
        return []
    if choice == "auto" and not _can_compile():
        print("hajiz: no C compiler or Python headers, installing as plain Python")
        return []
    from mypyc.build import mypycify

    # Its own options, not pyproject's: the build has mypy alone, not the package's dependencies
    # (their types are read as Any, which costs the compiled code nothing that matters).
    options = ["--config-file", os.devnull, "--ignore-missing-imports"]
    return mypycify([*options, *_compiled()], opt_level="3", group_name="hajiz_compiled")


setup(ext_modules=extensions())
