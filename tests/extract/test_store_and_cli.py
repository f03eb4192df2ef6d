"""Claims through the store (the ingest processor, `claims` listing) and the commands."""

from __future__ import annotations

import json

from sqlalchemy import delete
from typer.testing import CliRunner

from forcewatch.cli.main import app
from forcewatch.extract.claims.storage import list_claims
from forcewatch.extract.store_hook import NAME, store_claims
from forcewatch.ingest import hooks
from forcewatch.store import open_store
from forcewatch.store.models import Document

TEXT = ("Russia will send some 170 tanks to the southern border of Belarus, the Belarusian Defense Ministry "
        "reported on Monday.\n\nHajun said 30 military trucks crossed into Ukraine on Sunday.")


def _document(session, doc_id="d1", published="2022-10-17") -> Document:
    doc = Document(id=doc_id, input="x.txt", reader="text", raw_text=TEXT, text=TEXT, content_hash=doc_id,
                   published=published, outlet="Reuters", meta={})
    session.add(doc)
    session.flush()
    return doc


def test_processor_is_registered_for_ingest():
    assert NAME in hooks.names()


def test_processor_stores_claims_and_filters_list_them(sqlite_url):
    store = open_store(sqlite_url)
    with store.transaction() as session:
        store_claims(session, _document(session))
    with store.transaction() as session:
        every = list_claims(session)
        belarus = list_claims(session, region="Belarus")
        recent = list_claims(session, since="2022-10-17")
    assert {c["item"] for c in every} >= {"tank", "truck"}
    assert [c["item"] for c in belarus if c["quantity"]] == ["tank"]
    assert all((c["date"] or c["published"]) >= "2022-10-17" for c in recent) and recent


def test_rerunning_the_processor_replaces_claims(sqlite_url):
    store = open_store(sqlite_url)
    with store.transaction() as session:
        doc = _document(session)
        store_claims(session, doc)
        first = len(list_claims(session, doc="d1"))
        store_claims(session, doc)
        assert len(list_claims(session, doc="d1")) == first


def test_claims_are_deleted_with_their_document(sqlite_url):
    store = open_store(sqlite_url)
    with store.transaction() as session:
        store_claims(session, _document(session))
    with store.transaction() as session:
        session.execute(delete(Document).where(Document.id == "d1"))
    with store.transaction() as session:
        assert list_claims(session) == []


def test_extract_command_prints_jsonl_with_meta(corpus):
    result = CliRunner().invoke(app, ["extract", str(corpus / "news" / "002.txt")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    tanks = [r for r in rows if r["item"] == "tank" and r["quantity"]]
    assert tanks[0]["doc"] == "002" and tanks[0]["date"] == "2022-10-17" and tanks[0]["published"] == "2022-10-17"


def test_extract_command_reports_a_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt" in result.output


def test_eval_claims_command_prints_the_figures(corpus):
    news = corpus / "news"
    args = ["eval", "claims", str(news / "gold-claims.jsonl"), str(news / "002.txt"), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["quantity_precision"] == 1.0 and figures["trap_hits"] == 0


def test_claims_command_lists_stored_claims_as_json(sqlite_url):
    store = open_store(sqlite_url)
    with store.transaction() as session:
        store_claims(session, _document(session))
    result = CliRunner().invoke(app, ["--db", sqlite_url, "claims", "--doc", "d1", "--json"])
    assert result.exit_code == 0, result.output
    assert {c["doc"] for c in json.loads(result.stdout)} == {"d1"}
