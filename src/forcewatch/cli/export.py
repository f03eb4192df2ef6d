"""`forcewatch export` and `forcewatch import`: claims to and from files."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ._common import JSON_OPTION, console, emit, fail, settings


def _render_export(result: dict) -> None:
    console.print(f"wrote {result['written']} claims as {result['format']} to {result['path']}")
    for item in result["skipped"][:20]:
        console.print(f"  skipped {item['claim']}: {item['reason']}", highlight=False)
    if len(result["skipped"]) > 20:
        console.print(f"  ... and {len(result['skipped']) - 20} more skipped (use --json for all)")


def export_command(
    ctx: typer.Context,
    fmt: str = typer.Option("json", "--format", "-f", help="json, csv, parquet, geojson, stix or acled."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    problem: str = typer.Option(None, "--problem", help="Only the claims this warning problem's assessment cites."),
    as_of: str = typer.Option(None, "--as-of", help="Assessment date for --problem (default: --until, else today)."),
    since: str = typer.Option(None, "--since", help="Only claims dated on or after this date (YYYY[-MM[-DD]])."),
    until: str = typer.Option(None, "--until", help="Only claims dated on or before this date."),
    region: str = typer.Option(None, "--region", help="Only claims in this country or region."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Export stored claims to a file for other tools.

    Example: forcewatch export --format stix --region Belarus --since 2022-10-01 -o belarus.stix.json
    """
    from ..export.run import export_store
    from ..store import open_store

    store = open_store(settings(ctx).db_url)
    result = export_store(store, fmt, output, since=since, until=until, region=region, problem=problem, as_of=as_of)
    emit(result.to_dict(), as_json, _render_export)


def _render_import(result: dict) -> None:
    table = Table(title="import")
    for key in ("claims", "documents", "duplicates"):
        table.add_row(key, str(result[key]))
    table.add_row("rejected", str(len(result["rejects"])))
    console.print(table)
    for reason in result["rejects"]:
        console.print(f"  rejected: {reason}", highlight=False)


def import_command(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="A file made by `forcewatch export --format json` (or claims as JSON Lines)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Read claims (and their documents) from a JSON export into the store.

    Example: forcewatch import belarus-claims.json
    """
    from ..export import read_claims
    from ..export.store_io import import_batch
    from ..store import open_store

    batch = read_claims(path)
    result = import_batch(open_store(settings(ctx).db_url), batch.claims, batch.documents, str(path))
    result.rejects[:0] = batch.rejects
    emit(result.to_dict(), as_json, _render_import)
    if result.claims == 0 and result.rejects:
        fail(f"no claims imported from {path}; see the rejected items above.")


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)
    app.command("import")(import_command)
