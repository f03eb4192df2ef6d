"""Map layers: the offline basemap, claims as points, military sites from the gazetteer.

Claim points come from the GeoJSON exporter (`forcewatch.export.geojson`), so the map and
an exported file place a claim in the same spot. Borders come from the knowledge base
(`kb.places.borders_geojson()`); no tile server is ever contacted.
"""

from __future__ import annotations

from functools import lru_cache

from ...errors import ForcewatchError
from .stages import attribute, missing_message, optional

# What a marker's card shows; the full claim is one request away at /api/claims/{id}.
CARD_FIELDS = ("id", "doc", "event", "actor", "item", "equipment", "unit", "quantity", "sentence", "source",
               "outlet", "date", "published", "modality", "negated", "location", "destination")
EMPTY = {"type": "FeatureCollection", "features": []}


def knowledge():
    """The shared knowledge base, or None before it is installed or when it fails to load."""
    mod = optional("forcewatch.knowledge")
    return getattr(mod, "kb", None) if mod else None


def _card(props: dict) -> dict:
    return {k: props.get(k) for k in CARD_FIELDS}


def claims_collection(claims: list[dict]) -> dict:
    """Claims with a place as a FeatureCollection; `skipped` counts those with none."""
    to_collection = attribute("forcewatch.export.geojson", "feature_collection")
    if to_collection is None:
        return {**EMPTY, "skipped": len(claims), "notice": missing_message("forcewatch.export")}
    collection, skipped = to_collection(claims)
    features = [{"type": "Feature", "id": f["id"], "geometry": f["geometry"], "properties": _card(f["properties"])}
                for f in collection["features"]]
    return {"type": "FeatureCollection", "features": features, "skipped": len(skipped)}


def basemap() -> dict:
    """Country borders as GeoJSON; an empty layer with a notice when the gazetteer cannot give them."""
    try:
        return _borders()
    except (ForcewatchError, AttributeError) as exc:
        reason = str(exc) if isinstance(exc, ForcewatchError) else missing_message("forcewatch.knowledge")
        return {**EMPTY, "notice": f"{reason} The map has no borders."}


@lru_cache(maxsize=1)
def _borders() -> dict:
    return knowledge().places.borders_geojson()  # cached only when it loads


def _site_feature(place) -> dict:
    return {"type": "Feature", "id": place.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {"id": place.id, "name": place.name, "country": getattr(place, "country", None),
                           "source": getattr(place, "source", None)}}


def sites() -> dict:
    """Military sites (training grounds, air bases) of the gazetteer as points; none when it cannot load."""
    try:
        return _sites()
    except (ForcewatchError, AttributeError, TypeError):
        return EMPTY


@lru_cache(maxsize=1)
def _sites() -> dict:
    places = knowledge().places
    found = [p for p in places if getattr(p, "kind", None) == "site" and getattr(p, "lat", None) is not None]
    return {"type": "FeatureCollection", "features": [_site_feature(p) for p in found]}
