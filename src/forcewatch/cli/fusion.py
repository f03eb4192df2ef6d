"""`forcewatch groups`, `contradictions`, `sources`, `estimates`: fusion of the stored claims.

Each command reads every stored claim, calls `forcewatch.fuse` once and prints one part
of the result, as a table or (`--json`) as the fusion's own `to_dict()` rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import typer
from rich.table import Table

from ..errors import NotFound
from ..extract.claims.storage import claims_at as store_claims
from ..fuse import AreaFilter, Fusion, estimate_series, fuse
from ._common import JSON_OPTION, console, emit, settings

DEFAULT_RADIUS_KM = 150.0  # around a city or region: roughly a day's road march


def fused(ctx: typer.Context) -> Fusion:
    """The fusion of every claim in the store that `--db` names."""
    return fuse(store_claims(settings(ctx).db_url))


def _quantity(low: int | None, high: int | None) -> str:
    if low == high:
        return "" if low is None else f"{low:,}"
    return f"up to {high:,}" if low is None else (f"more than {low:,}" if high is None else f"{low:,}-{high:,}")


def _render_groups(rows: list[dict]) -> None:
    # the statement already carries event, quantity, place, date and source
    table = Table("id", "statement", "origins", "repeats", "cred.", title=f"{len(rows)} claim groups")
    for g in rows:
        table.add_row(g["id"], g["statement"], str(g["independent_origins"]), str(g["repeats"]), str(g["credibility"]))
    console.print(table)


def groups_command(
    ctx: typer.Context,
    item: str = typer.Option(None, "--item", help="Only groups about this claim-schema item, e.g. tank."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Claim groups: claims that state one fact, with their independent origins and credibility.

    Example: forcewatch --db sqlite:///fw.db groups --item tank --json
    """
    rows = [g.to_dict() for g in fused(ctx).groups if not item or g.lead.item == item]
    emit(rows, as_json, _render_groups)


def _render_contradictions(rows: list[dict]) -> None:
    if not rows:
        console.print("No contradictions among the stored claims.")
    for n, c in enumerate(rows, 1):
        console.print(f"[bold]{n}. {c['kind']}[/]: {c['note']}", highlight=False)
        for side in (c["a"], c["b"]):
            console.print(f"   {side['group']} (credibility {side['credibility']}, "
                          f"{side['independent_origins']} origin(s)): {side['statement']}", highlight=False)


def contradictions_command(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """Contradictions between claim groups (counts that disagree, a claim and its denial), both sides.

    Example: forcewatch --db sqlite:///fw.db contradictions --json
    """
    emit([c.to_dict() for c in fused(ctx).contradictions], as_json, _render_contradictions)


def _render_sources(rows: list[dict]) -> None:
    table = Table("source", "grade", "claims", "facts", "corroborated", "contradicted", "track record",
                  title="Sources: Admiralty grade and track record")
    for s in rows:
        table.add_row(s["name"], s["grade"], str(s["claims"]), str(s["facts"]), str(s["corroborated"]),
                      str(s["contradicted"]), f"{(s['track_record'] or 0):.0%}")
    console.print(table)


def sources_command(ctx: typer.Context, as_json: bool = JSON_OPTION) -> None:
    """Sources with their Admiralty grade and computed track record (share of facts corroborated).

    Example: forcewatch --db sqlite:///fw.db sources --json
    """
    emit([s.to_dict() for s in fused(ctx).sources], as_json, _render_sources)


@dataclass
class Region:
    """A place from the gazetteer, as an area to restrict fusion or assessment to."""

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None

    def area_filter(self, radius_km: float) -> AreaFilter:
        if self.kind == "country":
            return AreaFilter(country=self.name)
        return AreaFilter(center=(self.lat, self.lon), radius_km=radius_km)


def resolve_region(name: str) -> Region:
    """The gazetteer's place for `name` (a country, region, city or site), else `NotFound`."""
    from ..knowledge import kb

    place = kb.places.resolve(name)
    if place is None or (place.kind != "country" and place.lat is None):
        raise NotFound(f"region {name!r} is not in the gazetteer (or has no coordinates); name a country, region "
                       "or city (see `forcewatch kb lookup`), or add it to a places file of your knowledge base.")
    return Region(place.name, place.kind, place.country, place.lat, place.lon)


def _render_estimates(data: dict) -> None:
    if not data["estimates"]:
        console.print(f"No counted reports of forces in {data['region']['name']}.")
    for est in data["estimates"]:
        console.print(f"[bold]{est['item']}[/] ({est['actor'] or 'any actor'}, {est['area'] or data['region']['name']})")
        for p in est["series"]:
            console.print(f"   {p['date']}  {_quantity(p['low'], p['high']):>14}  "
                          f"{len(p['claims'])} claim(s) {p['note']}", highlight=False)


def estimates_command(
    ctx: typer.Context,
    region: str = typer.Option(..., "--region", "-r", help="Country, region or city from the gazetteer."),
    radius_km: float = typer.Option(DEFAULT_RADIUS_KM, "--radius-km", min=1.0,
                                    help="Around a region or city (not a country): how far counts."),
    actor: str = typer.Option(None, "--actor", help="Whose forces, e.g. Russia."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Force estimates over time in a region: per item, the range the current reports give on each date.

    Example: forcewatch --db sqlite:///fw.db estimates --region Belarus --actor Russia --json
    """
    place = resolve_region(region)
    rows = estimate_series(fused(ctx).groups, place.area_filter(radius_km), actor)
    area = {"name": place.name, "kind": place.kind, "radius_km": None if place.kind == "country" else radius_km}
    emit({"region": area, "estimates": [e.to_dict() for e in rows]}, as_json, _render_estimates)


def register(app: typer.Typer) -> None:
    app.command("groups")(groups_command)
    app.command("contradictions")(contradictions_command)
    app.command("sources")(sources_command)
    app.command("estimates")(estimates_command)
