"""`forcewatch eval ...`: score extraction against gold data (`eval re3d` here; others add theirs)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ._common import JSON_OPTION, console, emit, settings

eval_app = typer.Typer(help="Score extraction against gold annotations.", no_args_is_help=True)


def _render(result: dict) -> None:
    table = Table(title=f"{result['mode']} match, {result['sentences']} sentences")
    for column in ("type", "p", "r", "f1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*result["per_type"].items(), ("micro", result["micro"])]
    for name, v in rows:
        table.add_row(name, *(f"{v[k]:.3f}" for k in ("p", "r", "f1")), *(str(v[k]) for k in ("tp", "fp", "fn")))
    console.print(table)


@eval_app.command("re3d")
def eval_re3d_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="CoNLL file (token TAB BIO-tag), e.g. re3d-test.conll."),
    lenient: bool = typer.Option(False, "--lenient", help="Count overlapping spans of the same type as right."),
    model: Path = typer.Option(None, "--model", help="A trained NER directory instead of the shipped one."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Entity-level precision, recall and F1 per re3d type and micro-averaged.

    Example: forcewatch eval re3d re3d/conll/re3d-test.conll --json
    """
    from ..extract.mentions.api import evaluate_re3d

    emit(evaluate_re3d(file, lenient, model, settings(ctx)), as_json, _render)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
