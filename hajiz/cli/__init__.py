"""The `hajiz` command line: a thin click layer over the library.

Each module in `_COMMAND_MODULES` exposes `COMMANDS`, a list of click commands and groups that
`main` registers; to add commands, write a module like `hajiz/cli/lists.py` and list it there.
"""

from __future__ import annotations

import click

from hajiz import __version__
from hajiz.cli import admin, bench, cases, evaluate, lists, manifest, names, screen, serve
from hajiz.cli.context import CliContext, HajizGroup, load_settings

DB_HELP = (
    "The database: a SQLite file path or URL (sqlite:///path/to/file.db), or a PostgreSQL "
    "URL (postgresql://user:password@host/dbname; pip install 'hajiz[postgres]'). "
    "Default: $HAJIZ_DATABASE_URL, else hajiz.db in the user data folder "
    "(~/.local/share/hajiz on Linux, ~/Library/Application Support/hajiz on macOS)."
)


@click.group(cls=HajizGroup)
@click.option("--db", "db_url", metavar="PATH_OR_URL", default=None, help=DB_HELP)
@click.version_option(__version__, prog_name="hajiz")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """hajiz: offline watchlist screening, best at Arabic-origin names across scripts.

    \b
    Example:
      hajiz demo
      hajiz --db lists.db import un-sc consolidated.xml
      hajiz --db lists.db entries list --limit 10
    """
    settings = load_settings()
    app = CliContext(settings=settings, db_url=db_url or settings.database_url_or_default())
    ctx.obj = app
    ctx.call_on_close(app.close)


# Command modules, registered in this order; the lead adds new ones here.
_COMMAND_MODULES = (lists, screen, manifest, names, evaluate, serve, admin, cases, bench)

for _module in _COMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)

__all__ = ["main"]
