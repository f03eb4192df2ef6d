"""Documents through the REST API, on SQLite and PostgreSQL."""

from __future__ import annotations

from web_seed import HOSTILE_ID, TOKEN


def test_documents_list_is_paginated_newest_first(client):
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["total"] == 3
    assert [d["published"] for d in first["items"]] == ["2022-12-21", "2022-11-25"]
    assert first["next_offset"] == 2
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert [d["id"] for d in rest["items"]] == ["002"] and rest["next_offset"] is None


def test_documents_text_search_and_date_filter(client):
    found = client.get("/api/documents", params={"q": "artillery pieces"}).json()
    assert [d["id"] for d in found["items"]] == ["002"]
    autumn = client.get("/api/documents", params={"since": "2022-11", "until": "2022-11-30"}).json()
    assert [d["id"] for d in autumn["items"]] == [HOSTILE_ID]


def test_document_detail_keeps_the_cleaned_text_for_offsets(client):
    doc = client.get("/api/documents/002").json()
    assert doc["outlet"] is None and doc["published"] == "2022-10-17"
    assert "Russia will send some 170 tanks" in doc["text"]


def test_unknown_document_is_a_404_with_the_error_body(client):
    response = client.get("/api/documents/999")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found" and "'999'" in error["message"]


def test_validation_error_names_the_field(client):
    response = client.get("/api/documents", params={"since": "17/10/2022", "limit": 0})
    assert response.status_code == 422
    fields = {f["field"] for f in response.json()["error"]["fields"]}
    assert fields == {"since", "limit"}


def test_search_text_is_bound_not_interpolated(client):
    hostile = "x' OR '1'='1"
    response = client.get("/api/documents", params={"q": hostile})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert client.get("/api/documents", params={"q": "%"}).json()["total"] == 0  # LIKE wildcards are literal


def test_delete_needs_the_token_and_then_removes_the_document(client):
    assert client.delete(f"/api/documents/{HOSTILE_ID}").status_code == 401
    wrong = client.delete(f"/api/documents/{HOSTILE_ID}", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "token_invalid"
    ok = client.delete(f"/api/documents/{HOSTILE_ID}", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    assert client.get(f"/api/documents/{HOSTILE_ID}").status_code == 404


def test_openapi_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/claims", "/api/ingest", "/api/exports/{fmt}"} <= set(paths)
