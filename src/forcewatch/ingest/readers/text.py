"""Plain text and Markdown: one file, one document, id = the file's stem."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import RawDocument
from . import register
from ._util import source_text


@register("text", extensions=(".txt", ".md", ".text"))
def read_text(source, ctx) -> Iterator[RawDocument]:
    """Read a text file as it is; cleaning happens later."""
    yield RawDocument(
        doc_id=source.stem,
        input=source.label,
        reader="text",
        text=source_text(source),
        url=source.url,
    )
