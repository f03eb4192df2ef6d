"""`forcewatch assess` and `forcewatch backtest`: warning levels with their evidence."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from ..assess import LEVEL_NAMES, Problem, assess, load_problem
from ..assess import backtest as bt
from ..assess.problem import Area
from ..errors import ConfigError
from ..extract.claims.storage import claims_at as store_claims
from ._common import JSON_OPTION, console, emit, settings

STATUS_STYLE = {"met": "bold red", "contradicted": "yellow", "not met": "green", "unknown": "dim"}


def _render_assessment(data: dict) -> None:
    area = f" in {', '.join(data['area'])}" if data.get("area") else ""
    console.print(f"[bold]{data['title']}[/]{area} as of {data['as_of']}: level [bold]{data['level']}[/] ({data['level_name']})")
    table = Table("indicator", "status", "conf.", "evidence", show_lines=False)
    for ind in data["indicators"]:
        first = ind["claims"][0] if ind["claims"] else None
        quote = f"{first['doc']}: {first['sentence'][:90]} [{first['source']}, {first['reliability']}]" if first else ind["detail"]
        table.add_row(("↓ " if ind["role"] == "counter" else "") + ind["title"],
                      f"[{STATUS_STYLE[ind['status']]}]{ind['status']}[/]", f"{ind['confidence']:.2f}", quote)
    console.print(table)
    console.print("trend: " + "  ".join(f"{t['date']}={t['level']}" for t in data["trend"]))
    console.print(data["explanation"], highlight=False)


def restrict_area(problem: str, regions: list[str]) -> Problem:
    """The problem with its staging area replaced by `regions` (countries of the gazetteer).

    The engine judges "in the area" by country, so a city or region is refused with the
    country to name instead.
    """
    from .fusion import resolve_region

    loaded = load_problem(problem)
    countries = []
    for name in regions:
        place = resolve_region(name)
        if place.kind != "country":
            raise ConfigError(f"--region {name!r} is a {place.kind}; the assessment area is made of countries, "
                              f"so pass --region {place.country or 'a country'} (or edit the problem's area).")
        countries.append(place.name)
    return loaded.model_copy(update={"area": Area(countries=countries)})


def assess_command(
    ctx: typer.Context,
    problem: str = typer.Option("belarus-ukraine", "--problem", "-p", help="Problem id or path to a problem YAML."),
    as_of: str = typer.Option(..., "--as-of", help="Assess with what was known on this date (YYYY-MM-DD)."),
    claims: Path = typer.Option(None, "--claims", help="Read claims from this JSONL file instead of the store."),
    region: list[str] = typer.Option(None, "--region", "-r", help="Restrict the area to this country "
                                     "(repeat for several); default: the problem's own area."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Assess a warning problem as of a date: level 1-5, indicators with evidence, trend.

    Example: forcewatch assess --problem belarus-ukraine --as-of 2022-12-31 --region Belarus --json
    """
    chosen = restrict_area(problem, region) if region else load_problem(problem)
    rows = bt.read_jsonl(claims) if claims else store_claims(settings(ctx).db_url)
    data = assess(chosen, rows, as_of).to_dict()
    data["area"] = chosen.area.countries
    emit(data, as_json, _render_assessment)


def _render_backtests(data: dict) -> None:
    for result in data["backtests"]:
        verdict = "[green]passed[/]" if result["passed"] else "[bold red]FAILED[/]"
        console.print(f"[bold]{result['title']}[/] ({result['claims']} claims): {verdict}")
        for point in result["series"]:
            console.print(f"  {point['date']}  {point['level']} {LEVEL_NAMES[point['level']]:<9} {', '.join(point['met'])}")
        for check in result["checks"]:
            console.print(f"  {'ok ' if check['passed'] else 'NOT'} {check['check']}")


def backtest_command(
    events: Path = typer.Option(bt.DEFAULT_EVENTS, "--events", show_default="the bundled Eyes on Russia sample",
                                help="Event table (CSV) for the Eyes on Russia back-test."),
    articles: list[Path] = typer.Option(None, "--articles", help="Article files or folders for the autumn-2022 back-test."),
    autumn_claims: Path = typer.Option(None, "--autumn-claims", help="Claims JSONL for the autumn-2022 back-test "
                                       "(instead of extracting --articles)."),
    chart: Path = typer.Option(None, "--chart", help="Write the weekly level series as a chart (.svg or .png)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Run the warning model on real history: before 24 Feb 2022, and autumn 2022.

    Example: forcewatch backtest --events ../shared/corpus/eyesonrussia/events.csv --chart levels.svg --json
    """
    results = bt.run_all(events, articles or bt.DEFAULT_ARTICLES, autumn_claims)
    if chart:
        bt.chart(results, chart)
    data = {"backtests": results, "passed": all(r["passed"] for r in results), "chart": str(chart) if chart else None}
    emit(data, as_json, _render_backtests)
    if not data["passed"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("assess")(assess_command)
    app.command("backtest")(backtest_command)
