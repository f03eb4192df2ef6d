"""End-to-end: the dashboard in headless Chromium (Debian's, never a downloaded one).

Screenshots go to test-artifacts/web/ (gitignored) so a person can look at every page.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from web_seed import HOSTILE_ID

CHROMIUM = os.environ.get("FORCEWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
PAGES = ["/", "/map", "/timeline", "/claims", "/documents", "/sources", "/contradictions", "/ingest"]


@pytest.fixture
def browser(need):
    if not Path(CHROMIUM).exists():
        need(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set FORCEWATCH_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    yield tab
    context.close()


def _shot(tab, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_every_page_loads_without_script_errors(server, page):
    for path in PAGES:
        response = page.goto(server + path)
        assert response.status in (200, 503), path
        assert page.locator("h1").count() == 1, path
        assert page.locator("nav[aria-label=Main] a[aria-current=page]").count() == 1, path
        _shot(page, "page-" + (path.strip("/") or "overview"))
    assert page.errors == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_document_filter_narrows_the_table(server, page):
    page.goto(server + "/documents")
    assert page.locator("table.data tbody tr").count() == 3
    page.fill("input[name=q]", "artillery pieces")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/documents?q=artillery*")
    rows = page.locator("table.data tbody tr")
    assert rows.count() == 1
    assert "9,000" in rows.first.inner_text()
    _shot(page, "documents-filtered")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_hostile_document_markup_shows_as_text_and_never_runs(server, page):
    page.goto(f"{server}/documents/{HOSTILE_ID}")
    assert page.title() != "pwned"
    text = page.locator("article.doctext").inner_text()
    assert "<script>document.title='pwned'</script>" in text
    assert page.locator("article.doctext script, article.doctext img").count() == 0
    assert page.locator("h1").inner_text().startswith("<script>")
    # a javascript: URL is not turned into a link
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.errors == []
    _shot(page, "document-hostile")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_map_draws_offline_borders_and_opens_a_card_on_marker_click(server, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-loaded]", timeout=15_000)
    served = page.request.get(server + "/api/map/borders.geojson").json()["features"]
    assert page.get_attribute("#map", "data-borders") == str(len(served))
    assert page.locator("#map svg path").count() >= min(len(served), 1)  # drawn as vector paths, no tiles
    assert all(u.startswith(server) for u in requests), [u for u in requests if not u.startswith(server)]
    assert page.inner_text("#map-status").startswith("5 claims on the map")
    brest = page.locator(".fw-marker-claim[title^='exercise']")
    brest.click()
    card = page.locator(".leaflet-popup-content .claim-card")
    card.wait_for(timeout=5_000)
    assert "carrying out unit cohesion measures" in card.inner_text()
    assert "Ministry of Defence of Belarus" in card.inner_text()
    assert card.locator("a").get_attribute("href").startswith("/documents/001#claim-")
    _shot(page, "map-card")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_map_marker_opens_its_card_from_the_keyboard(server, page):
    page.goto(server + "/map?event=presence")
    page.wait_for_selector("#map[data-loaded]", timeout=15_000)
    marker = page.locator(".fw-marker-claim")
    assert marker.count() == 1  # the filter reached the map layer
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content .claim-card").wait_for(timeout=5_000)
    assert "Belarusian Hajun" in page.inner_text(".leaflet-popup-content")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_overview_shows_the_level_and_an_indicator_with_its_evidence(server, page):
    api = page.request.get(server + "/api/problems/belarus-ukraine/assessment").json()
    page.goto(server + "/")
    level = page.locator(".level")
    assert level.get_attribute("data-level") == str(api["level"])
    assert api["level_name"] in level.inner_text().lower()
    assert page.locator("p.explanation").inner_text() == api["explanation"]
    assert page.locator(".trend svg").count() == 1
    card = page.locator("[data-indicator=heavy-equipment-to-border]")
    assert card.locator(".badge").first.inner_text() == "contradicted"
    evidence = card.locator("blockquote.evidence").first
    assert "40 tanks" in evidence.inner_text() and "Belarusian Hajun" in evidence.inner_text()
    assert evidence.locator(".grade-badge").inner_text().startswith("B")
    _shot(page, "overview-assessment")
    evidence.locator("a").click()
    page.wait_for_url("**/documents/hostile-1#claim-*")
    assert page.locator("article.doctext").count() == 1
    assert page.errors == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_overview_reassesses_for_an_earlier_date_from_the_form(server, page):
    page.goto(server + "/")
    page.fill("input[name=as_of]", "2022-10-01")
    page.click("form.filters button")
    page.wait_for_url("**/?problem=belarus-ukraine&as_of=2022-10-01")
    assert "as of 2022-10-01" in page.locator("p.explanation").inner_text()
    assert page.locator("[data-indicator=force-size] .badge").first.inner_text() == "unknown"
    _shot(page, "overview-before-reports")
