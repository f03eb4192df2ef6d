"""Claims from the store, as claim-schema dicts, with the API's filters as SQL.

The claims table belongs to the extraction stage (`store/models_claims.py`). This module
reads its columns by claim-schema name, and accepts the usual storage variants (a
`doc_id` column for `doc`, `quantity_low/high/approx/text` columns for `quantity`,
`lat`/`lon` columns beside `location`), so the API keeps the schema's shape whatever
the table's layout. Every filter value is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...store.models import Document
from ..problems import ApiError
from .stages import missing_message, optional

CLAIMS_MODULE = "forcewatch.store.models_claims"
QUANTITY_COLUMNS = ("low", "high", "approx", "text")
SORTABLE = {"date", "event", "actor", "item", "source", "quantity", "doc", "modality"}


def claim_model():
    """The ORM class of the claims table, or None before the extraction stage exists."""
    mod = optional(CLAIMS_MODULE)
    return getattr(mod, "Claim", None) if mod else None


def model_or_503():
    model = claim_model()
    if model is None:
        raise ApiError(503, "stage_unavailable", missing_message(CLAIMS_MODULE))
    return model


def column(model, *names: str):
    """The first of `names` that the model has as a column attribute, else None."""
    cols = model.__table__.columns
    for name in names:
        if name in cols:
            return getattr(model, cols[name].key)
    return None


def doc_column(model):
    return column(model, "doc", "doc_id", "document_id")


def date_column(model):
    return column(model, "date", "claim_date")


def lat_lon_columns(model):
    return column(model, "lat", "location_lat"), column(model, "lon", "location_lon")


# ---- rows to claim dicts ---------------------------------------------------------------


def _raw(row) -> dict:
    return {c.name: getattr(row, c.key) for c in row.__table__.columns}


def _quantity(raw: dict) -> dict | None:
    if isinstance(raw.get("quantity"), dict):
        return raw["quantity"]
    parts = {k: raw.get(f"quantity_{k}") for k in QUANTITY_COLUMNS}
    if all(v is None for v in parts.values()):
        return None
    parts["approx"] = bool(parts["approx"])
    return parts


def _location(raw: dict) -> Any:
    location = raw.get("location")
    lat, lon = raw.get("lat", raw.get("location_lat")), raw.get("lon", raw.get("location_lon"))
    if lat is None or lon is None or isinstance(location, dict):
        return location
    return {"name": location, "lat": lat, "lon": lon, "country": raw.get("country")}


def to_claim(row, published: str | None = None) -> dict:
    """One stored claim as a claim-schema dict, plus `id` and the document's `published`."""
    return claim_from_raw(_raw(row), published)


def claim_from_raw(raw: dict, published: str | None = None) -> dict:
    """`to_claim` from a row's values keyed by column name (the bulk path: no ORM objects)."""
    claim = dict(raw)
    claim["doc"] = raw.get("doc", raw.get("doc_id", raw.get("document_id")))
    claim["quantity"] = _quantity(raw)
    claim["location"] = _location(raw)
    claim["equipment"] = list(raw.get("equipment") or [])
    claim["negated"] = bool(raw.get("negated"))
    claim["published"] = raw.get("published") or published
    for key in ("doc_id", "document_id", "quantity_low", "quantity_high", "quantity_approx", "quantity_text"):
        claim.pop(key, None)
    return claim


# ---- filters ---------------------------------------------------------------------------


@dataclass
class ClaimFilters:
    actor: str | None = None
    item: str | None = None
    event: str | None = None
    region: str | None = None
    bbox: str | None = None  # "west,south,east,north"
    since: str | None = None
    until: str | None = None
    source: str | None = None
    modality: str | None = None
    negated: bool | None = None
    q: str | None = None
    doc: str | None = None
    sort: str | None = None

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _text(col):
    # JSON columns (a place or source given as an object) are searched as their text.
    return cast(col, String)


def _equal(model, name: str, value) -> list:
    col = column(model, name)
    return [] if value is None or col is None else [col == value]


def _contains(col, value: str):
    return func.lower(_text(col)).contains(value.lower(), autoescape=True)


def _region(model, region: str) -> list:
    names = ("location_name", "location_country", "location", "destination", "origin", "country")
    cols = [c for c in (column(model, n) for n in names) if c is not None]
    return [or_(*[_contains(c, region) for c in cols])] if cols else []


def parse_bbox(bbox: str) -> tuple[float, float, float, float]:
    west, south, east, north = (float(v) for v in bbox.split(","))
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(422, "invalid", "bbox must be west,south,east,north in degrees with south <= north.",
                       [{"field": "bbox", "message": "out of range"}])
    return west, south, east, north


