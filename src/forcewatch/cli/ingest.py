"""`forcewatch ingest`: read reports into the store."""

from __future__ import annotations

import sys

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..ingest import IngestReport, hooks, ingest
from ..store import open_store
from ._common import JSON_OPTION, console, emit, err_console, settings


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def ingest_command(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., metavar="PATH|URL|GLOB...", help="Files, folders, globs, archives, URLs."),
    follow: bool = typer.Option(False, "--follow", help="Fetch the pages that feed entries link to."),
    run_processors: bool = typer.Option(
        True, "--processors/--no-processors", help="Run the registered processors (claim extraction) on new documents."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Read reports into the store: text, HTML, JSON/JSONL, RSS/Atom and OPML feed lists, Telegram exports, event tables.

    Folders are read recursively, .zip and .gz members as files; a meta.json beside the
    files gives outlet and date. Re-running the same inputs (in any order, relative or
    absolute) adds nothing and completes an interrupted run; several processes may ingest
    into one store at once. Exit code 1 when nothing could be read. See docs/ingest.md.

    Example: forcewatch ingest reports/ events.csv https://example.org/feed.xml --json
    """
    cfg = settings(ctx)
    store = open_store(cfg.db_url)
    processors = hooks.load_all() if run_processors else ()
    show_progress = not as_json and sys.stderr.isatty()
    with _progress(show_progress) as on_progress:
        report = ingest(inputs, store, follow=follow, processors=processors, progress=on_progress,
                        max_bytes=cfg.max_bytes)
    data = _json(report)
    data["processors"] = hooks.names() if run_processors else []
    emit(data, as_json, _render)
    if not report.did_something:
        raise typer.Exit(1)


def _json(report: IngestReport) -> dict:
    return {"run": report.run, "ingested": report.ingested, "duplicates": report.duplicates,
            "rejected": report.rejected, "unchanged": report.unchanged, "skipped": report.skipped,
            "complete": report.complete, "resumed": report.resumed}


class _progress:
    """A rich progress line on stderr, or a no-op callback."""

    def __init__(self, enabled: bool):
        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                            console=err_console, transient=True) if enabled else None

    def __enter__(self):
        if self.bar is None:
            return None
        self.bar.start()
        self.task = self.bar.add_task("starting")
        return self.update

    def update(self, report: IngestReport, current: str) -> None:
        done = report.ingested + report.duplicates + report.unchanged
        text = f"{done} documents, {len(report.rejected)} rejected  [dim]{current[-60:]}[/]"
        self.bar.update(self.task, description=text)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _render(data: dict) -> None:
    state = "complete" if data["complete"] else "incomplete"
    console.print(f"run {data['run']} ({state}{', resumed' if data['resumed'] else ''}): "
                  f"{data['ingested']} ingested, {data['duplicates']} duplicates, "
                  f"{data['unchanged']} unchanged, {len(data['rejected'])} rejected"
                  + (f", {sum(data['skipped'].values())} export media files skipped" if data["skipped"] else ""))
    if data["rejected"]:
        table = Table("input", "line", "reason", title="rejected")
        for item in data["rejected"]:
            table.add_row(item["input"], str(item.get("line") or ""), item["reason"])
        console.print(table)
