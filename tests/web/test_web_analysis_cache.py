"""Fusion and assessment share their work per store version: the claims are read and
annotated once, fused once, and each page's part equals the engine's own result."""

from __future__ import annotations

from forcewatch.assess import assess
from forcewatch.extract.claims.storage import claims_at
from forcewatch.fuse import fuse


def _count_reads(monkeypatch) -> list[int]:
    """Fresh caches, and a counter of whole-store claim reads (the real read still runs)."""
    from forcewatch.web.data import analysis

    monkeypatch.setattr(analysis, "_RESULTS", {})
    monkeypatch.setattr(analysis, "_SHARED", {})
    reads, real = [], analysis.all_claims
    monkeypatch.setattr(analysis, "all_claims", lambda *a, **k: reads.append(1) or real(*a, **k))
    return reads


def test_fusion_parts_and_assessments_read_the_claims_once(client, monkeypatch):
    reads = _count_reads(monkeypatch)
    for path in ("/api/groups", "/api/sources", "/api/estimates", "/api/contradictions", "/timeline", "/sources"):
        assert client.get(path).status_code == 200, path
    for day in ("2022-12-19", "2022-12-01"):
        assert client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": day}).status_code == 200
    assert len(reads) == 1


def test_fusion_parts_equal_the_engine_on_the_stored_claims(client, seeded_url):
    engine = fuse(claims_at(seeded_url)).to_dict()
    groups = client.get("/api/groups", params={"limit": 500}).json()["items"]
    assert [(g["id"], g["statement"]) for g in groups] == [(g["id"], g["statement"]) for g in engine["groups"]]
    sources = client.get("/api/sources", params={"limit": 500}).json()["items"]
    assert sorted(s["name"] for s in sources) == sorted(s["name"] for s in engine["sources"])


def test_assessment_on_shared_claims_matches_a_fresh_engine_run(client, seeded_url, monkeypatch):
    _count_reads(monkeypatch)
    assert client.get("/api/groups").status_code == 200  # annotates and fuses first
    body = client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": "2022-12-19"}).json()
    fresh = assess("belarus-ukraine", claims_at(seeded_url), "2022-12-19").to_dict()
    assert (body["level"], body["score"], body["explanation"]) == (fresh["level"], fresh["score"], fresh["explanation"])
    assert body["trend"] == fresh["trend"]
