"""How the engine does on names its lexicon has never seen.

    python scripts/eval_unknown_names.py [--data DIR] [--out DIR] [-- HAJIZ EVAL OPTIONS]

Runs `hajiz eval --no-peer` twice, each in its own process: once as shipped, and once with the
lexicon's knowledge of names withheld (its variant groups and its known Arabic-Latin
spellings). Word frequencies and the vowel patterns learned for the romanisation rules stay,
so every name is then one the engine has to work out from its letters, as it must for names
from outside the name data. Prints each category's recall and false-positive rate side by side.

The peer reaches its cross-script recall through a dictionary of known names and collapses on
names outside it (issue 5); this script shows how far our engine falls without its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RECALL_CATEGORIES = (
    "cross-script-ar-lat",
    "cross-script-lat-ar",
    "variants",
    "alias-strong",
    "alias-weak",
)
FP_CATEGORIES = ("negatives-no-dob", "negatives-dob")
SHIPPED, NO_NAMES = "shipped", "no-names"


def strip_names(data: dict[str, Any]) -> dict[str, Any]:
    """Lexicon data with no variant groups and no known Arabic-Latin spellings."""
    stripped = dict(data)
    stripped.update(
        romanized=[],
        romanization_lengths=[],
        romanization_values=[],
        romanization_counts=[],
        group_lengths=[],
        group_values=[],
        word_group_lengths=[0] * len(data["words"]),
        word_group_values=[],
    )
    return stripped


def run_eval(mode: str, eval_args: list[str]) -> None:
    """Run `hajiz eval` in this process, with the lexicon's names withheld in "no-names" mode."""
    if mode == NO_NAMES:
        import gzip

        import orjson

        from hajiz.names import lexicon

        def read_stripped(raw: bytes) -> lexicon.Lexicon:
            return lexicon.Lexicon(strip_names(orjson.loads(gzip.decompress(raw))))

        lexicon.read_lexicon = read_stripped  # load_lexicon looks it up when first called
    from hajiz.cli import main

    sys.argv = ["hajiz", "eval", "--no-peer", *eval_args]
    main()


def _engine(report: dict[str, Any], category: str) -> dict[str, Any]:
    engines: dict[str, Any] = report["categories"][category]["engines"]
    return dict(engines["hajiz"])


def _percent(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="folder of the real data (as hajiz eval)")
    parser.add_argument("--out", type=Path, default=Path("eval-unknown-names"))
    # Internal: one run, in the child process.
    parser.add_argument("--run", choices=(SHIPPED, NO_NAMES), help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    rest = [a for a in rest if a != "--"]
    if args.data:
        rest = ["--data", args.data, *rest]
    if args.run:
        run_eval(args.run, [*rest, "--out", str(args.out)])
        return
    reports = {}
    for mode in (SHIPPED, NO_NAMES):
        out = args.out / mode
        command = [sys.executable, __file__, "--run", mode, "--out", str(out), *rest]
        print(f"hajiz eval, lexicon {mode}: {out}", flush=True)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        reports[mode] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    print(f"\n{'category':28} {SHIPPED:>10} {NO_NAMES:>10}")
    for category in RECALL_CATEGORIES:
        cells = [_percent(_engine(r, category)["recall"]) for r in reports.values()]
        print(f"{category + ' recall':28} {cells[0]:>10} {cells[1]:>10}")
    for category in FP_CATEGORIES:
        cells = [_percent(_engine(r, category)["fp_rate"], 2) for r in reports.values()]
        print(f"{category + ' FP':28} {cells[0]:>10} {cells[1]:>10}")


if __name__ == "__main__":
    main()
