"""`forcewatch report`: a warning brief as HTML, Markdown or PDF."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import JSON_OPTION, console, emit, settings


def report_command(
    ctx: typer.Context,
    problem: str = typer.Option(..., "--problem", help="Warning problem id (see `forcewatch assess --help`)."),
    as_of: str = typer.Option(..., "--as-of", help="Assess with what was known on this date (YYYY-MM-DD)."),
    fmt: str = typer.Option("html", "--format", "-f", help="html, md or pdf."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    region: str = typer.Option(None, "--region", help="Only claims in this country or region."),
    since: str = typer.Option(None, "--since", help="Only claims dated on or after this date."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Write a brief: bottom line, indicator board, force timeline, map, contradictions, sources, claims.

    Example: forcewatch report --problem belarus-ukraine --as-of 2022-12-31 --format pdf -o brief.pdf
    """
    from ..report.run import report_store
    from ..store import open_store

    path = report_store(open_store(settings(ctx).db_url), problem, as_of, fmt, output, region=region, since=since)
    emit({"path": str(path), "format": fmt}, as_json, lambda d: console.print(f"wrote the {fmt} brief to {d['path']}"))


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
