"""`hajiz eval`: measure the screening engine on labelled test sets built from the real lists."""

from __future__ import annotations

import time
from pathlib import Path

import click

from hajiz.cli.context import CliContext, err, load_settings, out
from hajiz.errors import ConfigError, HajizError
from hajiz.evaluation.cases import Category
from hajiz.evaluation.peer import is_peer_available
from hajiz.evaluation.plots import write_plots
from hajiz.evaluation.report import misses, summarise, write_json
from hajiz.evaluation.runner import DEFAULT_SEED, EvalConfig, run_evaluation
from hajiz.evaluation.table import breakdown_table, peer_table, summary_table
from hajiz.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM

_DIR = click.Path(file_okay=False, path_type=Path)


@click.command(name="eval")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of the real data (default: $HAJIZ_REAL_DATA_DIR, else ../shared/data/real).",
)
@click.option(
    "--out",
    "out_dir",
    type=_DIR,
    default=Path("eval-out"),
    show_default=True,
    help="Folder for report.json, misses.json and the PNG plots.",
)
@click.option(
    "--algorithm",
    type=click.Choice(sorted(ALGORITHMS)),
    default=DEFAULT_ALGORITHM,
    show_default=True,
    help="Our scoring algorithm.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Threshold to report at (default: the algorithm's own).",
)
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True, help="Random seed.")
@click.option(
    "--cross-script",
    type=click.IntRange(1),
    default=None,
    help="Persons per cross-script direction (default: all with an Arabic-script name).",
)
@click.option(
    "--aliases",
    type=click.IntRange(1),
    default=1000,
    show_default=True,
    help="Held-out aliases per strength (strong, weak).",
)
@click.option(
    "--variants",
    type=click.IntRange(1),
    default=1500,
    show_default=True,
    help="Varied listed names.",
)
@click.option(
    "--negatives",
    type=click.IntRange(2),
    default=5000,
    show_default=True,
    help="Unlisted travellers (half of them with a birth date).",
)
@click.option(
    "--near-misses",
    type=click.IntRange(1),
    default=500,
    show_default=True,
    help="Listed names with another birth date and nationality.",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=10,
    show_default=True,
    help="Hits kept per query (recall@k looks at these).",
)
@click.option(
    "--peer/--no-peer",
    default=None,
    help="Score the same pairs with nomenklatura logic-v2 (default: when installed).",
)
@click.option(
    "--peer-sample",
    type=click.IntRange(1),
    default=300,
    show_default=True,
    help="Cases per category the peer scores (~11 pairs each).",
)
@click.pass_context
def eval_command(
    ctx: click.Context,
    data_dir: Path | None,
    out_dir: Path,
    algorithm: str,
    threshold: float | None,
    seed: int,
    cross_script: int | None,
    aliases: int,
    variants: int,
    negatives: int,
    near_misses: int,
    limit: int,
    peer: bool | None,
    peer_sample: int,
) -> None:
    """Measure the engine on test sets built from the real UN and OFAC lists.

    Cross-script (Arabic <-> Latin), held-out strong and weak aliases, systematic name
    variants (passport MRZ, order, particles, nasab, spelling, typos), synthetic unlisted
    travellers and near misses. Prints a table with the targets, and writes report.json (every
    number), misses.json and PNG plots to --out. Same inputs and seed give the same report.

    \b
    Example:
      hajiz eval
      hajiz eval --data ../shared/data/real --out eval-out --no-peer
      hajiz eval --negatives 1000 --variants 300 --seed 7
    """
    app = ctx.find_object(CliContext)
    try:
        settings = app.settings if app is not None else load_settings()
        if peer and not is_peer_available():
            raise ConfigError("--peer needs nomenklatura: pip install 'hajiz[peer]'")
        config = EvalConfig(
            real_data_dir=data_dir or settings.real_data_dir,
            algorithm=algorithm,
            threshold=threshold,
            seed=seed,
            cross_script=cross_script,
            aliases=aliases,
            variants=variants,
            negatives=negatives,
            near_misses=near_misses,
            limit=limit,
            peer=peer,
            peer_sample=peer_sample,
        )
        started = time.perf_counter()
        progress = err()
        with progress.status("Starting…") as status:

            def on_stage(message: str) -> None:
                elapsed = time.perf_counter() - started
                status.update(f"{message}…")
                progress.print(f"[dim]{elapsed:6.1f}s[/dim] {message}")

            run = run_evaluation(config, on_stage=on_stage)
        report = summarise(run)
        write_json(out_dir / "report.json", report)
        write_json(out_dir / "misses.json", misses(run))
        plots = write_plots(report, out_dir)
    except HajizError as error:
        raise click.ClickException(str(error)) from error
    console = out()
    console.print(summary_table(report))
    console.print(breakdown_table(report))
    console.print(breakdown_table(report, Category.ALIAS_STRONG))
    comparison = peer_table(report)
    if comparison is not None:
        console.print(comparison)
    elapsed = time.perf_counter() - started
    console.print(
        f"Wrote {out_dir / 'report.json'}, {out_dir / 'misses.json'} and {len(plots)} plots "
        f"in {elapsed:.0f} s."
    )


COMMANDS = [eval_command]
