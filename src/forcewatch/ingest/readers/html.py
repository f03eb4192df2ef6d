"""HTML pages: trafilatura finds the main text and the metadata (title, date, site name)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import trafilatura

from ...errors import EmptyInput
from ..model import RawDocument
from ..sources import Source
from . import register

# Only the page's own dates: guessing from the URL or the text is the dates module's job,
# where the way a date was found is recorded.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _sniff(source: Source, head: bytes) -> bool:
    lowered = head[:1024].lower()
    return source.suffix not in (".xml", ".rss", ".atom") and (
        lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered
    )


@register("html", extensions=(".html", ".htm", ".xhtml"), sniff=_sniff)
def read_html(source: Source, ctx) -> Iterator[RawDocument]:
    """One page, one document; the text is trafilatura's main-content extraction."""
    yield page_document(source.data, source.label, source.stem, source.url)


def page_document(data: bytes, label: str, doc_id: str, url: str | None) -> RawDocument:
    """Extract a page (also used by the feed reader when it follows links)."""
    found = extract(data, url)
    if not found or not (found.get("text") or "").strip():
        raise EmptyInput(label, "no main text found in the HTML page", "check that it is an article, not an index page")
    return RawDocument(
        doc_id=doc_id,
        input=label,
        reader="html",
        text=found["text"].replace("\n", "\n\n"),  # one paragraph per line: blank lines, as in scraped text
        title=found.get("title"),
        url=found.get("source") or url,
        outlet=found.get("source-hostname") or found.get("hostname"),  # "source-hostname" is the site name
        published=found.get("date"),
        published_how="html-meta" if found.get("date") else None,
        meta={k: found[k] for k in ("author", "hostname", "categories", "tags") if found.get(k)},
    )


def extract(data: bytes, url: str | None) -> dict | None:
    out = trafilatura.extract(
        data,
        url=url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    return json.loads(out) if out else None
