"""Every command has complete help, and the docs name every command."""
from pathlib import Path

import click
from click.testing import CliRunner
import pytest

from marsad.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]


def all_commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


COMMANDS = sorted(all_commands(), key=lambda c: c[0])


def test_cli_top_level_help_lists_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for path, _ in COMMANDS:
        if len(path) == 1:
            assert path[0] in result.output
    assert "Exit codes" in result.output


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_cli_every_command_has_help(path):
    result = CliRunner().invoke(cli, list(path) + ["--help"])
    assert result.exit_code == 0
    assert len(result.output.split("\n\n", 2)[1].strip()) > 20  # a real description
    command = dict(COMMANDS)[path]
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help"


def test_cli_readme_names_every_top_level_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, _ in COMMANDS:
        if len(path) == 1:
            assert f"marsad {path[0]}" in readme
