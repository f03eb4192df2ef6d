"""The CLI is documented: every command has an example, and docs/cli.md is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main

from forcewatch.cli.main import app

ROOT = Path(__file__).resolve().parents[1]


def _leaf_commands():
    def walk(cmd, path):
        if hasattr(cmd, "commands"):  # a group
            for name, sub in cmd.commands.items():
                yield from walk(sub, [*path, name])
        else:
            yield " ".join(path), cmd

    return list(walk(typer.main.get_command(app), ["forcewatch"]))


def test_every_command_has_an_example_in_its_help():
    missing = [name for name, cmd in _leaf_commands() if "Example:" not in (cmd.help or "")]
    assert not missing, f"commands without 'Example:' in their docstring: {missing}"


def test_cli_reference_is_up_to_date():
    env = {"COLUMNS": "100", "TERM": "dumb", "PATH": "/usr/bin:/bin"}
    generated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py")], capture_output=True, text=True, check=True, env=env
    ).stdout
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == generated, "docs/cli.md is stale: run `make docs` and commit it"
