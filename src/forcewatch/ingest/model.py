"""What readers produce: one `RawDocument` per article, feed entry, message or table row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """A document as read, before cleaning, dating and duplicate checks.

    `doc_id` is a stable id proposed by the reader (a file's stem, "eor-UW0067",
    "tg-<channel>-<message id>"); the store keeps it unless another document already has it.
    `input` says where it came from, precisely enough to find it again.
    """

    doc_id: str
    input: str
    reader: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, from the source's own metadata
    published_how: str | None = None  # "meta.json", "html-meta", "feed", "telegram", "table", ...
    language: str | None = None
    needs_cleaning: bool = True  # False for structured rows whose text is already clean
    meta: dict[str, Any] = field(default_factory=dict)
    # What besides the text makes two documents different: a table row's date and place
    # (two identical "convoy seen" rows at different places are two observations).
    hash_extra: str = ""
    # Near-duplicate detection suits articles; short structured rows resemble each other
    # by design, so table readers turn it off.
    near_dup: bool = True
    # A small structured record (a table row) may share its transaction with its
    # neighbours: the transaction then holds several whole documents, never half of one.
    batch: bool = False
