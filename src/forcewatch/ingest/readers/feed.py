"""RSS and Atom feeds (files or URLs): each entry is a document.

The entry's content (or summary) is the text. With `follow=True` the linked page is
fetched and read like any HTML page; a link that fails is rejected and the entry's own
text is kept, so one dead link costs one page, not the feed.
"""

from __future__ import annotations

from collections.abc import Iterator

import feedparser
import lxml.html

from ...errors import InputError, MalformedInput
from ..model import RawDocument
from ..sources import Source
from . import register
from ._util import iso_from_struct, short_hash, slug
from .html import page_document

_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def _sniff(source: Source, head: bytes) -> bool:
    lowered = head[:2048].lower()
    return any(root in lowered for root in _ROOTS) and b"<html" not in lowered[:200]


@register("feed", extensions=(".rss", ".atom", ".xml"), sniff=_sniff)
def read_feed(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """Entries of a feed; linked pages only with `ctx.follow`."""
    parsed = feedparser.parse(source.data)
    if parsed.bozo and not parsed.entries:
        yield _malformed(source, parsed.bozo_exception)
        return
    outlet = parsed.feed.get("title")
    prefix = f"feed-{slug(outlet or source.stem, 30)}"
    for entry in parsed.entries:
        doc = entry_document(entry, source, prefix, outlet)
        if ctx.follow and entry.get("link"):
            doc = yield from _follow(entry["link"], doc, ctx)
        if doc.text.strip():
            yield doc


def _malformed(source: Source, exc) -> MalformedInput:
    line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
    return MalformedInput(source.label, f"not a readable RSS/Atom feed: {exc}", "check the feed URL or file", line)


def entry_document(entry, source: Source, prefix: str, outlet: str | None) -> RawDocument:
    key = entry.get("id") or entry.get("link") or entry.get("title") or ""
    published = iso_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    return RawDocument(
        doc_id=f"{prefix}-{short_hash(key)}",
        input=f"{source.label}#{key}",
        reader="feed",
        text=html_to_text(_entry_html(entry)),
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=outlet,
        published=published,
        published_how="feed" if published else None,
        meta={"feed": source.url or source.label, "entry_id": key},
    )


def _entry_html(entry) -> str:
    if entry.get("content"):
        return "\n".join(part.get("value", "") for part in entry["content"])
    return entry.get("summary", "")


def html_to_text(fragment: str) -> str:
    """Feed entries carry HTML fragments; keep their text, one block per line."""
    if not fragment.strip() or "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fromstring(f"<div>{fragment}</div>")
    for block in root.iter("p", "br", "li", "h1", "h2", "h3", "div"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _follow(link: str, doc: RawDocument, ctx):
    """Generator returning the linked page's document (feed metadata filling its gaps)."""
    try:
        page = ctx.fetch(link, ctx.max_bytes)
        full = page_document(page.data, link, doc.doc_id, page.url)
    except InputError as exc:
        yield exc
        return doc
    full.reader, full.input = "feed", doc.input
    full.title = full.title or doc.title
    full.outlet = doc.outlet or full.outlet
    if not full.published:
        full.published, full.published_how = doc.published, doc.published_how
    full.meta = {**doc.meta, **full.meta, "followed": True}
    return full
