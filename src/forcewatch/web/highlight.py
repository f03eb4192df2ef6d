"""Safe highlighting: user text escaped, spans wrapped in <mark>, overlaps allowed.

Every piece of document text goes through `markupsafe.escape`; only the tags built here
are markup. So a document containing `<script>` shows as text, never runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str  # class names, e.g. "claim" or "mention m-equipment"
    title: str = ""
    anchor: str = ""  # id for in-page links (claim sentences)


def _open_tag(span: Span) -> str:
    attrs = f' class="{escape(span.css)}"'
    if span.title:
        attrs += f' title="{escape(span.title)}"'
    return f"<mark{attrs}>"


def _boundaries(length: int, spans: list[Span]) -> list[int]:
    points = {0, length}
    for s in spans:
        points.update((s.start, s.end))
    return sorted(p for p in points if 0 <= p <= length)


def highlight(text: str, spans: list[Span]) -> Markup:
    """`text` as HTML with each span marked; segments inside several spans get nested marks."""
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, -s.end))
    anchors = {s.start: s.anchor for s in spans if s.anchor}
    out: list[str] = []
    points = _boundaries(len(text), spans)
    for left, right in zip(points, points[1:], strict=False):
        if left in anchors:
            out.append(f'<span id="{escape(anchors.pop(left))}"></span>')
        active = [s for s in spans if s.start <= left and right <= s.end]
        segment = str(escape(text[left:right]))
        out.append("".join(_open_tag(s) for s in active) + segment + "</mark>" * len(active))
    return Markup("".join(out))


def find_spans(sentence: str, needles: list[str], css: str) -> list[Span]:
    """Spans of each needle's first case-insensitive occurrence in `sentence`."""
    lowered = sentence.lower()
    spans = []
    for needle in needles:
        if not needle:
            continue
        at = lowered.find(needle.lower())
        if at >= 0:
            spans.append(Span(at, at + len(needle), css))
    return spans
