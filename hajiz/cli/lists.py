"""Commands for the watchlists: import a list file, look at entries, see what is loaded."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import click

from hajiz.cli.context import CliContext, err, out, pass_cli
from hajiz.cli.render import (
    entries_table,
    entry_view,
    import_summary,
    lists_table,
    warning_lines,
)
from hajiz.cli.screen import screen_sample
from hajiz.errors import ConfigError, EntryNotFound, ImportFailed
from hajiz.lists import import_list
from hajiz.store.base import ImportRecord, Store

DEMO_FILE = "demo_un_sc.xml"
DEMO_SOURCE = "un-sc"

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


def _run_import(app: CliContext, fmt: str, path: Path, agency: str | None = None) -> None:
    """Import with a progress spinner on stderr, then print the one-line summary."""
    store = app.store()
    with err().status(f"Reading {fmt} list {path.name}…") as status:
        report = import_list(
            store,
            fmt,
            path,
            agency=agency,
            max_name_length=app.settings.max_name_length,
            on_stage=lambda stage: status.update(f"{stage}…"),
        )
    click.echo(import_summary(report))
    for line in warning_lines(report.warnings):
        click.echo(line, err=True)


@click.group(name="import")
def import_group() -> None:
    """Import an official list file into the store.

    The list's source then holds exactly the file's entries: new entries are added, changed
    ones get a new version, entries missing from the file are removed, all in one
    transaction: if anything fails, nothing is written.

    \b
    Example:
      hajiz import un-sc consolidated.xml
      hajiz import csv wanted.csv --agency BORDER-POLICE
    """


@import_group.command(name="un-sc")
@click.argument("file", type=_FILE)
@pass_cli
def import_un_sc(app: CliContext, file: Path) -> None:
    """Import the UN Security Council consolidated list (its XML file).

    \b
    Example:
      hajiz import un-sc consolidated.xml
    """
    _run_import(app, "un-sc", file)


@import_group.command(name="ofac-sdn")
@click.argument("directory", type=_DIR)
@pass_cli
def import_ofac_sdn(app: CliContext, directory: Path) -> None:
    """Import the OFAC SDN list from a folder holding sdn.csv, alt.csv and add.csv.

    \b
    Example:
      hajiz import ofac-sdn ./ofac_sdn/
    """
    _run_import(app, "ofac-sdn", directory)


@import_group.command(name="ftm")
@click.argument("file", type=_FILE)
@click.option("--agency", metavar="CODE", help="Agency code for entities that name none.")
@pass_cli
def import_ftm(app: CliContext, file: Path, agency: str | None) -> None:
    """Import a FollowTheMoney entity file (JSON lines, e.g. an OpenSanctions export).

    \b
    Example:
      hajiz import ftm entities.ftm.json --agency OPENSANCTIONS
    """
    _run_import(app, "ftm", file, agency)


@import_group.command(name="csv")
@click.argument("file", type=_FILE)
@click.option(
    "--agency", metavar="CODE", required=True, help="Code of the agency sharing the list."
)
@pass_cli
def import_csv(app: CliContext, file: Path, agency: str) -> None:
    """Import an agency's own list in hajiz's CSV layout.

    \b
    Example:
      hajiz import csv wanted.csv --agency BORDER-POLICE
    """
    _run_import(app, "csv", file, agency)


@click.group(name="entries")
def entries_group() -> None:
    """Look at the entries in the store.

    \b
    Example:
      hajiz entries list --source un-sc --limit 20
      hajiz entries show un-sc:QDi.001 --json
    """


@entries_group.command(name="list")
@click.option("--source", metavar="SOURCE", help="Only entries of this source (e.g. un-sc).")
@click.option(
    "--limit", type=click.IntRange(min=0), default=50, show_default=True, help="Most entries shown."
)
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Entries skipped."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of full entries.")
@pass_cli
def entries_list(
    app: CliContext, source: str | None, limit: int, offset: int, as_json: bool
) -> None:
    """List entries in id order, a page at a time.

    \b
    Example:
      hajiz entries list --source ofac-sdn --limit 20 --offset 40
      hajiz entries list --json > entries.json
    """
    store = app.store()
    entries = store.list_entries(source, limit=limit, offset=offset)
    if as_json:
        click.echo(_json([entry.to_dict() for entry in entries]))
        return
    total = store.counts_by_source().get(source, 0) if source else store.count()
    out().print(entries_table(entries))
    shown = f"{offset + 1}–{offset + len(entries)}" if entries else "none"
    click.echo(f"Showing {shown} of {total} entries.")


@entries_group.command(name="show")
@click.argument("entry_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the full entry as JSON.")
@pass_cli
def entries_show(app: CliContext, entry_id: str, as_json: bool) -> None:
    """Show one entry with all its names, dates, places and documents.

    \b
    Example:
      hajiz entries show un-sc:QDi.001
      hajiz entries show un-sc:QDi.001 --json
    """
    entry = app.store().get(entry_id)
    if entry is None:
        raise EntryNotFound(entry_id)
    if as_json:
        click.echo(_json(entry.to_dict()))
    else:
        out().print(entry_view(entry))


@click.command(name="lists")
@pass_cli
def lists_command(app: CliContext) -> None:
    """Show the lists in the store.

    For each source: its entries, list version, last import time, file and SHA-256 prefix.

    \b
    Example:
      hajiz lists
      hajiz --db /srv/hajiz/hajiz.db lists
    """
    _print_lists(app.store())


@click.command(name="demo")
@pass_cli
def demo_command(app: CliContext) -> None:
    """Load the bundled demo list and screen a bundled sample manifest against it.

    The demo list is a cut of the UN Security Council consolidated list (282 entries, many
    with Arabic-script names), shipped with hajiz; the sample manifest has 12 travellers,
    some listed (in other spellings and scripts) and some not. Prints the hits with their
    explanations.

    Refuses to run on a database that already holds a real UN list, which it would replace.

    \b
    Example:
      hajiz demo
      hajiz --db demo.db demo
    """
    store = app.store()
    last = store.import_history(DEMO_SOURCE)
    if last and last[0].file_name != DEMO_FILE and store.counts_by_source().get(DEMO_SOURCE):
        raise ConfigError(
            f"{store.url} already holds the {DEMO_SOURCE} list from {last[0].file_name}, "
            f"which the demo would replace; use another database: hajiz --db demo.db demo"
        )
    demo = resources.files("hajiz").joinpath("data", DEMO_FILE)
    if not demo.is_file():
        raise ImportFailed(f"hajiz/data/{DEMO_FILE}", "the bundled demo list is missing")
    with resources.as_file(demo) as path:
        _run_import(app, "un-sc", path)
    _print_lists(store)
    click.echo()
    screen_sample(app)
    click.echo('Next: hajiz screen "NAME" --dob YYYY   (or: hajiz entries list --source un-sc)')


def _print_lists(store: Store) -> None:
    counts = store.counts_by_source()
    last_imports: dict[str, ImportRecord] = {}
    for record in store.import_history():  # newest first: keep the first per source
        last_imports.setdefault(record.source, record)
    click.echo(f"Database: {store.url}")
    if not counts and not last_imports:
        click.echo("No lists imported yet. Try: hajiz demo")
        return
    out().print(lists_table(counts, last_imports))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


COMMANDS: list[click.Command] = [import_group, entries_group, lists_command, demo_command]
