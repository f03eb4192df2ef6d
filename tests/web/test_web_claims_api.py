"""Claims, fusion views, exports and ingest through the REST API, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from web_seed import HOSTILE_ID, TOKEN

from forcewatch.errors import ConfigError
from forcewatch.web.security import check_bind, is_loopback


def _ids(client, **params) -> list:
    body = client.get("/api/claims", params=params).json()
    return [(c["doc"], c["item"]) for c in body["items"]]


def test_claims_come_back_in_the_claim_schema(client):
    body = client.get("/api/claims", params={"item": "tank", "event": "deployment"}).json()
    assert body["total"] == 1
    claim = body["items"][0]
    assert claim["quantity"] == {"low": 170, "high": 170, "approx": True, "text": "some 170"}
    assert claim["sentence"].startswith("Russia will send some 170 tanks")
    doc = client.get("/api/documents/002").json()["text"]
    assert doc[claim["start"]:claim["end"]] == claim["sentence"]


def test_claim_filters_combine(client):
    assert _ids(client, source="hajun") == [(HOSTILE_ID, "tank")]
    assert _ids(client, region="Mazyr") == [(HOSTILE_ID, "tank")]
    assert _ids(client, bbox="23,51.5,25,52.5") == [("001", "personnel")]  # Brest only
    assert _ids(client, since="2022-11-01", until="2022-11-30") == [(HOSTILE_ID, "tank")]
    assert _ids(client, q="9,000") == [("002", "personnel")]
    assert sorted(_ids(client, modality="planned")) == [("002", "armoured_vehicle"), ("002", "personnel"), ("002", "tank")]
    assert _ids(client, negated="true") == []


def test_claims_sort_by_quantity_both_ways(client):
    up = [c["quantity"]["high"] for c in client.get("/api/claims", params={"sort": "quantity", "event": "deployment"}).json()["items"]]
    down = [c["quantity"]["high"] for c in client.get("/api/claims", params={"sort": "-quantity", "event": "deployment"}).json()["items"]]
    assert up == [170, 200, 9000] and down == [9000, 200, 170]


def test_bad_claim_parameters_name_the_field(client):
    for params, field in [({"sort": "sentence"}, "sort"), ({"event": "invasion"}, "event"),
                          ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "10,60,20,50"}, "bbox")]:
        response = client.get("/api/claims", params=params)
        assert response.status_code == 422, params
        assert [f["field"] for f in response.json()["error"]["fields"]] == [field]


def test_claims_geojson_places_claims_with_coordinates(client):
    features = client.get("/api/claims.geojson", params={"event": "presence"}).json()["features"]
    assert [f["geometry"]["coordinates"] for f in features] == [[29.2456, 52.0495]]
    assert "Hajun" in features[0]["properties"]["sentence"]


def test_fusion_endpoints_show_sources_and_groups(client):
    sources = client.get("/api/sources").json()["items"]
    assert {"Ministry of Defence of Belarus", "Belarusian Hajun"} <= {s["name"] for s in sources} | {s["id"] for s in sources}
    groups = client.get("/api/groups", params={"item": "personnel"}).json()
    assert groups["total"] >= 1 and all(g["item"] == "personnel" for g in groups["items"])
    assert client.get("/api/contradictions").status_code == 200


def test_csv_export_downloads_the_filtered_claims(client):
    response = client.get("/api/exports/csv", params={"item": "tank"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-forcewatch-written"] == "2"
    assert "some 170" in response.text and "9,000" not in response.text
    assert client.get("/api/exports/docx").status_code == 400


def test_claims_page_escapes_markup_from_documents(client):
    html = client.get("/claims", params={"source": "hajun"}).text
    assert "<script>document.title" not in html and "&lt;script&gt;document.title" in html
    assert '<img src=x' not in html
    assert client.get(f"/documents/{HOSTILE_ID}").headers["content-security-policy"].startswith("default-src 'self'")


def test_ingest_refuses_without_token_unknown_types_and_traversal(client):
    files = {"files": ("report.txt", b"Russia moved 20 tanks to Belarus.", "text/plain")}
    assert client.post("/api/ingest", files=files).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    exe = client.post("/api/ingest", files={"files": ("tool.exe", b"MZ", "application/octet-stream")}, headers=auth)
    assert exe.status_code == 415 and exe.json()["error"]["fields"][0]["field"] == "files"
    traversal = client.post("/api/ingest", files={"files": ("../../etc/passwd", b"x", "text/plain")}, headers=auth)
    assert traversal.status_code == 415  # reduced to the base name "passwd", which has no allowed suffix
    big = client.post("/api/ingest", files={"files": ("big.txt", b"tank " * 20_000, "text/plain")}, headers=auth)
    assert big.status_code == 413
    bad_url = client.post("/api/ingest", data={"urls": ["file:///etc/passwd"]}, headers=auth)
    assert bad_url.status_code == 422 and bad_url.json()["error"]["fields"][0]["field"] == "urls"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]"])
def test_loopback_binds_need_no_token(host):
    assert is_loopback(host)
    check_bind(host, None)


def test_public_bind_without_token_is_refused():
    with pytest.raises(ConfigError, match="FORCEWATCH_TOKEN"):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", "secret")


def test_claims_geojson_limit_keeps_the_newest_and_says_it_cut(client):
    body = client.get("/api/claims.geojson", params={"limit": 2}).json()
    assert body["truncated"] is True and body["limit"] == 2
    assert body["matched"] is None and body["skipped"] is None  # a cut answer does not count the whole store
    assert [f["properties"]["date"] for f in body["features"]] == ["2022-12-19", "2022-11-25"]
    everything = client.get("/api/claims.geojson").json()
    assert everything["truncated"] is False and len(everything["features"]) == everything["matched"] == 5
    assert everything["skipped"] == 0
    assert client.get("/api/claims.geojson", params={"limit": 0}).status_code == 422


def test_claims_geojson_bbox_returns_only_points_in_the_view(client):
    body = client.get("/api/claims.geojson", params={"bbox": "28,51,31,53"}).json()  # around Mazyr and Homel
    assert [f["geometry"]["coordinates"] for f in body["features"]] == [[29.2456, 52.0495]]
    assert body["skipped"] is None  # "without a place" means nothing inside a view
    wide = client.get("/api/claims.geojson", params={"bbox": "20,45,35,56", "item": "personnel"}).json()
    assert sorted(f["properties"]["doc"] for f in wide["features"]) == ["001", "002"]
