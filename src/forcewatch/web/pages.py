"""Dashboard pages, server-rendered from the same read models as the API."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from .api.claims import claim_filters
from .api.params import EVENTS, ISO_DATE, ITEMS, MODALITIES
from .data import claims as claim_data
from .data import documents as docs
from .data import mentions as mention_data
from .data.claims import ClaimFilters
from .deps import get_session
from .highlight import Span, highlight
from .paging import PageParams, envelope, page_params, paged
from .present import decorate
from .render import page, query_string

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/documents")
def documents_page(
    request: Request,
    q: str | None = Query(None, max_length=200),
    since: str | None = Query(None, pattern=ISO_DATE),
    until: str | None = Query(None, pattern=ISO_DATE),
    page_: PageParams = Depends(page_params),
    session: Session = Depends(get_session),
):
    rows, total = paged(session, docs.documents_query(q, None, since, until), page_)
    filters = {"q": q, "since": since, "until": until}
    body = envelope([docs.document_summary(d) for d in rows], total, page_)
    return page(request, "documents.html", "Documents", "/documents", page=body, filters=filters,
                query_string=query_string(filters))


def document_spans(claims: list[dict], mentions: list[dict]) -> list[Span]:
    """Claim sentences and mentions as highlight spans over the cleaned text."""
    spans = [Span(c["start"], c["end"], f"claim ev-{c['event']}", f"{c['event']} claim", f"claim-{c['id']}")
             for c in claims if isinstance(c.get("start"), int) and isinstance(c.get("end"), int)]
    spans += [Span(m["start"], m["end"], f"mention m-{m['kind']}", m.get("label") or m["kind"]) for m in mentions]
    return spans


def _safe_url(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


@router.get("/documents/{doc_id}")
def document_page(doc_id: str, request: Request, session: Session = Depends(get_session)):
    doc = docs.get_document(session, doc_id)
    claims, notes = claim_data.claims_for_document(session, doc_id)
    claims = [decorate(c) for c in claims]
    mentions, more = mention_data.mentions_for_document(session, doc_id)
    spans = document_spans(claims, mentions)
    return page(request, "document.html", doc.title or doc.id, "/documents", doc=docs.document_detail(doc),
                highlighted=highlight(doc.text or "", spans), claims=claims, safe_url=_safe_url(doc.url),
                mention_kinds=sorted({m["kind"] for m in mentions}), notices=notes + more)


def filter_context(filters: ClaimFilters) -> dict:
    """What the claim filter form needs: current values and the vocabularies."""
    values = filters.as_dict()
    return {"filters": values, "events": EVENTS, "items": ITEMS, "modalities": MODALITIES,
            "query_string": query_string({k: v for k, v in values.items() if k != "sort"}), "sort": filters.sort,
            "pager_query": query_string(values)}


@router.get("/claims")
def claims_page(
    request: Request,
    filters: ClaimFilters = Depends(claim_filters),
    page_: PageParams = Depends(page_params),
    session: Session = Depends(get_session),
):
    query = claim_data.claims_query(filters)
    items = [decorate(c) for c in claim_data.fetch(session, query, page_.limit, page_.offset)]
    body = envelope(items, claim_data.total(session, query), page_)
    return page(request, "claims.html", "Claims", "/claims", page=body, export_formats=export_formats(),
                **filter_context(filters))


@router.get("/map")
def map_page(request: Request, filters: ClaimFilters = Depends(claim_filters)):
    return page(request, "map.html", "Map", "/map", form_action="/map", **filter_context(filters))


def export_formats() -> list[str]:
    from .data.exports import formats

    return [f["name"] for f in formats()]
