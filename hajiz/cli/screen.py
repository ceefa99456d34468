"""`hajiz screen` and `hajiz screen-batch`: check travellers against the loaded lists."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click
import orjson
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from hajiz.batch import read_batch, result_record, write_csv, write_jsonl
from hajiz.bulk.options import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_PARTITION_SIZE,
    BulkRun,
    DaskOptions,
)
from hajiz.bulk.partitions import PARQUET_SUFFIXES, plan_partitions
from hajiz.cli.context import CliContext, err, limit_option, out, pass_cli, threshold_option
from hajiz.cli.explain import render_hit, render_result
from hajiz.errors import ConfigError
from hajiz.queries import build_query
from hajiz.screening import ScreeningResult
from hajiz.watchlist import load_screener

# Queries screened per progress-bar step in a batch.
BATCH_STEP = 256
TIMEOUT = f"{DEFAULT_CONNECT_TIMEOUT:g}"


@click.command("screen")
@click.argument("name")
@click.option("--name", "other_names", multiple=True, help="Another name of the same traveller.")
@click.option("--dob", multiple=True, help="Birth date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--nationality", multiple=True, help="Nationality: ISO code or country name.")
@click.option("--gender", type=click.Choice(["male", "female"]), default=None, help="Gender.")
@click.option("--document", multiple=True, help="Identity document: TYPE:NUMBER:COUNTRY.")
@limit_option
@threshold_option("Score at or above which a hit is shown (default: the algorithm's).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_cli
def screen_command(
    cli: CliContext,
    name: str,
    other_names: tuple[str, ...],
    dob: tuple[str, ...],
    nationality: tuple[str, ...],
    gender: str | None,
    document: tuple[str, ...],
    limit: int,
    threshold: float | None,
    as_json: bool,
) -> None:
    """Screen one traveller against every loaded list.

    Shows each hit with its score, band and an explanation: the traveller's name parts beside
    the list's, with why they match, and how birth date, nationality, gender and documents
    agree. When nothing reaches the threshold, the closest candidates are shown below it.

    \b
    Example:
      hajiz screen "أبو بكر البغدادي"
      hajiz screen "IBRAHIM AWWAD IBRAHIM AL-BADRI" --dob 1971 --nationality IQ
      hajiz screen "Mohammed Ali" --document passport:A1234567:IQ --json
    """
    query = build_query(
        [name, *other_names],
        birth_dates=list(dob),
        nationalities=list(nationality),
        gender=gender,
        documents=list(document),
        max_name_length=cli.settings.max_name_length,
    )
    screener = load_screener(cli.store(), cli.settings)
    result = screener.screen(query, limit=limit, threshold=threshold)
    closest: ScreeningResult | None = None
    if not result.hits and threshold is None:
        closest = screener.screen(query, limit=min(limit, 3), threshold=0.0)
    if as_json:
        payload = result.to_dict()
        if closest is not None:
            # Below the threshold in force, whatever threshold they were fetched with.
            payload["closest"] = [{**h.to_dict(), "match": False} for h in closest.hits]
        sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    render_result(out(), query, result, closest, screener.threshold)


@click.command("screen-batch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Write results here (default: standard output); a folder with --engine dask.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="Output format: JSON lines, or CSV with one row per hit.",
)
@limit_option
@threshold_option("Score at or above which a hit is kept (0 keeps every candidate).")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine's cores; dask: a Dask cluster, writing a folder of part files.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler to use, e.g. tcp://host:8786 (default: start a local cluster).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 512),
    default=None,
    help="Worker processes of the local Dask cluster (default: one per core).",
)
@click.option(
    "--partition-size",
    type=click.IntRange(1),
    default=None,
    help=f"Lines (or rows) per Dask partition [default: {DEFAULT_PARTITION_SIZE}].",
)
@click.option(
    "--connect-timeout",
    type=click.FloatRange(0.1),
    default=None,
    help=f"Seconds to wait for the Dask scheduler and a worker [default: {TIMEOUT}].",
)
@pass_cli
def screen_batch_command(
    cli: CliContext,
    file: Path,
    output: Path | None,
    fmt: str,
    limit: int,
    threshold: float | None,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    partition_size: int | None,
    connect_timeout: float | None,
) -> None:
    """Screen a file of travellers (.jsonl yente-style queries, .csv or .parquet) in one go.

    Output has one record per input line, in input order. A bad line (invalid JSON, no name,
    a name over the length limit) gives an error record for that line; the rest is screened.

    With --engine dask the file is cut into partitions screened by Dask workers (a local
    cluster, or the one at --scheduler), and --output names a folder that receives one
    part-NNNNN file per partition, in input order, and a _SUCCESS manifest with the counts.

    \b
    Example:
      hajiz screen-batch manifest.jsonl --output hits.jsonl
      hajiz screen-batch manifest.csv --format csv --threshold 0
      hajiz screen-batch travellers.parquet --engine dask --workers 2 --output hits/
      hajiz screen-batch travellers.jsonl --engine dask --scheduler tcp://host:8786 -o hits/
    """
    dask_only = {
        "--scheduler": scheduler,
        "--workers": workers,
        "--partition-size": partition_size,
        "--connect-timeout": connect_timeout,
    }
    if engine == "dask":
        if output is None:
            raise click.UsageError("--engine dask writes a folder of part files: give --output DIR")
        if scheduler is not None and workers is not None:
            raise click.UsageError("--workers sizes a local cluster: leave it out with --scheduler")
        options = DaskOptions(
            scheduler=scheduler,
            workers=workers,
            connect_timeout=connect_timeout or DEFAULT_CONNECT_TIMEOUT,
            partition_size=partition_size or DEFAULT_PARTITION_SIZE,
        )
        _screen_batch_on_dask(cli, file, output, fmt, limit, threshold, options)
        return
    given = [name for name, value in dask_only.items() if value is not None]
    if given:
        raise click.UsageError(f"{', '.join(given)} need --engine dask")
    if output is not None and output.is_dir():
        raise click.UsageError(f"--output {output} is a folder; give a file name")
    if file.suffix.lower() in PARQUET_SUFFIXES:
        from hajiz.bulk.parquet import read_parquet_batch

        items = read_parquet_batch(file, max_name_length=cli.settings.max_name_length)
    else:
        items = read_batch(file, max_name_length=cli.settings.max_name_length)
    screener = load_screener(cli.store(), cli.settings)
    queries = [item.query for item in items if item.query is not None]
    results: list[ScreeningResult] = []
    columns = (TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err(), transient=True, disable=len(queries) < 500) as bar:
        task = bar.add_task("screen", total=len(queries))
        for start in range(0, len(queries), BATCH_STEP * 8):
            chunk = queries[start : start + BATCH_STEP * 8]
            results.extend(screener.screen_batch(chunk, limit=limit, threshold=threshold))
            bar.advance(task, len(chunk))
    by_query = iter(results)
    records = [result_record(i, next(by_query) if i.query else None) for i in items]
    errors = sum(1 for i in items if i.query is None)
    if fmt == "jsonl":
        if output is None:
            write_jsonl(records, sys.stdout.buffer)
        else:
            with output.open("wb") as handle:
                write_jsonl(records, handle)
    elif output is None:
        write_csv(records, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            write_csv(records, handle)
    matched = sum(1 for r in results if any(h.is_match for h in r.hits))
    err().print(
        f"{len(items)} travellers: {matched} with hits at or above the threshold, "
        f"{errors} unreadable line(s)"
    )


def _screen_batch_on_dask(
    cli: CliContext,
    file: Path,
    output: Path,
    fmt: str,
    limit: int,
    threshold: float | None,
    options: DaskOptions,
) -> None:
    try:
        from hajiz.bulk.dask_engine import screen_on_dask
    except ModuleNotFoundError as error:
        raise ConfigError(
            f"--engine dask needs Dask ({error.name} is not installed): pip install 'hajiz[dask]'"
        ) from None
    run = BulkRun(limit, threshold, fmt, cli.settings.max_name_length)
    plan = plan_partitions(file, options.partition_size)  # a bad file fails before the build
    screener = load_screener(cli.store(), cli.settings)
    console = err()
    columns = (TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("screen", total=None)

        def advance(rows: int, total: int) -> None:
            bar.update(task, total=total, advance=rows)

        summary = screen_on_dask(
            screener, plan, output, run, options, progress=advance, say=console.print
        )
    loads = sorted(set(summary.snapshot_loads.values()))
    console.print(
        f"{summary.travellers} travellers: {summary.matched} with hits at or above the "
        f"threshold, {summary.errors} unreadable line(s); {summary.parts} part(s) in "
        f"{summary.output_dir} in {summary.elapsed_s:.1f} s (index loaded "
        f"{'/'.join(map(str, loads)) or 0} time(s) on each of {len(summary.snapshot_loads)} "
        "worker(s))"
    )


SAMPLE_MANIFEST = "sample_manifest.jsonl"


def screen_sample(cli: CliContext) -> None:
    """Screen the bundled sample manifest and print each traveller's hits, explained."""
    sample = resources.files("hajiz").joinpath("data", SAMPLE_MANIFEST)
    with resources.as_file(sample) as path:
        items = read_batch(path, max_name_length=cli.settings.max_name_length)
    screener = load_screener(cli.store(), cli.settings)
    console = out()
    console.print(f"[bold]Screening the sample manifest ({len(items)} travellers)[/bold]")
    for item in items:
        if item.query is None:
            console.print(f"{item.query_id}: {item.error}")
            continue
        result = screener.screen(item.query, limit=3)
        names = " / ".join(item.query.names)
        dob = ", ".join(str(d) for d in item.query.birth_dates) or "no birth date"
        verdict = f"{len(result.hits)} hit(s)" if result.hits else "clear"
        console.print(f"[bold]{item.query_id}[/bold] {names} ({dob}): {verdict}")
        for rank, hit in enumerate(result.hits, start=1):
            render_hit(console, rank, hit)


COMMANDS = [screen_command, screen_batch_command]
