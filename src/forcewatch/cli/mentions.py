"""`forcewatch mentions DOC_ID`: the mentions of a stored document."""

from __future__ import annotations

import typer
from rich.table import Table

from ._common import JSON_OPTION, console, emit, settings


def _render(rows: list[dict]) -> None:
    table = Table(title=f"{len(rows)} mentions")
    for column in ("start", "end", "type", "text", "kb_id", "component"):
        table.add_column(column)
    for m in rows:
        table.add_row(str(m["start"]), str(m["end"]), m["type"], m["text"], m["kb_id"] or "", m["component"])
    console.print(table)


def mentions_command(ctx: typer.Context, doc_id: str = typer.Argument(..., help="Document id."), as_json: bool = JSON_OPTION) -> None:
    """List the mentions of a stored document, computing and storing them when absent.

    Example: forcewatch mentions 002 --json
    """
    from ..extract.mentions.storage import document_mentions
    from ..store import open_store

    store = open_store(settings(ctx).db_url)
    try:
        rows = [m.as_dict() for m in document_mentions(store, doc_id, settings(ctx))]
    finally:
        store.close()
    emit(rows, as_json, _render)


def register(app: typer.Typer) -> None:
    app.command("mentions")(mentions_command)
