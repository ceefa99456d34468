"""Render screening results for the terminal: hits, aligned name parts, field agreement."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from hajiz.model import Query
from hajiz.names.labels import arabic_label
from hajiz.screening import Hit, ScreeningResult

_BAND_STYLE = {"strong": "bold red", "review": "yellow", "clear": "green"}
_AGREEMENT_STYLE = {"match": "green", "mismatch": "red", "unknown": "dim"}


def _parts_table(name: dict[str, Any]) -> Table:
    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column("traveller")
    table.add_column("list")
    table.add_column("score", justify="right")
    table.add_column("why")
    for pair in name["pairs"]:
        query = arabic_label(pair["query"])
        if pair["query_latin"] != pair["query"].split()[-1]:
            query += f" ({pair['query_latin']})"
        entry = arabic_label(pair["entry"])
        if pair["entry_latin"] != pair["entry"].split()[-1]:
            entry += f" ({pair['entry_latin']})"
        reason = pair["reason"] + (f": {pair['detail']}" if pair["detail"] else "")
        table.add_row(query, entry, f"{pair['score']:.2f}", reason)
    for part in name["unmatched_query"]:
        table.add_row(arabic_label(part), "—", "", "[dim]not in this list name[/dim]")
    for part in name["unmatched_entry"]:
        table.add_row("—", arabic_label(part), "", "[dim]not given by the traveller[/dim]")
    return table


def render_hit(console: Console, rank: int, hit: Hit) -> None:
    """One hit: its headline, the aligned name parts, and each field's agreement."""
    style = _BAND_STYLE.get(hit.band, "")
    explanation = hit.explanation
    name = explanation.get("name") or {}
    console.print(
        f"[bold]{rank}. {hit.entry_id}[/bold]  score [{style}]{hit.score:.2f} {hit.band}[/{style}]"
        f"  agency {hit.agency}  version {hit.entry_version}"
    )
    if name:
        kind = explanation.get("name_kind") or ""
        console.print(f"   {name['query_name']}  ↔  {name['entry_name']}  [dim]({kind})[/dim]")
        console.print(_parts_table(name))
    for feature in explanation.get("features", []):
        agreement = feature["agreement"]
        colour = _AGREEMENT_STYLE.get(agreement, "")
        console.print(f"   [{colour}]{agreement.upper():8}[/{colour}] {feature['detail']}")
    for note in explanation.get("notes", []):
        console.print(f"   [italic]{note}[/italic]")
    console.print()


def render_result(
    console: Console,
    query: Query,
    result: ScreeningResult,
    closest: ScreeningResult | None,
    threshold: float,
) -> None:
    """The whole answer for one traveller."""
    console.print(
        f"[bold]{' / '.join(query.names)}[/bold]: {len(result.hits)} hit(s) at or above "
        f"{threshold:.2f} among {result.candidates} candidates, {result.elapsed_ms:.1f} ms, "
        f"{result.algorithm}"
    )
    console.print()
    for rank, hit in enumerate(result.hits, start=1):
        render_hit(console, rank, hit)
    if closest is not None and closest.hits:
        console.print("[dim]Closest candidates below the threshold:[/dim]")
        console.print()
        for rank, hit in enumerate(closest.hits, start=1):
            render_hit(console, rank, hit)
