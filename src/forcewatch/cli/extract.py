"""`forcewatch extract`, `forcewatch claims` and `forcewatch eval claims`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from ..extract import store_hook  # noqa: F401 - registers the claims processor for `ingest`
from ._common import JSON_OPTION, console, emit, err_console, fail, print_json, settings

FORMATS = ("jsonl", "json", "table")


def _quantity(c: dict) -> str:
    return (c.get("quantity") or {}).get("text") or ""


def _name(value) -> str:
    return (value or {}).get("name", "") if isinstance(value, dict) else (value or "")


def render_claims(claims: list[dict]) -> None:
    """A rich table of claims (one row each)."""
    table = Table(show_lines=False)
    for col in ("doc", "event", "actor", "item", "quantity", "location", "date", "source", "modality", "neg"):
        table.add_column(col)
    for c in claims:
        table.add_row(
            str(c["doc"]), c["event"], c.get("actor") or "", c.get("item") or "", _quantity(c),
            _name(c.get("location")), c.get("date") or "", _name(c.get("source")), c["modality"],
            "yes" if c.get("negated") else "",
        )  # fmt: skip
    console.print(table)


def _print(claims: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for c in claims:
            sys.stdout.write(json.dumps(c, ensure_ascii=False) + "\n")
    elif fmt == "json":
        print_json(claims)
    else:
        render_claims(claims)


def extract_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files, folders, archives or URLs to read."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one claim a line), json or table."),
) -> None:
    """Print the claims of documents without touching the store (meta.json beside them is read).

    Example: forcewatch extract corpus/news/002.txt --format table
    """
    from ..extract.claims.api import extract_paths

    if fmt not in FORMATS:
        fail(f"--format {fmt!r} is not known; use one of {', '.join(FORMATS)}", 2)
    claims, errors = extract_paths([str(p) for p in paths], settings(ctx))
    for e in errors:
        err_console.print(f"[yellow]skipped[/] {e['input']}: {e['reason']}", highlight=False)
    _print(claims, fmt)
    if errors and not claims:
        raise typer.Exit(1)


def claims_command(
    ctx: typer.Context,
    doc: str = typer.Option(None, "--doc", help="Only this document id."),
    region: str = typer.Option(None, "--region", help="Only claims located in this place or country."),
    since: str = typer.Option(None, "--since", help="Only claims dated (or published) on or after this ISO date."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored claims (extracted when documents were ingested).

    Example: forcewatch claims --region Belarus --since 2022-10-01 --json
    """
    from ..extract.claims.storage import list_claims
    from ..store import open_store

    store = open_store(settings(ctx).db_url)
    with store.transaction() as session:
        rows = list_claims(session, doc, region, since)
    emit(rows, as_json, render_claims)


def _render_scores(result: dict) -> None:
    table = Table(title="claims against gold")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for k, v in result.items():
        if not isinstance(v, list):
            table.add_row(k, "" if v is None else str(v))
    console.print(table)


def eval_claims_command(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., help="Gold claims (JSON Lines, as corpus/news/gold-claims.jsonl)."),
    paths: list[Path] = typer.Argument(None, help="Documents to extract from."),
    claims_file: Path = typer.Option(None, "--claims", help="Score this claims JSONL instead of extracting."),
    misses: bool = typer.Option(False, "--misses", help="List missed gold claims and unmatched quantities."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Quantity precision/recall, event recall, attribution, location and event-type accuracy.

    Example: forcewatch eval claims corpus/news/gold-claims.jsonl corpus/news/001.txt corpus/news/002.txt --json
    """
    from ..extract.claims.api import extract_paths
    from ..extract.claims.scoring import read_jsonl, score

    if claims_file is None and not paths:
        fail("give documents to extract from, or --claims FILE", 2)
    claims = read_jsonl(claims_file) if claims_file else extract_paths([str(p) for p in paths], settings(ctx))[0]
    emit(score(read_jsonl(gold), claims, misses), as_json, _render_scores)


def register(app: typer.Typer) -> None:
    from .evaluate import eval_app

    app.command("extract")(extract_command)
    app.command("claims")(claims_command)
    eval_app.command("claims")(eval_claims_command)
