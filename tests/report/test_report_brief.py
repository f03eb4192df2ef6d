"""The brief: its parts, its escaping, and a rendered page a person can read."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from forcewatch.assess import assess
from forcewatch.errors import ConfigError
from forcewatch.fuse import fuse
from forcewatch.report import build_report, claims_map_svg, force_timeline_svg, render_html, write_report
from forcewatch.report.charts import estimates_from_claims
from forcewatch.report.maps import load_borders

AS_OF = "2022-12-31"


@pytest.fixture(scope="module")
def brief(claims_news):
    assessment = assess("belarus-ukraine", claims_news, AS_OF).to_dict()
    docs = [{"id": "001", "title": "Is Putin Slowly Preparing a New Ukraine Invasion Through Belarus?",
             "url": "https://www.19fortyfive.com/", "outlet": "19FortyFive"},
            {"id": "002", "title": "Russia will send 170 tanks", "url": "javascript:alert(1)"}]
    return build_report(assessment, claims_news, fusion=fuse(claims_news), documents=docs)


def test_bottom_line_comes_first_with_level_and_explanation(brief):
    html = render_html(brief)
    assert 1 <= brief.level <= 5 and brief.bottom_line
    order = [html.index(f'id="{part}"') for part in ("bottom-line", "indicators", "timeline", "map", "contradictions",
                                                     "sources", "appendix")]
    assert order == sorted(order)
    assert f"{brief.level}<span>/5</span>" in html


def test_bottom_line_carries_the_30_day_level_chart(brief):
    assert len(brief.trend) >= 2
    html = render_html(brief)
    bottom = html[html.index('id="bottom-line"'):html.index('id="indicators"')]
    assert 'class="trend-chart"' in bottom and "<svg" in bottom


def test_every_claim_is_in_the_appendix_with_its_sentence(brief, claims_news):
    assert len(brief.claims) == len(claims_news)
    html = render_html(brief)
    assert "Among the equipment moved to the border were tanks and military trucks." in html
    assert 'href="https://www.19fortyfive.com/"' in html


def test_appendix_gives_a_figure_without_text_as_its_bound_not_none(claims_news):
    """A claim from a feed may carry bounds but no text: "up to 9000", never "None-9000"."""
    bare = dict(claims_news[0], id="bare", quantity={"low": None, "high": 9000, "approx": False})
    report = build_report({"problem": "p", "as_of": AS_OF, "level": 2}, [bare])
    assert report.claims[0]["quantity"] == "up to 9000"
    assert "None" not in render_html(report)


def test_unsafe_link_and_markup_from_documents_are_neutralised(claims_news):
    evil = dict(claims_news[0], id="evil", sentence="<script>alert('x')</script> 170 tanks")
    report = build_report({"problem": "p", "as_of": AS_OF, "level": 2, "explanation": "<b>bold</b>"}, [evil],
                          documents=[{"id": "002", "url": "javascript:alert(1)"}])
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_timeline_has_a_panel_per_item_with_the_stated_figures(claims_news):
    svg = force_timeline_svg(estimates_from_claims(claims_news), as_of=AS_OF)
    assert svg.startswith("<svg")
    for text in ("tanks", "armoured vehicles", "artillery", "personnel", "some 170", "up to 9,000"):
        assert text in svg


def test_map_places_claims_inside_the_drawn_borders(claims_eor):
    borders = load_borders()
    assert borders is not None, "the knowledge base ships country borders"
    svg = claims_map_svg(claims_eor, borders)
    assert svg.count('class="claim"') == len(claims_eor)
    assert "BELARUS" in svg and "UKRAINE" in svg


def test_markdown_links_its_figures(tmp_path, brief):
    path = write_report(brief, "md", tmp_path / "brief.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## Bottom line" in text and "## Appendix" in text
    assert (tmp_path / "brief_files" / "map.svg").read_text().startswith("<svg")
    assert "](brief_files/map.svg)" in text


def test_unknown_report_format_names_the_choices(tmp_path, brief):
    with pytest.raises(ConfigError, match="html, md, pdf"):
        write_report(brief, "docx", tmp_path / "brief.docx")


def test_pdf_renders_to_pages_showing_every_part(tmp_path, brief, need_service):
    if not shutil.which("pdftoppm") or not shutil.which("pdftotext"):
        need_service("poppler-utils (pdftoppm, pdftotext) is not installed: apt-get install poppler-utils")
    pdf = write_report(brief, "pdf", tmp_path / "brief.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for part in ("Bottom line", "Indicator board", "Force estimates over time", "Map of claims", "Contradictions",
                 "Sources", "Appendix: claims and their evidence", "BELARUS", "some 170"):
        assert part in text, part
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    from PIL import Image

    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    inked = sum(page.histogram()[:200]) / (page.width * page.height)
    assert 0.02 < inked < 0.6, f"first page looks blank or solid ({inked:.1%} dark pixels)"
