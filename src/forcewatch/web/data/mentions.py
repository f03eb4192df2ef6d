"""Mentions (units, equipment, places, sources, quantities ...) of one document, for highlighting.

The mentions table belongs to the extraction stage (`store/models_mentions.py`); this
reads it by column name and returns `{"start", "end", "kind", "text", "label"}` dicts.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .claims import column
from .stages import missing_message, optional

MENTIONS_MODULE = "forcewatch.store.models_mentions"


def mention_model():
    mod = optional(MENTIONS_MODULE)
    return getattr(mod, "Mention", None) if mod else None


def _as_dict(row, kind_col: str, label_col: str | None) -> dict:
    kind = str(getattr(row, kind_col) or "other").lower().replace(" ", "_")
    label = getattr(row, label_col, None) if label_col else None
    return {"start": row.start, "end": row.end, "kind": kind, "text": getattr(row, "text", None),
            "label": f"{kind}: {label}" if label else kind}


def mentions_for_document(session: Session, doc_id: str) -> tuple[list[dict], list[str]]:
    """The document's mentions in text order, and a notice when the table is missing."""
    model = mention_model()
    if model is None:
        return [], [missing_message(MENTIONS_MODULE)]
    doc = column(model, "doc", "doc_id", "document_id")
    kind = column(model, "kind", "type", "label")
    label = column(model, "canonical", "normalized", "value", "entity_id")
    rows = session.execute(select(model).where(doc == doc_id).order_by(column(model, "start"))).scalars()
    return [_as_dict(r, kind.key, label.key if label is not None else None) for r in rows], []
