"""Helpers shared by every command: settings from the context, output, errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import typer
from rich.console import Console

from ..config import Settings, get_settings

console = Console()
err_console = Console(stderr=True)

JSON_OPTION = typer.Option(False, "--json", help="Print machine-readable JSON instead of a table.")


def settings(ctx: typer.Context) -> Settings:
    """The settings the root callback built (`--db` and the environment)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else get_settings()


def to_jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, set):
        return sorted(value)
    return str(value)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=to_jsonable) + "\n")


def emit(data: Any, as_json: bool, render: Callable[[Any], None]) -> None:
    """Print `data` as JSON or through `render` (a rich table, usually)."""
    if as_json:
        print_json(data)
    else:
        render(data)


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)
