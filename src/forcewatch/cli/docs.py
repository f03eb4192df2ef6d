"""`forcewatch docs list|show`: what the store holds."""

from __future__ import annotations

import typer
from rich.table import Table

from ..store import documents as repo
from ..store import open_store
from ._common import JSON_OPTION, console, emit, settings

docs_app = typer.Typer(help="List and show ingested documents.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(docs_app, name="docs")


@docs_app.command("list")
def list_command(
    ctx: typer.Context,
    limit: int = typer.Option(50, "--limit", "-n", help="How many documents to show."),
    offset: int = typer.Option(0, "--offset", help="Skip this many first."),
    status: str = typer.Option(None, "--status", help="Only ok, duplicate or near_duplicate documents."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List documents, newest publication first.

    Example: forcewatch docs list --status ok --limit 20 --json
    """
    store = open_store(settings(ctx).db_url)
    with store.transaction() as session:
        rows = [repo.document_dict(d) for d in repo.list_documents(session, limit, offset, status)]
        total = repo.count_documents(session, status)
    emit({"total": total, "documents": rows}, as_json, _render_list)


@docs_app.command("show")
def show_command(
    ctx: typer.Context,
    doc_id: str = typer.Argument(..., metavar="ID", help="A document id from `docs list`."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one document: metadata, provenance and cleaned text.

    Example: forcewatch docs show 002 --json
    """
    store = open_store(settings(ctx).db_url)
    with store.transaction() as session:
        data = repo.document_dict(repo.get_document(session, doc_id), full=True)
    emit(data, as_json, _render_one)


def _render_list(data: dict) -> None:
    table = Table("id", "status", "published", "outlet", "title", title=f"{data['total']} documents")
    for doc in data["documents"]:
        table.add_row(doc["id"], doc["status"], doc["published"] or "", doc["outlet"] or "", (doc["title"] or "")[:60])
    console.print(table)


def _render_one(data: dict) -> None:
    for key in ("id", "status", "canonical_id", "title", "outlet", "url", "published", "published_how",
                "language", "reader", "input", "fetched_at", "run_id"):
        if data.get(key) is not None:
            console.print(f"[bold]{key}[/]: {data[key]}", highlight=False)
    console.print()
    console.print(data["text"], highlight=False, markup=False)
