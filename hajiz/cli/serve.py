"""`hajiz serve`: run the HTTP service with uvicorn."""

from __future__ import annotations

import os

import click

from hajiz.cli.context import CliContext, err, pass_cli
from hajiz.store.open import redact_url
from hajiz.store.service import open_service_store
from hajiz.watchlist import load_screener


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes; each holds the index and follows the store's changes.",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    help="Server log level.",
)
@pass_cli
def serve_command(cli: CliContext, host: str, port: int, workers: int, log_level: str) -> None:
    """Serve the screening API (OpenAPI docs at /docs).

    Every endpoint but /healthz and /readyz needs an API key: create an agency and a key
    first (see `hajiz agencies add` and `hajiz keys create`).

    \b
    Example:
      hajiz agencies add BORDER --name "Border Police"
      hajiz keys create --agency BORDER --role admin
      hajiz serve --port 8000 --workers 2
    """
    import uvicorn

    # Workers are separate processes: they read the database location from the environment.
    os.environ["HAJIZ_DATABASE_URL"] = cli.db_url
    store = open_service_store(cli.db_url)  # creates and migrates the database once, here
    try:
        if workers > 1 and cli.settings.use_snapshots:
            # Build the index snapshot once, so the workers load it instead of each building it.
            with err().status("Preparing the index…"):
                load_screener(store, cli.settings)
    finally:
        store.close()
    where = redact_url(cli.db_url)
    click.echo(f"hajiz serving {where} on http://{host}:{port} (docs: /docs)", err=True)
    uvicorn.run(
        "hajiz.api.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )


COMMANDS = [serve_command]
