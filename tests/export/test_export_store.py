"""JSON export from the store, read back by import into another store without loss."""

from __future__ import annotations

import json

from claims_fixtures import without_ids

from forcewatch.export import export, read_claims
from forcewatch.export.store_io import document_dicts, import_batch, load_claims
from forcewatch.store import Store
from forcewatch.store.models import Document


def _document(doc_id: str, text: str, meta: dict) -> Document:
    return Document(id=doc_id, input=f"corpus/news/{doc_id}.txt", reader="text", outlet=meta.get("outlet"),
                    published=meta.get("published"), raw_text=text, text=text, content_hash=f"hash-{doc_id}",
                    status="ok", meta={"note": meta.get("published_note")})


def _seed(url: str, corpus, claims) -> Store:
    meta = json.loads((corpus / "news" / "meta.json").read_text(encoding="utf-8"))
    store = Store(url)
    with store.transaction() as session:
        for doc_id in ("001", "002"):
            session.add(_document(doc_id, (corpus / "news" / f"{doc_id}.txt").read_text(encoding="utf-8"), meta[doc_id]))
    result = import_batch(store, claims, [], "seed")
    assert result.claims == len(claims) and not result.rejects
    return store


def test_store_to_json_to_new_store_is_lossless(tmp_path, corpus, claims_news):
    first = _seed(f"sqlite:///{tmp_path / 'a.db'}", corpus, claims_news)
    with first.session() as session:
        stored = load_claims(session)
        docs = document_dicts(session, {c["doc"] for c in stored})
    export(stored, "json", tmp_path / "claims.json", documents=docs)

    batch = read_claims(tmp_path / "claims.json")
    second = Store(f"sqlite:///{tmp_path / 'b.db'}")
    result = import_batch(second, batch.claims, batch.documents, "claims.json")
    assert (result.claims, result.documents, result.rejects) == (len(claims_news), 2, [])
    with second.session() as session:
        again = load_claims(session)
        assert document_dicts(session, {"001", "002"}) == docs
    assert without_ids(again) == without_ids(stored)
    tanks = next(c for c in again if c["item"] == "tank" and c["doc"] == "002")
    assert tanks["quantity"] == {"low": 170, "high": 170, "approx": True, "text": "some 170"}


def test_importing_twice_adds_nothing_the_second_time(tmp_path, corpus, claims_news):
    store = _seed(f"sqlite:///{tmp_path / 'a.db'}", corpus, claims_news)
    again = import_batch(store, claims_news, [], "again")
    assert (again.claims, again.duplicates) == (0, len(claims_news))


def test_claim_citing_an_unknown_document_is_rejected_and_others_go_in(tmp_path, corpus, claims_news):
    store = _seed(f"sqlite:///{tmp_path / 'a.db'}", corpus, [])
    stray = dict(claims_news[0], doc="003")
    result = import_batch(store, [stray, claims_news[1]], [], "file.json")
    assert result.claims == 1
    assert "cites document '003'" in str(result.rejects[0])
