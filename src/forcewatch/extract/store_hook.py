"""The claims processor of ingestion: extract a stored document's claims and store them.

Registered with `forcewatch.ingest.hooks` under "forcewatch.claims.v1" when this module is
imported (the `extract` CLI module imports it, so `forcewatch ingest` runs it). It works
inside the document's own transaction: the document and its claims commit together.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..ingest import hooks
from ..store.models import Document

NAME = "forcewatch.claims.v1"


@hooks.register(NAME)
def store_claims(session: Session, document: Document) -> None:
    """Extract `document`'s claims from its cleaned text and replace those stored for it."""
    from .claims.builder import extract_claims
    from .claims.storage import save_claims

    claims = extract_claims(document.text, document.id, published=document.published, outlet=document.outlet)
    save_claims(session, document, claims)
