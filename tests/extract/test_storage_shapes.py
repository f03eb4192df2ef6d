"""Claim shapes in the store: places and sources as strings or objects, coordinates as
{lat, lon}; event-table rows stored with their structured claims."""

from __future__ import annotations

from forcewatch.extract.claims import extract_claims
from forcewatch.extract.claims.storage import list_claims, save_claims, to_row
from forcewatch.extract.store_hook import store_claims
from forcewatch.store import open_store
from forcewatch.store.models import Document

TEXT = "Russia will send some 170 tanks to Belarus, the Belarusian Defense Ministry reported on Monday."
ROW = ("Russian military equipment being moved by train in Rechytsa")


def _doc(session, reader="text", text=TEXT, meta=None) -> Document:
    doc = Document(id=f"d-{reader}", input="x", reader=reader, raw_text=text, text=text, content_hash=reader,
                   published="2022-01-02", outlet=None, meta=meta or {})
    session.add(doc)
    session.flush()
    return doc


def test_to_row_accepts_location_and_source_as_plain_strings():
    row = to_row({"doc": "d", "sentence": "s", "start": 0, "end": 1, "event": "presence", "location": "Gomel",
                  "source": "Hajun", "equipment": [], "evidence": {}})
    assert (row.location_name, row.source_name, row.lat) == ("Gomel", "Hajun", None)


def test_extracted_claims_carry_coordinates_as_lat_lon_object():
    claim = next(c for c in extract_claims(TEXT, "d", published="2022-10-17") if c["quantity"])
    assert set(claim["location_coords"]) == {"lat", "lon"}


def test_stored_claims_read_back_with_lat_lon_object(sqlite_url):
    store = open_store(sqlite_url)
    with store.transaction() as session:
        doc = _doc(session)
        save_claims(session, doc, extract_claims(TEXT, doc.id, published="2022-10-17"))
        stored = [c for c in list_claims(session, doc=doc.id) if c["quantity"]]
    assert stored[0]["location_coords"]["lat"] > 50


def test_event_table_documents_get_structured_claims(sqlite_url):
    meta = {"event_group": "Russian Military Presence January 2022", "lat": 52.35, "lon": 30.4,
            "country": "Belarus", "town": "Rechytsa", "table": "eyesonrussia"}
    store = open_store(sqlite_url)
    with store.transaction() as session:
        store_claims(session, _doc(session, reader="table", text=ROW, meta=meta))
        stored = list_claims(session, doc="d-table")
    assert stored and all(c["source"] == "Eyes on Russia (CIR/Bellingcat)" and c["location"]["name"] == "Rechytsa" for c in stored)


def test_fields_without_a_column_survive_the_store(sqlite_url):
    """`actors` (every nationality on the force) has no column; it must come back as stored."""
    text = "Russian and Belarusian troops began joint drills at the Brestsky training ground, the ministry said."
    store = open_store(sqlite_url)
    with store.transaction() as session:
        doc = _doc(session, text=text)
        extracted = extract_claims(text, doc.id, published="2022-12-20")
        save_claims(session, doc, extracted)
        stored = list_claims(session, doc=doc.id)
    assert extracted and [c.get("actors") for c in stored] == [c.get("actors") for c in extracted]
    assert any(c.get("actors") == ["Russia", "Belarus"] for c in stored)
    store.close()
