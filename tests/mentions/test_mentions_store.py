"""Mentions round-trip through the store and go with their document."""

from __future__ import annotations

from sqlalchemy import delete

from forcewatch.extract.mentions import Mention
from forcewatch.extract.mentions.storage import load_mentions, store_mentions
from forcewatch.store import Document, Store

TEXT = "The 1st Guards Tank Army moved T-80BV tanks to Yelsk, the GUR said on Monday."


def _document(doc_id: str) -> Document:
    return Document(id=doc_id, input=f"{doc_id}.txt", reader="text", raw_text=TEXT, text=TEXT, content_hash="0" * 64, meta={})


MENTIONS = [
    Mention(4, 24, "1st Guards Tank Army", "Unit", "ru-1gta", "kb_ruler", "Organisation"),
    Mention(31, 43, "T-80BV tanks", "Equipment", "t-80bv", "re3d_ner", "MilitaryPlatform"),
    Mention(47, 52, "Yelsk", "Location", None, "re3d_ner", "Location"),
]


def test_mentions_round_trip_and_replace(db_url):
    store = Store(db_url)
    with store.transaction() as session:
        session.add(_document("fw-001"))
        session.flush()
        store_mentions(session, "fw-001", MENTIONS)
    with store.transaction() as session:
        assert load_mentions(session, "fw-001") == MENTIONS
        store_mentions(session, "fw-001", MENTIONS[:1])
    with store.transaction() as session:
        assert load_mentions(session, "fw-001") == MENTIONS[:1]
    store.close()


def test_mentions_are_deleted_with_their_document(sqlite_url):
    store = Store(sqlite_url)
    with store.transaction() as session:
        session.add(_document("fw-002"))
        session.flush()
        store_mentions(session, "fw-002", MENTIONS)
    with store.transaction() as session:
        session.execute(delete(Document).where(Document.id == "fw-002"))
    with store.transaction() as session:
        assert load_mentions(session, "fw-002") == []
    assert "mentions" in store.table_names()
    store.close()
