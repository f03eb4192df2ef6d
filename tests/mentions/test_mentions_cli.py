"""`forcewatch mentions DOC_ID` and mentions computed for a stored document that has none yet."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from forcewatch.cli.main import app, main
from forcewatch.errors import NotFound
from forcewatch.extract.mentions import Mention
from forcewatch.extract.mentions.storage import document_mentions, load_mentions, store_mentions
from forcewatch.store import Document, open_store

# re3d-train (CENTCOM), as a stored document's cleaned text
TEXT = "On Thursday, Dec. 15, Coalition aircraft from CJTF-OIR destroyed 14 ISIL tanks near Palmyra, Syria."


def _store_with_document(url: str, doc_id: str = "centcom-1"):
    store = open_store(url)
    with store.transaction() as session:
        session.add(Document(id=doc_id, input="x.txt", reader="text", raw_text=TEXT, text=TEXT, content_hash=doc_id, meta={}))
    return store


def _mentions_cli(url: str, doc_id: str):
    return CliRunner().invoke(app, ["--db", url, "mentions", doc_id, "--json"])


def test_mentions_command_computes_and_stores_mentions_when_none_are_stored(db_url):
    store = _store_with_document(db_url)
    result = _mentions_cli(db_url, "centcom-1")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    found = {(r["text"], r["re3d_type"]) for r in rows}
    assert ("ISIL tanks", "MilitaryPlatform") in found and ("CJTF-OIR", "Organisation") in found
    assert any(t == "Location" and "Palmyra" in text for text, t in found)
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in rows)
    with store.transaction() as session:
        assert [m.as_dict() for m in load_mentions(session, "centcom-1")] == rows
    store.close()


def test_mentions_command_lists_stored_mentions_without_recomputing(db_url):
    store = _store_with_document(db_url)
    stored = [Mention(84, 91, "Palmyra", "Location", None, "hand", "Location")]
    with store.transaction() as session:
        store_mentions(session, "centcom-1", stored)
    result = _mentions_cli(db_url, "centcom-1")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [stored[0].as_dict()]
    store.close()


def test_mentions_command_renders_a_table(sqlite_url):
    _store_with_document(sqlite_url).close()
    result = CliRunner().invoke(app, ["--db", sqlite_url, "mentions", "centcom-1"])
    assert result.exit_code == 0, result.output
    assert "Palmyra" in result.output and "mentions" in result.output


def test_document_mentions_of_an_unknown_document_raises_not_found(sqlite_url):
    store = _store_with_document(sqlite_url)
    with pytest.raises(NotFound, match="nope"):
        document_mentions(store, "nope")
    store.close()


def test_mentions_command_reports_an_unknown_document(sqlite_url, capsys):
    _store_with_document(sqlite_url).close()
    code = main(["--db", sqlite_url, "mentions", "nope", "--json"])
    assert code == NotFound.exit_code != 0
    assert "document 'nope' is not in the store" in " ".join(capsys.readouterr().err.split())
