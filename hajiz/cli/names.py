"""`hajiz names explain`: show how hajiz reads a name."""

from __future__ import annotations

import sys
from typing import Any

import click
import orjson
from rich.table import Table
from rich.text import Text

from hajiz.cli.context import out
from hajiz.names.analysis import AnalysedName, analyse


def analysis_dict(name: AnalysedName) -> dict[str, Any]:
    """The analysis as JSON-ready data."""
    return {
        "text": name.text,
        "script": name.script.value,
        "parts": [
            {
                "label": p.part.label,
                "words": list(p.part.words),
                "role": p.role.value,
                "core": p.core,
                "prefix": p.part.prefix,
                "suffix": p.part.suffix,
                "article": p.part.article,
                "latin_forms": list(p.forms),
                "phonetic_keys": sorted(p.phonetic),
                "skeletons": sorted(p.skeletons),
                "weight": round(p.weight, 3),
                "keys": sorted(p.keys()),
            }
            for p in name.parts
        ],
    }


@click.group("names")
def names_group() -> None:
    """Inspect the name engine: how hajiz reads, romanises and keys a name.

    \b
    Example:
      hajiz names explain "أبو بكر البغدادي"
    """


@names_group.command("explain")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
def explain_command(name: str, as_json: bool) -> None:
    """Show a name's parts, roles, romanisations and matching keys.

    \b
    Example:
      hajiz names explain "أبو بكر البغدادي"
      hajiz names explain "Abdurrahman bin Abd al-Aziz al-Qahtani" --json
    """
    analysed = analyse(name)
    data = analysis_dict(analysed)
    if as_json:
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    table = Table(title=Text(f"{name}  [{analysed.script.value}]"))
    for column in ("part", "role", "latin forms", "phonetic", "skeleton", "weight"):
        table.add_column(column)
    for part in data["parts"]:
        table.add_row(
            part["label"],
            part["role"],
            ", ".join(part["latin_forms"]),
            ", ".join(part["phonetic_keys"]),
            ", ".join(part["skeletons"]),
            f"{part['weight']:.2f}",
        )
    out().print(table)


COMMANDS = [names_group]