def _bbox(model, bbox: str) -> list:
    west, south, east, north = parse_bbox(bbox)
    lat, lon = lat_lon_columns(model)
    if lat is None:
        raise ApiError(400, "unsupported", "this claims table stores no coordinates, so bbox cannot filter it.",
                       [{"field": "bbox", "message": "no coordinates stored"}])
    lon_ok = lon.between(west, east) if west <= east else or_(lon >= west, lon <= east)
    return [lat.between(south, north), lon_ok]


def _dates(model, since: str | None, until: str | None) -> list:
    when = func.coalesce(date_column(model), Document.published)
    conds = [when >= since] if since else []
    # "until 2022-10" includes 2022-10-31: compare against the prefix followed by the highest char.
    return conds + ([when <= until + "\uffff"] if until else [])


def conditions(model, f: ClaimFilters) -> list:
    """SQL conditions for the filters that are set."""
    conds = []
    for name in ("actor", "item", "event", "modality", "negated"):
        conds += _equal(model, name, getattr(f, name))
    if f.doc:
        conds.append(doc_column(model) == f.doc)
    if f.source:
        conds.append(_contains(column(model, "source_name", "source"), f.source))
    if f.q:
        conds.append(_contains(column(model, "sentence"), f.q))
    conds += _region(model, f.region) if f.region else []
    conds += _bbox(model, f.bbox) if f.bbox else []
    return conds + _dates(model, f.since, f.until)


def _sort_column(model, key: str):
    if key == "date":
        return func.coalesce(date_column(model), Document.published)
    if key == "doc":
        return doc_column(model)
    if key == "source":
        return column(model, "source_name", "source")
    if key == "quantity":
        found = column(model, "quantity_high", "quantity_low")
        return found if found is not None else _text(column(model, "quantity"))
    return column(model, key)


def _order(model, sort: str | None) -> list:
    sort = sort or "-date"
    key = sort.lstrip("-")
    if key not in SORTABLE:
        raise ApiError(422, "invalid", f"cannot sort by {key!r}; use one of {', '.join(sorted(SORTABLE))}.",
                       [{"field": "sort", "message": "unknown sort key"}])
    col = _sort_column(model, key)
    direction = col.desc() if sort.startswith("-") else col.asc()
    return [direction, model.__table__.primary_key.columns.values()[0]]


def claims_query(f: ClaimFilters) -> Select:
    """Claims joined to their documents (for the publication date), filtered and sorted."""
    model = model_or_503()
    query = select(model, Document.published).join(Document, doc_column(model) == Document.id, isouter=True)
    conds = conditions(model, f)
    return query.where(and_(*conds)).order_by(*_order(model, f.sort)) if conds else \
        query.order_by(*_order(model, f.sort))


def fetch(session: Session, query: Select, limit: int, offset: int = 0) -> list[dict]:
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return [to_claim(claim, published) for claim, published in rows]


def total(session: Session, query: Select) -> int:
    return session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


def get_claim(session: Session, claim_id) -> dict:
    model = model_or_503()
    pk = model.__table__.primary_key.columns.values()[0]
    try:
        key = pk.type.python_type(claim_id)
    except (ValueError, NotImplementedError):
        key = claim_id
    row = session.execute(select(model, Document.published).join(
        Document, doc_column(model) == Document.id, isouter=True).where(pk == key)).first()
    if row is None:
        raise NotFound(f"claim {claim_id!r} is not in the store; list claims at /api/claims.")
    return to_claim(*row)


DOCUMENT_CLAIMS = 500  # an article has tens; past this the page would only get slow, the API pages the rest


def claims_for_document(session: Session, doc_id: str) -> tuple[list[dict], list[str]]:
    """A document's first claims in text order, and notices (claims stage missing, more claims than shown)."""
    model = claim_model()
    if model is None:
        return [], [missing_message(CLAIMS_MODULE)]
    query = claims_query(ClaimFilters(doc=doc_id)).order_by(None).order_by(column(model, "start"))
    claims = fetch(session, query, DOCUMENT_CLAIMS + 1)
    if len(claims) <= DOCUMENT_CLAIMS:
        return claims, []
    return claims[:DOCUMENT_CLAIMS], [f"This document has more than {DOCUMENT_CLAIMS} claims; the first "
                                      f"{DOCUMENT_CLAIMS} are shown. List them all at /api/claims?doc={doc_id}."]


def all_claims(session: Session, f: ClaimFilters | None = None, limit: int = 200_000) -> list[dict]:
    """Every claim matching `f` (bounded), for fusion and assessment, which need them all.

    Reads plain column values rather than ORM objects: on 100k claims identity-map
    bookkeeping was most of the load time.
    """
    model = model_or_503()
    entity_query = claims_query(f or ClaimFilters(sort="date"))
    columns = model.__table__.columns
    query = entity_query.with_only_columns(*columns, Document.published.label("_doc_published"),
                                           maintain_column_froms=True)
    names = [c.name for c in columns]
    rows = session.execute(query.limit(limit)).all()
    return [claim_from_raw(dict(zip(names, row[:-1], strict=True)), row[-1]) for row in rows]
