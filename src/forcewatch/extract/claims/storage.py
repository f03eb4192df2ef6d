"""Claims in the store: write a document's claims, list claims with filters."""

from __future__ import annotations

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ...store.models import Document
from ...store.models_claims import Claim

_COLUMNS = ("sentence", "start", "end", "event", "actor", "item", "equipment", "unit", "quantity", "location",
            "origin", "destination", "date", "source", "outlet", "published", "modality", "negated",
            "confidence", "evidence")  # fmt: skip


def _place(value) -> dict:
    """A schema place (a name, or an object with `name` and maybe lat/lon/country) as a dict."""
    if isinstance(value, str):
        return {"name": value}
    return value if isinstance(value, dict) else {}


def _source_name(value) -> str | None:
    """The source's name: the schema allows a plain string or an object with `name`."""
    if isinstance(value, str):
        return value or None
    return value.get("name") if isinstance(value, dict) else None


def _coords(claim: dict, loc: dict) -> tuple[float | None, float | None]:
    """`location_coords` ({"lat", "lon"}, or an old [lat, lon]), else the location's own, else
    the destination's (a deployment's place is where the forces go)."""
    given = claim.get("location_coords")
    if isinstance(given, dict) and given.get("lat") is not None:
        return given["lat"], given["lon"]
    if isinstance(given, list | tuple) and len(given) == 2:
        return given[0], given[1]
    for place in (loc, _place(claim.get("destination"))):
        if place.get("lat") is not None:
            return place.get("lat"), place.get("lon")
    return None, None


def _quantity_bounds(claim: dict) -> tuple[int | None, int | None]:
    q = claim.get("quantity")
    return (q.get("low"), q.get("high")) if isinstance(q, dict) else (None, None)


def to_row(claim: dict) -> Claim:
    """A claims-table row from a schema dict (`location` and `source` as string or object).

    Fields without a column of their own (`actors`, a plugin's additions) are kept in
    `evidence["extra"]` and come back as fields from `to_dict`, so nothing is lost.
    """
    loc = _place(claim.get("location"))
    lat, lon = _coords(claim, loc)
    low, high = _quantity_bounds(claim)
    fields = {k: claim.get(k) for k in _COLUMNS}
    evidence = dict(fields["evidence"] or {})
    extra = {k: v for k, v in claim.items() if k not in _COLUMNS and k not in ("id", "doc", "location_coords")}
    if extra:
        evidence["extra"] = extra
    fields.update(equipment=list(fields["equipment"] or []), negated=bool(fields["negated"]),
                  modality=fields["modality"] or "asserted", evidence=evidence)
    return Claim(
        doc_id=str(claim["doc"]), quantity_low=low, quantity_high=high,
        location_name=loc.get("name"), location_country=loc.get("country"),
        lat=lat, lon=lon, source_name=_source_name(claim.get("source")), **fields,
    )  # fmt: skip


def to_dict(row: Claim) -> dict:
    """The schema dict of a stored claim (with its store id and the extras it was saved with)."""
    out = {"id": row.id, "doc": row.doc_id}
    out.update({k: getattr(row, k) for k in _COLUMNS})
    out["location_coords"] = {"lat": row.lat, "lon": row.lon} if row.lat is not None else None
    evidence = dict(out["evidence"] or {})
    out.update(evidence.pop("extra", {}))
    out["evidence"] = evidence
    return out


def save_claims(session: Session, document: Document, claims: list[dict]) -> int:
    """Replace the stored claims of `document` with `claims`; returns how many."""
    session.execute(delete(Claim).where(Claim.doc_id == document.id))
    session.add_all(to_row(dict(c, doc=document.id)) for c in claims)
    return len(claims)


def list_claims(session: Session, doc: str | None = None, region: str | None = None, since: str | None = None) -> list[dict]:
    """Stored claims, oldest document first; `region` matches location name or country."""
    query = select(Claim).order_by(Claim.published, Claim.doc_id, Claim.start, Claim.id)
    if doc:
        query = query.where(Claim.doc_id == doc)
    if region:
        query = query.where(or_(Claim.location_name.ilike(region), Claim.location_country.ilike(region)))
    if since:
        query = query.where(or_(Claim.date >= since, Claim.date.is_(None) & (Claim.published >= since)))
    return [to_dict(row) for row in session.scalars(query)]


def claims_at(db_url: str) -> list[dict]:
    """Every claim stored in the database at `db_url` (opened, read and closed)."""
    from ...store import open_store

    store = open_store(db_url)
    try:
        with store.session() as session:
            return list_claims(session)
    finally:
        store.close()
