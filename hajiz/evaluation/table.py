"""Terminal tables (rich) of a report: one row per category and engine, targets beside."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from hajiz.evaluation.cases import Category
from hajiz.evaluation.runner import OURS, OURS_SAME_PAIRS
from hajiz.evaluation.targets import TARGETS, targets_for


def percent(value: float | None, digits: int = 1) -> str:
    """`97.3%`, or an en dash for no value."""
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def _mark(passed: bool | None) -> Text:
    if passed is None:
        return Text("? ", style="yellow")
    return Text("✓ ", style="green") if passed else Text("✗ ", style="bold red")


def _targets_cell(report: dict[str, Any], category: Category, engine: str) -> Text:
    cell = Text()
    if engine == OURS:
        values = report["categories"][str(category)]["engines"][OURS]
        for target in targets_for(category):
            if cell:
                cell.append("\n")  # one target a line: a bound is never cut in two
            cell.append_text(_mark(target.check(values[target.metric])))
            cell.append(target.label)
    elif engine == OURS_SAME_PAIRS:
        for row in report["peer_comparison"]:
            if row["category"] == str(category):
                cell.append_text(_mark(row["pass"]))
                cell.append(f"≥ {report['config']['peer']['name']}")
    return cell


def summary_table(report: dict[str, Any]) -> Table:
    """The main table: recall, ranks, candidate recall, FP rate, precision, targets."""
    config = report["config"]
    title = f"hajiz eval — {config['algorithm']} at threshold {config['threshold']:.2f}"
    if config["peer"]:
        peer = config["peer"]
        title += (
            f"; {peer['name']} (nomenklatura {peer['nomenklatura']}) at {peer['threshold']:.2f}"
        )
    table = Table(title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("Category", no_wrap=True)
    table.add_column("Engine", no_wrap=True)
    for header in ("Cases", "Recall", "R@1", "R@10", "Cand.", "FP rate", "Prec."):
        table.add_column(header, justify="right")
    # One target a line, as wide as the longest target and its mark when the terminal allows.
    table.add_column("Targets", min_width=max(len(t.label) for t in TARGETS) + 2)
    for name, data in report["categories"].items():
        category = Category(name)
        for engine, values in data["engines"].items():
            table.add_row(
                name if engine == OURS else "",
                engine,
                str(values["cases"]),
                percent(values["recall"]),
                percent(values["recall_at_1"]),
                percent(values["recall_at_10"]),
                percent(values["candidate_recall"]),
                percent(values["fp_rate"], 2),
                percent(values["precision"]),
                _targets_cell(report, category, engine),
                end_section=engine == list(data["engines"])[-1],
            )
    return table


def breakdown_table(report: dict[str, Any], category: Category = Category.VARIANTS) -> Table:
    """Recall of one category per sub-kind and per birth-date mode (our engine)."""
    table = Table(
        title=f"{category} by kind", title_justify="left", header_style="bold", box=box.SIMPLE_HEAD
    )
    for header in ("Group", "Cases", "Recall", "R@1", "R@10", "Cand."):
        table.add_column(header, justify="left" if header == "Group" else "right")
    breakdown = report["categories"].get(str(category), {}).get("breakdown", {})
    for axis in sorted(breakdown):
        labels = list(breakdown[axis])
        for label, values in breakdown[axis].items():
            table.add_row(
                label,
                str(values["cases"]),
                percent(values["recall"]),
                percent(values["recall_at_1"]),
                percent(values["recall_at_10"]),
                percent(values["candidate_recall"]),
                end_section=label == labels[-1],
            )
    return table


def peer_table(report: dict[str, Any]) -> Table | None:
    """Our recall beside the peer's best recall at an equal or lower FP rate (same pairs)."""
    peer = report["config"]["peer"]
    if not peer:
        return None
    name = peer["name"]
    table = Table(
        title=f"hajiz vs {name} on the same pairs (FP rate: pooled negatives at our threshold)",
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("Category", no_wrap=True)
    for header in ("Cases", "hajiz recall", "FP rate", f"{name} best at ≤ FP"):
        table.add_column(header, justify="right")
    table.add_column(f"{name} at {peer['threshold']:.2f}", justify="right")
    table.add_column("Pass")
    for row in report["peer_comparison"]:
        own = report["categories"][row["category"]]["engines"].get(name, {})
        table.add_row(
            row["category"],
            str(row["cases"]),
            percent(row["ours_recall"]),
            percent(row["ours_fp_rate"], 2),
            percent(row["peer_best_recall_at_fp"]),
            percent(own.get("recall")),
            _mark(row["pass"]),
        )
    return table
