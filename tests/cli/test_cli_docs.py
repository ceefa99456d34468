"""The docs stay true: docs/cli.md matches every command's --help, every setting is documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click
import pytest

from hajiz.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts/gen_cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = load_generator()
COMMANDS = list(GEN.walk(GEN.main))


def test_there_are_commands_to_document():
    names = {name for name, _, _ in COMMANDS}
    assert {"hajiz", "hajiz import un-sc", "hajiz entries show", "hajiz lists"} <= names


@pytest.mark.parametrize(("name", "command", "ctx"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_has_help_with_an_example(name, command, ctx):
    help_text = command.get_help(ctx)
    assert command.help, f"{name} has no help"
    assert "Example:" in help_text, f"{name} help has no Example: block"
    example = help_text.split("Example:", 1)[1]
    assert "hajiz" in example, f"{name} example does not show a hajiz command line"


@pytest.mark.parametrize(("name", "command", "ctx"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_option_has_help(name, command, ctx):
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in {"help", "version"}:
            assert param.help, f"{name} option {param.opts} has no help"


def test_cli_docs_are_up_to_date():
    docs = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    assert docs == GEN.render(), "docs/cli.md is stale: run python scripts/gen_cli_docs.py"
    for name, _, _ in COMMANDS:
        assert f"## {name}\n" in docs


def test_every_setting_is_documented():
    docs = (ROOT / "docs/settings.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"| `{name}` | `HAJIZ_{name.upper()}` |" in docs, f"setting {name} is not documented"
