"""/api/claims: the claim table with filters, one claim, and the map layer."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from ..data import claims as claim_data
from ..data.claims import ClaimFilters
from ..deps import get_session
from ..paging import PageParams, envelope, page_params
from .params import BBOX, EVENTS_PATTERN, ISO_DATE, MODALITY_PATTERN, blank_to_none

router = APIRouter(tags=["claims"])
MAP_DEFAULT = 2_000  # points a browser clusters without stalling
MAP_LIMIT = 20_000


def claim_filters(
    actor: str | None = Query(None, max_length=120, description="Whose forces, e.g. Russia."),
    item: str | None = Query(None, max_length=40, description="Claim-schema item, e.g. tank."),
    event: str | None = Query(None, pattern=EVENTS_PATTERN, description="Claim-schema event."),
    region: str | None = Query(None, max_length=120, description="Place named in location, origin or destination."),
    bbox: str | None = Query(None, pattern=BBOX, description="west,south,east,north in degrees."),
    since: str | None = Query(None, pattern=ISO_DATE, description="Claim date (else publication) on or after."),
    until: str | None = Query(None, pattern=ISO_DATE, description="Claim date (else publication) on or before."),
    source: str | None = Query(None, max_length=120, description="Text in the source's name."),
    modality: str | None = Query(None, pattern=MODALITY_PATTERN),
    negated: bool | None = Query(None),
    q: str | None = Query(None, max_length=200, description="Text in the sentence."),
    doc: str | None = Query(None, max_length=200, description="Document id."),
    sort: str | None = Query(None, max_length=20, description="date, event, actor, item, source, quantity, "
                             "doc or modality; prefix '-' for descending (default -date)."),
) -> ClaimFilters:
    """FastAPI dependency: the claim filters from the query string, validated."""
    given = dict(actor=actor, item=item, event=event, region=region, bbox=bbox, since=since, until=until,
                 source=source, modality=modality, negated=negated, q=q, doc=doc, sort=sort)
    return ClaimFilters(**blank_to_none(given))


@router.get("/claims", summary="Claims, filtered, sorted and paginated")
def list_claims(
    filters: ClaimFilters = Depends(claim_filters),
    page: PageParams = Depends(page_params),
    session: Session = Depends(get_session),
) -> dict:
    query = claim_data.claims_query(filters)
    items = claim_data.fetch(session, query, page.limit, page.offset)
    return envelope(items, claim_data.total(session, query), page)


@router.get("/claims.geojson", summary="Claims with stored coordinates, as GeoJSON points (map layer)")
def claims_geojson(
    filters: ClaimFilters = Depends(claim_filters),
    limit: int = Query(MAP_DEFAULT, ge=1, le=MAP_LIMIT, description="Most points returned, newest first; "
                       "`truncated` says more match (ask again with a smaller bbox)."),
    session: Session = Depends(get_session),
) -> Response:
    """A FeatureCollection plus `matched`, `truncated`, `limit` and `skipped` (claims without coordinates)."""
    from ..data.geo import claims_layer

    # serialised directly: FastAPI's generic encoder walks every nested value of thousands of features
    body = json.dumps(claims_layer(session, filters, limit), ensure_ascii=False, default=str)
    return Response(body, media_type="application/geo+json")


@router.get("/claims/{claim_id}", summary="One claim")
def read_claim(claim_id: str, session: Session = Depends(get_session)) -> dict:
    return claim_data.get_claim(session, claim_id)
