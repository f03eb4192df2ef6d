"""/api/exports: the filtered claims as a file in any registered export format."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Response
from sqlalchemy.orm import Session

from ..data import claims as claim_data
from ..data import exports
from ..data.claims import ClaimFilters
from ..deps import get_session
from .claims import claim_filters

router = APIRouter(tags=["exports"])
EXPORT_LIMIT = 200_000


@router.get("/exports", summary="Export formats available")
def list_formats() -> dict:
    return {"formats": exports.formats()}


@router.get("/exports/{fmt}", summary="Download the filtered claims in one format")
def download(
    fmt: str = Path(..., pattern="^[a-z0-9_]{1,20}$"),
    filters: ClaimFilters = Depends(claim_filters),
    session: Session = Depends(get_session),
) -> Response:
    claims = claim_data.fetch(session, claim_data.claims_query(filters), EXPORT_LIMIT)
    given = {k: v for k, v in filters.as_dict().items() if v not in (None, "")}
    content, name, media, result = exports.export_bytes(claims, fmt, given)
    headers = {"Content-Disposition": f'attachment; filename="{name}"',
               "X-Forcewatch-Written": str(result["written"]), "X-Forcewatch-Skipped": str(len(result["skipped"]))}
    return Response(content, media_type=media, headers=headers)
