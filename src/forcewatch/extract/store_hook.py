"""The claims processor of ingestion: extract a stored document's claims and store them.

Registered with `forcewatch.ingest.hooks` under "forcewatch.claims.v1" when this module is
imported (the `extract` CLI module imports it, so `forcewatch ingest` runs it). It works
inside the document's own transaction: the document and its claims commit together.

Documents read by the event-table reader (Eyes on Russia rows and the like) are already
observations: their claims come from `forcewatch.extract.structured`, not from parsing
their text as prose.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..ingest import hooks
from ..store.models import Document

NAME = "forcewatch.claims.v1"
TABLE_READERS = ("table",)  # `RawDocument.reader` of ingest/readers/table.py


def claims_of(document: Document) -> list[dict]:
    """The claims of one stored document: structured for event-table rows, parsed for prose."""
    if document.reader in TABLE_READERS:
        from .structured import claims_from_document

        return claims_from_document(document)
    from .claims.builder import extract_claims

    return extract_claims(document.text, document.id, published=document.published, outlet=document.outlet)


@hooks.register(NAME)
def store_claims(session: Session, document: Document) -> None:
    """Extract `document`'s claims and replace those stored for it."""
    from .claims.storage import save_claims

    save_claims(session, document, claims_of(document))
