"""Map layers: the offline basemap, claims as points, military sites from the gazetteer.

Claim points are the coordinates extraction stored with each claim (`lat`/`lon`
columns, resolved through the gazetteer once, at extraction), read by one SQL query
bounded by the viewport (`bbox`) and a limit, so the layer stays fast on a big store.
Borders come from the knowledge base (`kb.places.borders_geojson()`); no tile server
is ever contacted.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...errors import ForcewatchError
from .claims import ClaimFilters, claims_query, fetch, lat_lon_columns, model_or_503
from .stages import missing_message, optional

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


def _feature(claim: dict) -> dict:
    return {"type": "Feature", "id": claim["id"],
            "geometry": {"type": "Point", "coordinates": [round(claim["lon"], 6), round(claim["lat"], 6)]},
            "properties": _card(claim)}


def _count(session: Session, query) -> int:
    return session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


def claims_layer(session: Session, filters: ClaimFilters, limit: int) -> dict:
    """Claims with stored coordinates matching `filters` (bbox included), newest first, at most `limit`.

    `matched` is how many are placed in the view; `truncated` says the limit cut them (the
    map asks again for a smaller view); `skipped` counts matching claims with no coordinates
    (left out of a bbox query, where it would mean nothing).
    """
    model = model_or_503()
    lat, lon = lat_lon_columns(model)
    if lat is None:
        return {**EMPTY, "matched": 0, "truncated": False, "skipped": None,
                "notice": "this claims table stores no coordinates; re-extract to place claims on the map."}
    query = claims_query(filters)
    placed = query.where(lat.is_not(None), lon.is_not(None))
    claims = fetch(session, placed, limit + 1)
    truncated = len(claims) > limit
    claims = claims[:limit]
    matched = _count(session, placed) if truncated else len(claims)
    skipped = None if filters.bbox else _count(session, query.where(or_(lat.is_(None), lon.is_(None))))
    return {"type": "FeatureCollection", "features": [_feature(c) for c in claims], "matched": matched,
            "truncated": truncated, "limit": limit, "skipped": skipped}


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
