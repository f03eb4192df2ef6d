"""Ingest through the API and the upload form: files and URLs go through `forcewatch.ingest`
with the default processors, so the claims of what was uploaded are listed at once.

URLs are served by a local http.server on 127.0.0.1 only; nothing leaves the machine.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from web_seed import TOKEN

from forcewatch.extract.claims.builder import extract_claims

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def local_site(tmp_path: Path, corpus: Path):
    """The real article 001 served over HTTP on a loopback port, as a reporter's page would be."""
    folder = tmp_path / "site"
    folder.mkdir()
    shutil.copy(corpus / "news" / "001.txt", folder / "belarus-drills.txt")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


def _upload(client, corpus: Path, name: str = "002.txt", **kwargs):
    body = (corpus / "news" / name).read_bytes()
    return client.post("/api/ingest", files={"files": (name, body, "text/plain")}, **kwargs)


def test_uploaded_article_is_ingested_and_the_claims_api_lists_its_claims(empty_client, corpus):
    response = _upload(empty_client, corpus, headers=AUTH)
    assert response.status_code == 200, response.text
    result = response.json()["result"]
    assert result["ingested"] == 1 and result["documents"] == ["002"]
    assert "forcewatch.claims.v1" in result["processors"]
    doc = empty_client.get("/api/documents/002").json()
    claims = empty_client.get("/api/claims", params={"doc": "002", "limit": 500}).json()
    expected = extract_claims(doc["text"], "002", published=doc["published"], outlet=doc["outlet"])
    assert claims["total"] == len(expected) > 0
    tanks = [c for c in claims["items"] if c["item"] == "tank" and c["event"] == "deployment"]
    assert [c["quantity"]["text"] for c in tanks] == ["some 170"]
    assert doc["text"][tanks[0]["start"]:tanks[0]["end"]] == tanks[0]["sentence"]


def test_uploading_the_same_article_again_adds_a_duplicate_and_no_claims(empty_client, corpus):
    _upload(empty_client, corpus, headers=AUTH)
    before = empty_client.get("/api/claims").json()["total"]
    again = _upload(empty_client, corpus, headers=AUTH).json()["result"]
    assert again["ingested"] == 0 and again["duplicates"] == 1
    assert empty_client.get("/api/claims").json()["total"] == before


def test_submitted_url_is_fetched_and_its_claims_stored(empty_client, local_site):
    url = f"{local_site}/belarus-drills.txt"
    response = empty_client.post("/api/ingest", data={"urls": [url]}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["result"]["documents"] == ["belarus-drills"]
    doc = empty_client.get("/api/documents/belarus-drills").json()
    assert doc["url"] == url and "Brestsky" in doc["text"]
    claims = empty_client.get("/api/claims", params={"doc": "belarus-drills"}).json()
    assert claims["total"] > 0
    assert all(doc["text"][c["start"]:c["end"]] == c["sentence"] for c in claims["items"])


def test_unreachable_url_is_recorded_as_rejected_not_a_server_error(empty_client, local_site):
    response = empty_client.post("/api/ingest", data={"urls": [f"{local_site}/missing.txt"]}, headers=AUTH)
    assert response.status_code == 200
    rejected = response.json()["result"]["rejected"]
    assert len(rejected) == 1 and "404" in rejected[0]["reason"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_upload_form_ingests_with_the_token_field_and_shows_the_result(empty_client, corpus):
    body = (corpus / "news" / "002.txt").read_bytes()
    refused = empty_client.post("/ingest", files={"files": ("002.txt", body, "text/plain")}, data={"token": "nope"})
    assert refused.status_code == 403 and "does not match" in refused.text
    page = empty_client.post("/ingest", files={"files": ("002.txt", body, "text/plain")}, data={"token": TOKEN})
    assert page.status_code == 200 and "Ingested 1 input(s)" in page.text
    assert empty_client.get("/api/claims", params={"doc": "002"}).json()["total"] > 0


def test_map_layer_places_the_uploaded_claims_by_their_stored_coordinates(empty_client, corpus):
    _upload(empty_client, corpus, headers=AUTH)
    claims = empty_client.get("/api/claims", params={"limit": 500}).json()["items"]
    layer = empty_client.get("/api/claims.geojson").json()
    placed = {c["id"]: [round(c["lon"], 6), round(c["lat"], 6)] for c in claims if c["lat"] is not None}
    assert placed and {f["id"]: f["geometry"]["coordinates"] for f in layer["features"]} == placed
    assert layer["skipped"] == len(claims) - len(placed)
