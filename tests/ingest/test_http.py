"""URLs and feed URLs, served by a local http.server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

from sqlalchemy import select

from forcewatch.ingest import ingest
from forcewatch.store import Document


def _docs(store):
    with store.transaction() as session:
        return {d.id: d for d in session.scalars(select(Document))}


def test_feed_url_entries_are_ingested_without_following_links(store, http_base):
    report = ingest([f"{http_base}/feeds/buildup.rss"], store)
    docs = _docs(store)
    assert report.ingested == 2 and all(d.reader == "feed" for d in docs.values())
    assert not any("41st Combined Arms Army" in d.text for d in docs.values())


def test_follow_fetches_linked_pages_and_keeps_feed_metadata(store, http_base):
    report = ingest([f"{http_base}/feeds/buildup.rss"], store, follow=True)
    docs = sorted(_docs(store).values(), key=lambda d: d.published)
    assert report.ingested == 2
    assert "41st Combined Arms Army" in docs[0].text and "Black Sea Fleet" not in docs[0].text
    assert docs[0].outlet == "Frontline Monitor - Defence" and docs[0].meta["followed"] is True
    assert docs[1].url == f"{http_base}/html/readiness-check.html"


def test_html_url_is_read_as_a_page(store, http_base):
    report = ingest([f"{http_base}/html/readiness-check.html"], store)
    [doc] = _docs(store).values()
    assert report.ingested == 1 and doc.id == "readiness-check" and doc.published == "2022-01-18"


def test_failing_feed_url_is_rejected_with_the_http_status(store, http_base):
    report = ingest([f"{http_base}/status/500", f"{http_base}/feeds/missing.rss"], store)
    assert [r["reason"] for r in report.rejected] == ["fetch failed: HTTP 500", "fetch failed: HTTP 404"]
    assert not report.did_something


def test_unreachable_url_is_rejected_and_the_run_goes_on(store, http_base, corpus):
    report = ingest(["http://127.0.0.1:9/feed.xml", corpus / "news" / "002.txt"], store)
    assert report.rejected[0]["reason"].startswith("fetch failed: ConnectError")
    assert report.ingested == 1


def test_url_over_the_size_limit_is_rejected(store, http_base):
    report = ingest([f"{http_base}/html/border-buildup.html"], store, max_bytes=1000)
    assert report.rejected[0]["reason"].startswith("too large")
