"""/api/ingest: upload files or submit URLs (token required)."""

from __future__ import annotations

from fastapi import APIRouter, File, Form, Request, UploadFile

from ..data.ingest import ingest_uploads
from ..deps import get_settings, get_store
from ..security import require_token

router = APIRouter(tags=["ingest"])


@router.post("/ingest", summary="Ingest uploaded files and/or URLs (token required)")
async def ingest(
    request: Request,
    files: list[UploadFile] = File(default=[], description="Text, HTML, feeds, JSON(L), CSV files."),
    urls: list[str] = Form(default=[], description="Pages or feeds to fetch."),
    token: str | None = Form(default=None, description="The token, when not sent as a header."),
) -> dict:
    require_token(request, token)
    return await ingest_uploads(files, urls, get_store(request), get_settings(request))
