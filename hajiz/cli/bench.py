"""`hajiz bench`: measure speed and memory of the name engine and of screening."""

from __future__ import annotations

import time
from pathlib import Path

import click
import orjson

from hajiz.benchmarking import (
    DEFAULT_SEED,
    BenchConfig,
    compiled_summary,
    engine_table,
    has_real_data,
    parse_sizes,
    run_benchmarks,
    screening_table,
)
from hajiz.cli.context import CliContext, err, load_settings, out
from hajiz.errors import HajizError


def _sizes(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, ...]:
    try:
        return parse_sizes(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


@click.command(name="bench")
@click.option(
    "--sizes",
    default="1000,43000",
    show_default=True,
    callback=_sizes,
    help="List sizes to screen against, comma-separated (43k and 1m work too; 1m takes "
    "~10 minutes and several GB).",
)
@click.option(
    "--queries",
    type=click.IntRange(10),
    default=1000,
    show_default=True,
    help="Single screens timed per size (and the size of the batch).",
)
@click.option(
    "--manifest",
    type=click.IntRange(1),
    default=500,
    show_default=True,
    help="Travellers in the manifest screened with screen_batch.",
)
@click.option(
    "--names",
    type=click.IntRange(10),
    default=20_000,
    show_default=True,
    help="Distinct names whose analysis is timed.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the real data; its UN and OFAC persons join the list (default: "
    "$HAJIZ_REAL_DATA_DIR, else ../shared/data/real; synthetic persons only if absent).",
)
@click.option(
    "--real/--no-real",
    default=True,
    show_default=True,
    help="Put the real UN and OFAC persons in the list when the data is there.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write every figure to this JSON file.",
)
@click.option(
    "--snapshot-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the index snapshots here (default: a temporary folder, removed afterwards).",
)
@click.option(
    "--engine/--no-engine",
    default=True,
    show_default=True,
    help="Measure the name engine (lexicon load, analysis) too.",
)
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True, help="Random seed.")
@click.pass_context
def bench_command(
    ctx: click.Context,
    sizes: tuple[int, ...],
    queries: int,
    manifest: int,
    names: int,
    data_dir: Path | None,
    real: bool,
    json_path: Path | None,
    snapshot_dir: Path | None,
    engine: bool,
    seed: int,
) -> None:
    """Measure speed and memory against the targets, on realistic synthetic lists.

    Prints two tables: the name engine (lexicon load, time to analyse a name) and screening
    per list size (build time, peak memory, single-screen latency, batch throughput, manifest
    time, snapshot save and load), each figure with its target and PASS/FAIL. Every job runs
    in a fresh process. Same options and seed, same data. See docs/benchmarks.md.

    \b
    Example:
      hajiz bench
      hajiz bench --sizes 1000 --queries 200 --names 2000 --json bench.json
      hajiz bench --sizes 1m --no-engine --json bench-1m.json
    """
    app = ctx.find_object(CliContext)
    settings = app.settings if app is not None else load_settings()
    real_dir = data_dir or settings.real_data_dir
    use_real = real and has_real_data(real_dir)
    config = BenchConfig(
        sizes=sizes,
        queries=queries,
        manifest=manifest,
        names=names,
        seed=seed,
        real_data_dir=real_dir if use_real else None,
        snapshot_dir=snapshot_dir,
        engine=engine,
    )
    progress = err()
    if real and not use_real:
        progress.print(f"[yellow]No real lists at {real_dir}: synthetic persons only.[/yellow]")
    started = time.perf_counter()

    def stage(message: str) -> None:
        progress.print(f"[dim]{time.perf_counter() - started:7.1f}s[/dim] {message}")

    try:
        report = run_benchmarks(config, stage)
    except HajizError as error:
        raise click.ClickException(str(error)) from error
    console = out()
    if report["engine"] is not None:
        console.print(engine_table(report["engine"]))
    if report["sizes"]:
        console.print(screening_table(report["sizes"]))
    targets = report["targets"]
    met = sum(t["pass"] is True for t in targets)
    summary = f"{met}/{len(targets)} targets met" if targets else "No targets at these sizes"
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
        summary += f"; wrote {json_path}"
    console.print(
        f"{summary} in {report['elapsed_s']:.0f} s. {compiled_summary(report['machine'])}."
    )


COMMANDS = [bench_command]
