"""Documents as the API and the pages show them."""

from __future__ import annotations

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...store.models import Document

SUMMARY_CHARS = 240


def document_summary(doc: Document) -> dict:
    """A document without its full text (lists)."""
    return {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "language": doc.language,
        "reader": doc.reader,
        "status": doc.status,
        "input": doc.input,
        "snippet": (doc.text or "")[:SUMMARY_CHARS],
    }


def document_detail(doc: Document) -> dict:
    """A document with its cleaned text: every claim and mention offset points into it."""
    body = document_summary(doc)
    body.pop("snippet")
    body.update({"text": doc.text, "canonical_id": doc.canonical_id, "meta": doc.meta or {}})
    return body


def documents_query(q: str | None = None, status: str | None = None, since: str | None = None,
                    until: str | None = None) -> Select:
    """Documents newest first, filtered; every value is bound, never formatted into SQL."""
    query = select(Document)
    q, status, since, until = (v or None for v in (q, status, since, until))
    if q:
        query = query.where(or_(*[col.icontains(q, autoescape=True) for col in (Document.title, Document.text, Document.id)]))
    if status:
        query = query.where(Document.status == status)
    if since:
        query = query.where(Document.published >= since)
    if until:
        query = query.where(Document.published <= until + "\uffff")
    return query.order_by(Document.published.desc().nulls_last(), Document.id)


def get_document(session: Session, doc_id: str) -> Document:
    doc = session.get(Document, doc_id)
    if doc is None:
        raise NotFound(f"document {doc_id!r} is not in the store; list documents at /api/documents.")
    return doc


def delete_document(session: Session, doc_id: str) -> None:
    """Remove a document (its claims and mentions go with it by foreign-key cascade)."""
    session.delete(get_document(session, doc_id))
