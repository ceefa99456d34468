"""What every command shares: the settings, the database, error translation, output consoles."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import click
from pydantic import ValidationError
from rich.console import Console

from hajiz.errors import ConfigError, HajizError
from hajiz.settings import Settings
from hajiz.store.base import Store
from hajiz.store.open import open_store


@dataclass
class CliContext:
    """Built once by `main` and handed to every command; opens the store on first use."""

    settings: Settings
    db_url: str
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        """The store at `--db`, opened (created and migrated if needed) on first use."""
        if self._store is None:
            self._store = open_store(self.db_url)
        return self._store

    def close(self) -> None:
        """Close the store if a command opened it."""
        if self._store is not None:
            self._store.close()
            self._store = None


pass_cli = click.make_pass_decorator(CliContext)
Command = TypeVar("Command", bound=Callable[..., Any])

# The options every screening command takes, spelled once.
limit_option = click.option(
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Most hits per traveller.",
)


def threshold_option(what: str) -> Callable[[Command], Command]:
    """`--threshold`, saying what a hit at or above it is (shown, kept, counted)."""
    return click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None, help=what)


class HajizGroup(click.Group):
    """A click group that turns every HajizError into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        # Sub-commands run inside this call, so this is the one place errors are translated.
        try:
            return super().invoke(ctx)
        except HajizError as error:
            raise click.ClickException(str(error)) from error


def load_settings() -> Settings:
    """Settings from HAJIZ_* variables, with a one-line error naming a bad variable."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"HAJIZ_{'_'.join(str(part) for part in problem['loc']).upper()}: {problem['msg']}"
            for problem in error.errors()
        )
        raise ConfigError(f"Unusable setting: {problems}") from error


# Width of tables written to a pipe or file, where rich would otherwise assume 80 columns.
PIPE_WIDTH = 120


def out() -> Console:
    """A console on standard output, for results (tables, entries)."""
    console = Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


def err() -> Console:
    """A console on standard error, for progress and warnings."""
    return Console(stderr=True, highlight=False)
