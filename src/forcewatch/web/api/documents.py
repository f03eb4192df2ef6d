"""/api/documents: list, read and delete documents."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session

from ..data import documents as docs
from ..deps import get_session, get_store
from ..paging import PageParams, envelope, page_params, paged
from ..security import write_guard
from .params import ISO_DATE

router = APIRouter(tags=["documents"])


@router.get("/documents", summary="List documents, newest first")
def list_documents(
    q: str | None = Query(None, max_length=200, description="Text search in title, text and id."),
    status: str | None = Query(None, pattern="^(ok|duplicate|near_duplicate)$"),
    since: str | None = Query(None, pattern=ISO_DATE, description="Published on or after (YYYY[-MM[-DD]])."),
    until: str | None = Query(None, pattern=ISO_DATE, description="Published on or before."),
    page: PageParams = Depends(page_params),
    session: Session = Depends(get_session),
) -> dict:
    rows, total = paged(session, docs.documents_query(q, status, since, until), page)
    return envelope([docs.document_summary(d) for d in rows], total, page)


@router.get("/documents/{doc_id}", summary="One document with its cleaned text")
def read_document(doc_id: str, session: Session = Depends(get_session)) -> dict:
    return docs.document_detail(docs.get_document(session, doc_id))


@router.delete("/documents/{doc_id}", summary="Delete a document (token required)",
               dependencies=[Depends(write_guard)])
def delete_document(doc_id: str, request: Request) -> dict:
    with get_store(request).transaction() as session:
        docs.delete_document(session, doc_id)
    return {"deleted": doc_id}
