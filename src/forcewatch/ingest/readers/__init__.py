"""Readers in a registry: one module per format, picked by content sniffing, then extension.

A reader is a function `(source, ctx) -> iterable of RawDocument | InputError`; it yields
an error for a bad part (a JSON line, a feed entry) and goes on with the rest.
Specific formats (Telegram exports, re3d, event tables, feeds) are recognised by their
content first, so a Telegram `result.json` is not read as generic JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ...errors import InputError
from ..fetch import Fetched, fetch
from ..model import RawDocument
from ..sources import Source

SNIFF_BYTES = 4096


@dataclass
class ReadContext:
    """What readers may need beyond the bytes: the size limit, `follow`, a fetcher, the clock."""

    max_bytes: int
    follow: bool = False
    fetch: Callable[[str, int], Fetched] = fetch
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


ReadFn = Callable[[Source, ReadContext], Iterable[RawDocument | InputError]]


@dataclass(frozen=True)
class Reader:
    name: str
    read: ReadFn
    extensions: tuple[str, ...] = ()
    sniff: Callable[[Source, bytes], bool] | None = None


REGISTRY: dict[str, Reader] = {}
_SNIFF_ORDER: list[str] = []


def register(name: str, extensions: tuple[str, ...] = (), sniff: Callable[[Source, bytes], bool] | None = None):
    """Decorator: add a reader. Readers with a `sniff` are tried, in registration order, first."""

    def decorate(fn: ReadFn) -> ReadFn:
        REGISTRY[name] = Reader(name, fn, extensions, sniff)
        if sniff is not None:
            _SNIFF_ORDER.append(name)
        return fn

    return decorate


def pick(source: Source) -> Reader:
    """The reader for `source`: a content sniff wins, then the extension, then a guess from content."""
    head = source.data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    for name in _SNIFF_ORDER:
        reader = REGISTRY[name]
        if reader.sniff(source, head):
            return reader
    for reader in REGISTRY.values():
        if source.suffix in reader.extensions:
            return reader
    return REGISTRY[_guess(head, source.content_type)]


def _guess(head: bytes, content_type: str) -> str:
    lowered = head[:512].lower()
    if "html" in content_type or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if "json" in content_type or head.startswith((b"{", b"[")):
        return "json"
    return "text"


def known_extensions() -> frozenset[str]:
    return frozenset(ext for reader in REGISTRY.values() for ext in reader.extensions)


def read(source: Source, ctx: ReadContext) -> Iterable[RawDocument | InputError]:
    """Read one source with the reader `pick` chooses."""
    return pick(source).read(source, ctx)


# Registration order is sniff order: most specific first. (OPML comes after the feed
# reader it uses; the feed sniff never matches an OPML list, whose text holds no tags.)
from . import telegram, re3d, table, feed, opml, html, jsondoc, text  # noqa: E402,F401,I001
