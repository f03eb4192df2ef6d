"""`forcewatch kb`: look up, count and validate the knowledge base."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ._common import JSON_OPTION, console, emit, fail, settings

kb_app = typer.Typer(help="The knowledge base: equipment, units, places and sources.", no_args_is_help=True)


def _base(ctx: typer.Context):
    from ..knowledge import KnowledgeBase

    return KnowledgeBase(settings(ctx).kb_dirs)


@kb_app.command("lookup")
def lookup(ctx: typer.Context, text: str = typer.Argument(..., help="A name in any spelling."), as_json: bool = JSON_OPTION) -> None:
    """Show the best knowledge-base entry for TEXT (equipment, unit, source or place).

    Example: forcewatch kb lookup "Т-72Б3" --json
    """
    from ..knowledge.base import describe

    match = _base(ctx).lookup(text)
    if match is None:
        fail(f"nothing in the knowledge base is called {text!r}; check the spelling or add it in a FORCEWATCH_KB_DIRS file.")
    emit(describe(match), as_json, _render_entry)


def _render_entry(data: dict) -> None:
    table = Table(show_header=False, box=None)
    for field, value in data.items():
        table.add_row(f"[bold]{field}[/]", ", ".join(map(str, value)) if isinstance(value, list) else str(value))
    console.print(table)


@kb_app.command("stats")
def stats(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """Count the entries of each catalogue.

    Example: forcewatch kb stats --json
    """
    emit(_base(ctx).stats(), as_json, _render_stats)


def _render_stats(data: dict) -> None:
    table = Table("catalogue", "entries")
    for name, count in data.items():
        table.add_row(name, str(count))
    console.print(table)


@kb_app.command("validate")
def validate(paths: list[Path] = typer.Argument(..., help="Extension files or directories to check.")) -> None:
    """Check extension files against the schema and the shipped base; errors as file:line: message.

    Example: forcewatch kb validate ~/forcewatch-kb/units.yaml
    """
    from ..knowledge.base import validate_paths

    errors = validate_paths(paths)
    for error in errors:
        typer.echo(error, err=True)
    if errors:
        raise typer.Exit(1)
    typer.echo(f"ok: {len(paths)} path(s) validate")


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
