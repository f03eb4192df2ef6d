"""Assessment through the API and the overview page, on SQLite and PostgreSQL: the engine's
own `to_dict()` on the stored claims, as of the latest claim date unless asked otherwise."""

from __future__ import annotations

from forcewatch.assess import LEVEL_NAMES, assess
from forcewatch.extract.claims.storage import claims_at


def test_problems_list_the_shipped_problems_with_their_titles(client):
    items = {p["id"]: p for p in client.get("/api/problems").json()["items"]}
    assert items["belarus-ukraine"]["name"] == "Offensive from Belarus into northern Ukraine"
    assert items["belarus-ukraine"]["description"].endswith("toward Kyiv?")


def test_assessment_defaults_to_the_latest_claim_date_and_matches_the_engine(client, seeded_url):
    body = client.get("/api/problems/belarus-ukraine/assessment").json()
    assert body["as_of"] == "2022-12-19"  # the Brest exercise claim is the newest
    engine = assess("belarus-ukraine", claims_at(seeded_url), "2022-12-19").to_dict()
    assert (body["level"], body["explanation"]) == (engine["level"], engine["explanation"])
    assert body["level_name"] == LEVEL_NAMES[body["level"]]
    assert [i["status"] for i in body["indicators"]] == [i["status"] for i in engine["indicators"]]
    assert [t["date"] for t in body["trend"]][-1] == "2022-12-19" and len(body["trend"]) == 5


def test_assessment_evidence_names_document_sentence_source_and_grade(client):
    body = client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": "2022-12-19"}).json()
    board = {i["id"]: i for i in body["indicators"]}
    hajun = [ev for ev in board["heavy-equipment-to-border"]["claims"] if ev["source"] == "Belarusian Hajun"]
    assert hajun and hajun[0]["doc"] == "hostile-1" and "40 tanks" in hajun[0]["sentence"]
    assert hajun[0]["reliability"] == "B"  # the knowledge base grades Hajun B


def test_assessment_before_any_report_has_no_reporting(client):
    body = client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": "2022-10-01"}).json()
    assert body["level"] == 1
    assert "force-size" in {i["id"] for i in body["indicators"] if i["status"] == "unknown"}
    assert all(not i["claims"] for i in body["indicators"])


def test_assessment_errors_name_the_problem_or_the_date(client):
    missing = client.get("/api/problems/atlantis/assessment")
    assert missing.status_code == 404 and "belarus-ukraine" in missing.json()["error"]["message"]
    partial = client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": "2022-10"})
    assert partial.status_code == 422 and partial.json()["error"]["fields"][0]["field"] == "as_of"


def test_overview_page_shows_level_explanation_trend_and_cited_evidence(client):
    html = client.get("/", params={"as_of": "2022-12-19"}).text
    assert 'data-level="1"' in html and '<span class="level-name">none</span>' in html
    assert "Level 1 (none) for &#39;Offensive from Belarus into northern Ukraine&#39;" in html
    assert "<svg" in html and "2022-11-21: level 1 (none)" in html
    assert 'data-indicator="heavy-equipment-to-border"' in html
    assert 'href="/documents/hostile-1#claim-' in html
    assert "&lt;script&gt;document.title" in html and "<script>document.title" not in html


def test_a_slow_assessment_answers_computing_then_the_kept_result(client, monkeypatch):
    import time

    from forcewatch.web.data import analysis

    monkeypatch.setattr(analysis, "WAIT_SECONDS", 0.0)  # any real assessment takes longer than no wait at all
    page = client.get("/", params={"as_of": "2022-12-01"})
    assert page.status_code == 200 and "still being computed" in page.text and "No assessment yet" in page.text
    first = client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": "2022-11-01"})
    assert first.status_code == 503 and first.json()["error"]["code"] == "computing"
    deadline = time.monotonic() + 30
    while (later := client.get("/api/problems/belarus-ukraine/assessment", params={"as_of": "2022-12-01"})).status_code == 503:
        assert time.monotonic() < deadline, "the background assessment never finished"
        time.sleep(0.1)
    assert later.status_code == 200 and later.json()["as_of"] == "2022-12-01"
