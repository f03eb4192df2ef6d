"""Cleaning keeps every sentence of the article and drops the site's boilerplate."""

from __future__ import annotations

import json

import pytest

from forcewatch.ingest.clean import clean
from forcewatch.ingest.readers import ReadContext, read
from forcewatch.ingest.sources import Source

BOILERPLATE_001 = [
    "Connect with us",
    "Hi, what are you looking for?",
    "Smart Bombs: Military, Defense and National Security",
    "Image Credit: Creative Commons.",
    "(Subscribe to Our YouTube Channel Here)",
    "Written By",
    "Jack Buckby is 19FortyFive",
    "He is a British author, counter-extremism researcher",
]


def _evidence(corpus, doc: str) -> list[str]:
    lines = (corpus / "news" / "gold-claims.jsonl").read_text("utf-8").splitlines()
    return [c["evidence"] for c in map(json.loads, lines) if c["doc"] == doc and "evidence" in c]


@pytest.mark.parametrize("doc", ["001", "002"])
def test_cleaning_keeps_every_gold_evidence_sentence(corpus, doc):
    cleaned = clean((corpus / "news" / f"{doc}.txt").read_text("utf-8"))
    evidence = _evidence(corpus, doc)
    assert evidence
    for piece in evidence:
        assert piece in cleaned, piece


def test_cleaning_drops_19fortyfive_navigation_credits_prompts_and_author_box(corpus):
    cleaned = clean((corpus / "news" / "001.txt").read_text("utf-8"))
    for boilerplate in BOILERPLATE_001:
        assert boilerplate not in cleaned, boilerplate
    assert cleaned.startswith("Is Putin Slowly Preparing a New Ukraine Invasion Through Belarus?")
    assert cleaned.endswith("it could be the start of a renewed offensive in Ukraine.")


def test_cleaning_drops_the_categorized_in_tail(corpus):
    cleaned = clean((corpus / "news" / "002.txt").read_text("utf-8"))
    assert "Categorized in" not in cleaned
    assert cleaned.endswith("argued Revenko.")


def test_related_menu_at_the_top_does_not_swallow_the_article():
    text = "Related\n\nRussian forces moved 30 tanks to Yelnya on Monday, officials said.\n\n" * 3
    cleaned = clean(text)
    assert "30 tanks to Yelnya" in cleaned


def test_author_bio_sentence_inside_the_article_is_kept():
    text = ("Michael Kofman is a senior fellow at CNA.\n\n"
            "He said the build-up near Yelnya included more than 1,000 vehicles.\n\n") + "Filler paragraph.\n\n" * 10
    assert "Michael Kofman is a senior fellow at CNA." in clean(text)


def test_long_paragraph_mentioning_cookies_is_kept():
    text = ("Russian hackers used stolen cookies to access the accounts, the report said, and we use cookies "
            "as an example of how session tokens are abused in campaigns against Ukrainian ministries, which "
            "lost access to email for days while troops massed near the border. " * 3)
    assert clean(text) == text.strip()


def test_html_page_keeps_article_and_drops_banner_nav_share_bio_and_related(fixtures):
    path = fixtures / "html" / "border-buildup.html"
    [doc] = list(read(Source(str(path), path.name, path.read_bytes()), ReadContext(10**7)))
    cleaned = clean(doc.text)
    for kept in ("more than 1,200 armoured vehicles", "41st Combined Arms Army", "about 90,000 Russian troops",
                 "the movements threaten no one", "withdrawal in April."):
        assert kept in cleaned, kept
    for dropped in ("cookies", "Subscribe to Our YouTube", "Image Credit", "Share on", "Written By",
                    "Senior Defence Correspondent", "You May Also Like", "Black Sea Fleet", "All rights reserved",
                    "Connect with us", "Sign in"):
        assert dropped not in cleaned, dropped


def test_read_also_link_teaser_lines_are_dropped():
    text = (
        "Belarusian Hajun said 40 military trucks had crossed into Gomel region overnight.\n\n"
        "Read also: Lukashenko orders snap readiness check of the army\n\n"
        "The column was headed for the Obuz-Lesnovsky training ground, the group said."
    )
    cleaned = clean(text)
    assert "Read also" not in cleaned
    assert "40 military trucks" in cleaned and "Obuz-Lesnovsky" in cleaned
