"""Claims and documents between the store and export files.

`load_claims` reads stored claims as schema dicts (with each document's publication
date); `document_dicts` gives the documents they come from, so a JSON export carries
everything `import_batch` needs to rebuild them in another store. Import is one
transaction: a file goes in whole, or not at all; bad claims are rejected one by one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..errors import InputError, MalformedInput
from ..extract.claims.storage import to_dict as claim_from_row
from ..extract.claims.storage import to_row as claim_row
from ..store.models import Document
from ..store.models_claims import Claim
from .claims import CLAIM_FIELDS

DOC_FIELDS = ("id", "input", "reader", "outlet", "title", "url", "published", "published_how", "language",
              "fetched_at", "raw_text", "text", "content_hash", "canonical_id", "status", "meta")


def load_claims(session) -> list[dict]:
    """Every stored claim, in document and sentence order."""
    query = select(Claim).order_by(Claim.doc_id, Claim.start, Claim.id)
    return [claim_from_row(row) for row in session.scalars(query)]


def document_dicts(session, ids: set[str]) -> list[dict]:
    """The stored documents with these ids, every column but the MinHash signature."""
    rows = session.scalars(select(Document).where(Document.id.in_(sorted(ids)))) if ids else []
    return [{name: _plain(getattr(doc, name)) for name in DOC_FIELDS} for doc in rows]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _document_row(doc: dict, known: set[str]) -> Document:
    fields = {name: doc.get(name) for name in DOC_FIELDS}
    if isinstance(fields["fetched_at"], str):
        fields["fetched_at"] = datetime.fromisoformat(fields["fetched_at"])
    if fields["canonical_id"] not in known:
        fields["canonical_id"] = None  # its original is not in this store
    fields["meta"] = fields["meta"] or {}
    fields["status"] = fields["status"] or "ok"
    return Document(**{k: v for k, v in fields.items() if v is not None})


@dataclass
class ImportResult:
    claims: int = 0
    documents: int = 0
    duplicates: int = 0
    rejects: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The counts and the rejects' messages, for `--json` output."""
        return {"claims": self.claims, "documents": self.documents, "duplicates": self.duplicates,
                "rejects": [str(r) for r in self.rejects]}


def _key(claim: dict) -> str:
    """Everything a claim says but its store id: the same claim imported twice is one."""
    return json.dumps({k: v for k, v in claim.items() if k != "id"}, sort_keys=True, default=str)


def _add_documents(session, documents: list[dict], result: ImportResult) -> set[str]:
    known = set(session.scalars(select(Document.id)))
    new = [d for d in documents if d.get("id") and d["id"] not in known]
    known |= {d["id"] for d in new}
    for doc in new:
        for name in ("input", "reader", "raw_text", "text", "content_hash"):
            if doc.get(name) is None:
                result.rejects.append(MalformedInput(f"document {doc['id']}", f"lacks {name}"))
                known.discard(doc["id"])
                break
        else:
            session.add(_document_row(doc, known))
            result.documents += 1
    session.flush()
    return known


def import_batch(store, claims: list[dict], documents: list[dict], where: str) -> ImportResult:
    """Write documents and claims read from `where` into the store, in one transaction."""
    result = ImportResult()
    with store.transaction() as session:
        known = _add_documents(session, documents, result)
        seen = {_key(c) for c in load_claims(session)}
        for index, claim in enumerate(claims, 1):
            if str(claim["doc"]) not in known:
                result.rejects.append(MalformedInput(where, f"claim #{index} cites document {claim['doc']!r}, which is "
                                                     "neither in the store nor in the file",
                                                     "ingest the document first, or export with its documents"))
                continue
            row = claim_row(claim)
            key = _key(claim_from_row(row))  # compared as stored, so file and store claims match
            if key in seen:
                result.duplicates += 1
            else:
                session.add(row)
                seen.add(key)
                result.claims += 1
    return result


__all__ = ["CLAIM_FIELDS", "load_claims", "document_dicts", "import_batch", "ImportResult", "claim_from_row"]
