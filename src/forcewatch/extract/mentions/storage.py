"""Mentions in the store: write a document's mentions in a session, read them back."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...config import Settings
from ...errors import NotFound
from ...store import Store
from ...store.models import Document
from ...store.models_mentions import Mention as MentionRow
from .pipeline import extract_mentions
from .types import Mention


def store_mentions(session: Session, doc_id: str, mentions: list[Mention]) -> int:
    """Replace the stored mentions of document `doc_id` with `mentions`, inside `session`."""
    session.execute(delete(MentionRow).where(MentionRow.doc_id == doc_id))
    session.add_all(
        MentionRow(
            doc_id=doc_id,
            start=m.start,
            end=m.end,
            text=m.text,
            type=m.type,
            re3d_type=m.re3d_type,
            kb_id=m.kb_id,
            component=m.component,
        )
        for m in mentions
    )
    return len(mentions)


def load_mentions(session: Session, doc_id: str) -> list[Mention]:
    """The stored mentions of `doc_id` in text order (empty when none are stored)."""
    rows = session.scalars(select(MentionRow).where(MentionRow.doc_id == doc_id).order_by(MentionRow.start, MentionRow.id))
    return [Mention(r.start, r.end, r.text, r.type, r.kb_id, r.component, r.re3d_type) for r in rows]


def document_mentions(store: Store, doc_id: str, settings: Settings | None = None) -> list[Mention]:
    """The mentions of a stored document, computed from its cleaned text and stored when absent."""
    with store.transaction() as session:
        document = session.get(Document, doc_id)
        if document is None:
            raise NotFound(f"document {doc_id!r} is not in the store at {store.url}; list documents with `forcewatch docs`")
        stored = load_mentions(session, doc_id)
        if stored:
            return stored
        mentions = extract_mentions(document.text, settings)
        store_mentions(session, doc_id, mentions)
        return mentions
