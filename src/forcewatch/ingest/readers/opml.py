"""OPML feed lists: every `<outline xmlUrl=...>` (nested in folders too) is a feed to read.

Each listed feed is fetched once and read by the feed reader, so its entries become
documents exactly as if its URL had been given (linked pages only with `--follow`).
The outline's `text`/`title` names the outlet when the feed itself has no title. A feed
that fails (HTTP error, not a feed) is one reject with its URL, and the others go on;
entries that two feeds share are caught by the usual duplicate check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ...errors import EmptyInput, InputError, MalformedInput, UnreadableInput
from ..model import RawDocument
from ..sources import Source
from . import pick, register
from .feed import read_feed

# An XML declaration, comments or a doctype may come before the root element.
_ROOT = re.compile(rb"^(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<opml[\s>]", re.I | re.S)
_FEED_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Outline:
    """One feed of the list: its URL, the name the list gives it, the folders it sits in."""

    url: str
    name: str | None
    folder: str | None


def _sniff(source: Source, head: bytes) -> bool:
    return bool(_ROOT.match(head))


@register("opml", extensions=(".opml",), sniff=_sniff)
def read_opml(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """Entries of every feed the list names; one reject per feed that fails."""
    try:
        outlines = parse_opml(source.data, source.label)
    except InputError as exc:
        yield exc
        return
    for outline in outlines:
        yield from _read_outline(outline, source, ctx)


def parse_opml(data: bytes, label: str) -> list[Outline]:
    """The feeds an OPML document lists, in document order, each URL once.

    Raises `MalformedInput` for XML that does not parse or a root that is not `<opml>`,
    and `EmptyInput` for a list with no `xmlUrl` at all.
    """
    root = _parse_xml(data, label)
    if _local(root.tag) != "opml":
        raise MalformedInput(label, f"not an OPML document: the root element is <{_local(root.tag)}>",
                             "give an OPML feed list (root element <opml>)")
    outlines: dict[str, Outline] = {}
    for element in root.iter("{*}outline"):
        outline = _outline(element)
        if outline is not None:
            outlines.setdefault(outline.url, outline)
    if not outlines:
        raise EmptyInput(label, "the OPML lists no feeds (no outline has an xmlUrl)",
                         "export the feed list again from the feed reader")
    return list(outlines.values())


def _parse_xml(data: bytes, label: str):
    # No entities resolved and no network: a feed list must not make us read local files or URLs.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or None
        raise MalformedInput(label, f"not well-formed XML: {exc.msg}",
                             "fix the OPML file (a bare & in a URL must be written &amp;)", line) from exc


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _outline(element) -> Outline | None:
    attrs = {key.lower(): value.strip() for key, value in element.attrib.items()}
    url = attrs.get("xmlurl")
    if not url:
        return None
    name = attrs.get("text") or attrs.get("title") or None
    return Outline(url, name, _folder(element))


def _folder(element) -> str | None:
    """The titles of the folder outlines around a feed, outermost first: "Belarus/Rail"."""
    names = []
    for parent in element.iterancestors("{*}outline"):
        name = parent.get("text") or parent.get("title")
        if name:
            names.append(name.strip())
    return "/".join(reversed(names)) or None


def _read_outline(outline: Outline, opml: Source, ctx) -> Iterator[RawDocument | InputError]:
    if not outline.url.lower().startswith(_FEED_SCHEMES):
        yield UnreadableInput(outline.url, f"not an http(s) feed URL (listed in {opml.label})",
                              "fix the outline's xmlUrl")
        return
    try:
        feed = _fetch_feed(outline.url, ctx)
    except InputError as exc:
        yield exc
        return
    for item in read_feed(feed, ctx):
        yield item if isinstance(item, InputError) else _with_outline(item, outline, opml)


def _fetch_feed(url: str, ctx) -> Source:
    """The feed's bytes as a source labelled with its URL; raises `UnreadableInput` when it is no feed."""
    got = ctx.fetch(url, ctx.max_bytes)
    source = Source(url, url.rsplit("/", 1)[-1].split("?")[0] or "feed.xml", got.data, url=got.url,
                    content_type=got.content_type)
    if pick(source).name != "feed":
        kind = (got.content_type.split(";")[0] or "unknown content").strip()
        raise UnreadableInput(url, f"not an RSS/Atom feed ({kind})", "check the feed URL in the OPML list")
    return source


def _with_outline(doc: RawDocument, outline: Outline, opml: Source) -> RawDocument:
    """Fill the outlet from the list when the feed has no title; note which list named the feed."""
    doc.outlet = doc.outlet or outline.name
    extra = {"opml": opml.label}
    if outline.folder:
        extra["opml_folder"] = outline.folder
    doc.meta = {**doc.meta, **extra}
    return doc
