"""`hajiz screen-manifest`: screen every traveller of a UN/EDIFACT PAXLST flight manifest."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hajiz.cli.context import CliContext, err, limit_option, out, pass_cli, threshold_option
from hajiz.manifests import (
    ERROR,
    HIT,
    Outcome,
    manifest_document,
    plan_manifest,
    read_manifest,
    screen_planned,
    write_cusres,
)
from hajiz.manifests.model import Manifest
from hajiz.watchlist import load_screener

# Travellers shown in the summary table; the rest are counted (the JSON output has them all).
MAX_ROWS = 50
_STATUS_STYLE = {HIT: "bold red", ERROR: "yellow"}


def _flight_line(manifest: Manifest) -> str:
    flight = manifest.flight
    parts = [f"Flight {flight.number or '(no number)'}"]
    if flight.departure:
        at = f" {flight.departure.at:%Y-%m-%d %H:%M}" if flight.departure.at else ""
        parts.append(f"from {flight.departure.airport}{at}")
    if flight.arrival:
        at = f" {flight.arrival.at:%Y-%m-%d %H:%M}" if flight.arrival.at else ""
        parts.append(f"to {flight.arrival.airport}{at}")
    parts.append(f"(interchange {manifest.reference} from {manifest.sender or '?'})")
    return " ".join(parts)


def _best(outcome: Outcome) -> str:
    if outcome.status == ERROR:
        return outcome.planned.error or ""
    matched = [h for h in outcome.hits if h.get("match") and not h.get("cleared")]
    if not matched:
        return ""
    more = f" (+{len(matched) - 1})" if len(matched) > 1 else ""
    return f"{matched[0]['entity_id']} {matched[0]['score']:.2f} {matched[0]['band']}{more}"


def render_summary(console: Console, manifest: Manifest, outcomes: list[Outcome]) -> None:
    """The flight, the counts, then every traveller who needs an officer (hits and errors)."""
    hits = sum(1 for o in outcomes if o.status == HIT)
    errors = sum(1 for o in outcomes if o.status == ERROR)
    console.print(Text(_flight_line(manifest), style="bold"))
    console.print(
        f"{len(outcomes)} travellers ({manifest.passengers} passengers, {manifest.crew} crew): "
        f"{hits} with hits, {errors} not screened (unreadable), "
        f"{len(outcomes) - hits - errors} clear"
    )
    for warning in manifest.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    flagged = [o for o in outcomes if o.status in (HIT, ERROR)]
    if not flagged:
        return
    table = Table("#", "Name", "Role", "Born", "Nat.", "Document", "Status", "Best hit / error")
    for outcome in flagged[:MAX_ROWS]:
        traveller = outcome.traveller
        document = traveller.documents[0] if traveller.documents else None
        style = _STATUS_STYLE.get(outcome.status, "")
        table.add_row(
            str(traveller.number),
            Text(traveller.name),
            traveller.role,
            traveller.birth_date.isoformat() if traveller.birth_date else "",
            ",".join(traveller.nationalities),
            Text(f"{document.code} {document.number}") if document else "",
            Text(outcome.status.upper(), style=style),
            Text(_best(outcome)),
        )
    console.print(table)
    if len(flagged) > MAX_ROWS:
        console.print(f"… and {len(flagged) - MAX_ROWS} more (see --output for every traveller)")


def _write_json(document: dict[str, Any], output: Path) -> None:
    data = orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)


@click.command("screen-manifest")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write the results as JSON here ('-' for standard output) instead of the summary table.",
)
@click.option(
    "--cusres",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a CUSRES-style EDIFACT response, one message per traveller, to this file.",
)
@limit_option
@threshold_option("Score at or above which a hit counts (default: the algorithm's).")
@pass_cli
def screen_manifest_command(
    cli: CliContext,
    file: Path,
    output: Path | None,
    cusres: Path | None,
    limit: int,
    threshold: float | None,
) -> None:
    """Screen every passenger and crew member of a UN/EDIFACT PAXLST manifest (API message).

    Reads the flight (TDT, LOC, DTM) and each traveller: name (NAD), gender (ATT), birth date
    (DTM+329), nationality (NAT) and travel documents (DOC with expiry and issuing state).
    A traveller whose segments cannot be read is reported as not screened, naming the segment;
    every other traveller is screened. A broken envelope (UNB/UNH/UNT/UNZ counts or references)
    refuses the file. Each traveller ends as HIT, CLEAR or ERROR. See docs/paxlst.md.

    \b
    Example:
      hajiz screen-manifest XY123-20250301.edi
      hajiz screen-manifest flight.edi --output results.json --cusres response.edi
    """
    manifest = read_manifest(file)
    planned = plan_manifest(manifest, max_name_length=cli.settings.max_name_length)
    screener = load_screener(cli.store(), cli.settings)
    outcomes = screen_planned(screener, planned, limit=limit, threshold=threshold)
    in_force = screener.threshold if threshold is None else threshold
    if cusres is not None:
        text = write_cusres(manifest, outcomes, prepared_at=datetime.now())
        cusres.write_text(text, encoding="utf-8")
    if output is not None:
        document = manifest_document(
            manifest,
            outcomes,
            algorithm=screener.algorithm_id,
            threshold=in_force,
            list_versions=screener.list_versions(),
        )
        _write_json(document, output)
        hits = sum(1 for o in outcomes if o.status == HIT)
        errors = sum(1 for o in outcomes if o.status == ERROR)
        err().print(f"{len(outcomes)} travellers: {hits} with hits, {errors} not screened")
        return
    render_summary(out(), manifest, outcomes)


COMMANDS = [screen_manifest_command]
