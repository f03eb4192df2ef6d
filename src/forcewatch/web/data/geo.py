"""Map layers: the offline basemap, claims as points, military sites from the gazetteer.

Claim points are the coordinates extraction stored with each claim (`lat`/`lon`
columns, resolved through the gazetteer once, at extraction), read by one SQL query
bounded by the viewport (`bbox`) and a limit, so the layer stays fast on a big store.
Borders come from the knowledge base (`kb.places.borders_geojson()`); no tile server
is ever contacted.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import and_, func, literal, or_, select
from sqlalchemy.orm import Session

from ...errors import ForcewatchError
from ...store.models import Document
from .claims import ClaimFilters, column, conditions, date_column, doc_column, lat_lon_columns, model_or_503
from .stages import missing_message, optional

# What a marker's card shows; the full claim is one request away at /api/claims/{id}.
CARD_FIELDS = ("id", "doc", "event", "actor", "item", "equipment", "unit", "quantity", "sentence", "source",
               "outlet", "date", "published", "modality", "negated", "location", "destination")
EMPTY = {"type": "FeatureCollection", "features": []}


def knowledge():
    """The shared knowledge base, or None before it is installed or when it fails to load."""
    mod = optional("forcewatch.knowledge")
    return getattr(mod, "kb", None) if mod else None


def _feature(row) -> dict:
    card = {k: getattr(row, k, None) for k in CARD_FIELDS}
    card["published"] = row.claim_published or row.doc_published
    card["equipment"] = list(card["equipment"] or [])
    card["negated"] = bool(card["negated"])
    return {"type": "Feature", "id": row.id,
            "geometry": {"type": "Point", "coordinates": [round(row.lon, 6), round(row.lat, 6)]}, "properties": card}


def _layer_query(model, filters: ClaimFilters, lat, lon):
    """Placed claims matching `filters`, newest claim date first.

    Only the card's columns are read, and the order is the indexed `date` column (not the
    date-or-publication expression of the claim table), so a limited query reads the
    index from the newest end and stops early instead of sorting the whole table.
    """
    cols = [c.label(name) for name, c in ((n, column(model, n, "doc_id" if n == "doc" else n)) for n in CARD_FIELDS)
            if c is not None and name != "published"]
    published = column(model, "published")
    query = select(*cols, lat.label("lat"), lon.label("lon"),
                   (published if published is not None else literal(None)).label("claim_published"),
                   Document.published.label("doc_published"))
    query = query.join(Document, doc_column(model) == Document.id, isouter=True)
    pk = model.__table__.primary_key.columns.values()[0]
    conds = [*conditions(model, filters), lat.is_not(None), lon.is_not(None)]
    return query.where(and_(*conds)).order_by(date_column(model).desc().nulls_last(), pk.desc())


def claims_layer(session: Session, filters: ClaimFilters, limit: int) -> dict:
    """Claims with stored coordinates matching `filters` (bbox included), newest first, at most `limit`.

    `truncated` says the limit cut them: the map then asks again for its viewport. Only an
    answer that is complete counts what it matched and the claims without coordinates
    (`skipped`, left out of a bbox query, where it would mean nothing); counting a big
    store would cost more than the points themselves.
    """
    model = model_or_503()
    lat, lon = lat_lon_columns(model)
    if lat is None:
        return {**EMPTY, "matched": 0, "truncated": False, "skipped": None,
                "notice": "this claims table stores no coordinates; re-extract to place claims on the map."}
    rows = session.execute(_layer_query(model, filters, lat, lon).limit(limit + 1)).all()
    truncated = len(rows) > limit
    features = [_feature(r) for r in rows[:limit]]
    skipped = None if filters.bbox or truncated else _count_unplaced(session, model, filters, lat, lon)
    return {"type": "FeatureCollection", "features": features, "matched": None if truncated else len(features),
            "truncated": truncated, "limit": limit, "skipped": skipped}


def _count_unplaced(session: Session, model, filters: ClaimFilters, lat, lon) -> int:
    query = select(func.count()).select_from(model).join(Document, doc_column(model) == Document.id, isouter=True)
    conds = [*conditions(model, filters), or_(lat.is_(None), lon.is_(None))]
    return session.execute(query.where(and_(*conds))).scalar_one()


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
