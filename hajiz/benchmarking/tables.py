"""Terminal tables (rich) of a benchmark report, with each target and its verdict beside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.table import Table
from rich.text import Text

from hajiz.benchmarking.targets import ENGINE_TARGETS, Target, size_target


def _number(value: float | None, digits: int = 1) -> str:
    """`1,234.5`, or an en dash for no value."""
    return "–" if value is None else f"{value:,.{digits}f}"


def _get(figures: dict[str, Any] | None, *path: str) -> Any:
    value: Any = figures
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def verdict(target: Target | None, figures: dict[str, Any] | None) -> Text:
    """`✓ PASS (≤ 2 ms)`, `✗ FAIL (≤ 2 ms)`, or empty when no target applies."""
    if target is None or figures is None:
        return Text()
    passed = target.check(figures)
    if passed is None:
        return Text(f"? ({target.label})", style="yellow")
    if passed:
        return Text(f"✓ PASS ({target.label})", style="green")
    return Text(f"✗ FAIL ({target.label})", style="bold red")


def _engine_target(*path: str) -> Target | None:
    return next((t for t in ENGINE_TARGETS if t.path == path), None)


def engine_table(engine: dict[str, Any]) -> Table:
    """Table 1: lexicon load and per-name analysis time."""
    table = Table(title="Name engine", title_justify="left", header_style="bold")
    table.add_column("Figure")
    table.add_column("Value", justify="right")
    table.add_column("Target")
    lexicon, analysis = engine["lexicon"], engine["analysis"]

    def row(label: str, value: str, *path: str) -> None:
        table.add_row(label, value, verdict(_engine_target(*path), engine))

    row("Lexicon words (file size)", f"{lexicon['words']:,} ({lexicon['file_mb']:.1f} MB)")
    row("Lexicon load, fresh process", f"{lexicon['load_s']:.2f} s", "lexicon", "load_s")
    row("  parsing the bytes again (read_lexicon)", f"{lexicon['parse_s']:.2f} s")
    row("Lexicon memory retained", f"{lexicon['retained_mb']:.1f} MB", "lexicon", "retained_mb")
    row("  RSS added / transient peak", _pair(lexicon["rss_added_mb"], lexicon["peak_traced_mb"]))
    warming, cold = analysis["warming"], analysis["cold"]
    table.add_section()
    row(
        f"analyse() p50, {analysis['names']:,} distinct names",
        f"{warming['p50_us']:.1f} µs",
        "analysis",
        "warming",
        "p50_us",
    )
    row("  p95 / p99 / mean", _triple(warming, "µs"))
    for label, key in (("Latin", "latin"), ("Arabic script", "arabic")):
        part = analysis.get(key)
        if part:
            row(f"  {label} ({part['names']:,}): p50 / p95 / p99", _stats(part))
    row("  every cache cleared: p50 / p95 / p99", _stats(cold))
    paused = analysis.get("gc_paused")
    if paused:
        row("  garbage collector paused: p50 / p95 / p99", _stats(paused))
    row("1,000,000 names on one core", f"{warming['million_names_s']:.0f} s")
    row("  with every cache cleared", f"{cold['million_names_s']:.0f} s")
    if paused:
        row("  with the garbage collector paused", f"{paused['million_names_s']:.0f} s")
    return table


def _pair(first: float | None, second: float | None) -> str:
    return f"{_number(first)} / {_number(second)} MB"


def _triple(summary: dict[str, Any], unit: str) -> str:
    return f"{summary['p95_us']:.0f} / {summary['p99_us']:.0f} / {summary['mean_us']:.0f} {unit}"


def _stats(summary: dict[str, Any]) -> str:
    return f"{summary['p50_us']:.0f} / {summary['p95_us']:.0f} / {summary['p99_us']:.0f} µs"


Cell = Callable[[dict[str, Any]], str]
# Rows of the screening table: label, how to show the value, and the figure a target bounds.
_ROWS: tuple[tuple[str, Cell, tuple[str, ...] | None], ...] = (
    (
        "Entries (real + synthetic)",
        lambda f: f"{f['size']:,} ({f['real_entries']:,} + {f['synthetic_entries']:,})",
        None,
    ),
    ("Names indexed", lambda f: f"{f['build']['names']:,}", None),
    ("Build: prepare entries", lambda f: f"{f['build']['prepare_s']:.1f} s", None),
    ("Build: index keys", lambda f: f"{f['build']['index_s']:.1f} s", None),
    ("  names analysed in the worker", lambda f: _worker_s(f), None),
    ("Build total", lambda f: f"{f['build']['total_s']:.1f} s", ("build", "total_s")),
    ("  (drawing synthetic entries, apart)", lambda f: f"{f['build']['draw_s']:.1f} s", None),
    (
        "Memory before build (code, lexicon, real lists)",
        lambda f: f"{_number(f['memory']['baseline_mb'], 0)} MB",
        None,
    ),
    ("Memory after build", lambda f: f"{_number(f['memory']['after_build_mb'], 0)} MB", None),
    (
        "Peak memory (build + screening)",
        lambda f: f"{_number(f['memory']['peak_mb'], 0)} MB",
        ("memory", "peak_mb"),
    ),
    (
        "  with snapshot save",
        lambda f: f"{_number(_get(f, 'memory', 'peak_with_snapshot_mb'), 0)} MB",
        None,
    ),
    (
        "  build worker peak (shared pages counted)",
        lambda f: f"{_number(_get(f, 'memory', 'build_worker_peak_mb'), 0)} MB",
        None,
    ),
    (
        "  batch worker peak (shared pages counted)",
        lambda f: f"{_number(f['memory']['workers_peak_mb'], 0)} MB",
        None,
    ),
    ("Screen p50", lambda f: _ms(f, "p50"), ("screen", "latency_ms", "p50")),
    ("Screen p95", lambda f: _ms(f, "p95"), None),
    ("Screen p99", lambda f: _ms(f, "p99"), ("screen", "latency_ms", "p99")),
    ("Screen mean / max", lambda f: f"{_ms(f, 'mean')} / {_ms(f, 'max')}", None),
    ("  p50 variant / Arabic / unlisted", lambda f: _kinds(f), None),
    ("Candidates scored per query", lambda f: f"{f['screen']['candidates_mean']:.1f}", None),
    ("  p50 analyse / find / score", lambda f: _stages(f), None),
    (
        "  scoring one candidate, p50",
        lambda f: f"{_number(_get(f, 'screen', 'stages', 'score_per_candidate_us', 'p50'), 0)} µs",
        None,
    ),
    ("  GC full collections, longest pause", lambda f: _gc(f), None),
    (
        "Batch throughput",
        lambda f: f"{_number(f['batch']['queries_per_s'], 0)} q/s ({f['batch']['workers']} cores)",
        None,
    ),
    (
        "Manifest wall time",
        lambda f: f"{f['manifest']['wall_s']:.2f} s ({f['manifest']['queries']} travellers)",
        ("manifest", "wall_s"),
    ),
    (
        "Snapshot save / size",
        lambda f: (
            f"{_get(f, 'snapshot', 'save_s') or 0:.1f} s / "
            f"{_get(f, 'snapshot', 'size_mb') or 0:,.0f} MB"
        ),
        None,
    ),
    (
        "Snapshot load, fresh process",
        lambda f: f"{_number(_get(f, 'snapshot', 'load_s'), 2)} s",
        ("snapshot", "load_s"),
    ),
    (
        "  memory after load",
        lambda f: f"{_number(_get(f, 'snapshot', 'rss_after_load_mb'), 0)} MB",
        None,
    ),
    (
        "  first screen after load",
        lambda f: f"{_number(_get(f, 'snapshot', 'first_screen_ms'), 0)} ms",
        None,
    ),
)


def _ms(figures: dict[str, Any], stat: str) -> str:
    return f"{figures['screen']['latency_ms'][stat]:.2f} ms"


def _stages(figures: dict[str, Any]) -> str:
    stages = _get(figures, "screen", "stages") or {}
    keys = ("analyse_query_ms", "find_candidates_ms", "score_candidates_ms")
    return " / ".join(_number(_get(stages, k, "p50"), 2) for k in keys) + " ms"


def _gc(figures: dict[str, Any]) -> str:
    pauses = _get(figures, "screen", "gc")
    if not pauses:
        return "–"
    return f"{pauses['full_collections']}, {pauses['max_ms']:,.0f} ms"


def _kinds(figures: dict[str, Any]) -> str:
    by_kind = figures["screen"]["by_kind_ms"]
    values = [by_kind.get(k, {}).get("p50") for k in ("variant", "arabic", "unlisted")]
    return " / ".join(_number(v, 2) for v in values) + " ms"


def screening_table(sizes: list[dict[str, Any]]) -> Table:
    """Table 2: one column per list size, each value with its target's verdict."""
    table = Table(title="Screening", title_justify="left", header_style="bold")
    table.add_column("Figure")
    for figures in sizes:
        table.add_column(f"N = {figures['size']:,}", justify="right")
    for label, cell, path in _ROWS:
        values = []
        for figures in sizes:
            text = Text(cell(figures))
            target = size_target(path, figures["size"]) if path else None
            if target is not None:
                text.append("  ")
                text.append_text(verdict(target, figures))
            values.append(text)
        table.add_row(label, *values)
    return table


def _worker_s(figures: dict[str, Any]) -> str:
    seconds = _get(figures, "build", "worker_s")
    return "– (one process)" if not seconds else f"{seconds:.1f} s (other core)"
