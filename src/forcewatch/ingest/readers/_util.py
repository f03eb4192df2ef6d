"""Small helpers shared by readers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime

from ..decode import decode
from ..sources import Source


def source_text(source: Source) -> str:
    """The decoded text of a source (raises `UnreadableInput` for binary or undecodable bytes)."""
    return decode(source.data, source.label)[0]


def slug(text: str, limit: int = 40) -> str:
    """ASCII, lower-case, dash-separated: safe inside a document id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit] or "x"


def safe_id(text: str, limit: int = 120) -> str:
    """Keep an id as written ("UW0067") but replace what is unsafe in ids and URLs."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:limit] or "x"


def short_hash(text: str, size: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def first_str(obj: dict, *keys: str) -> str | None:
    """The first key of `keys` whose value is a non-empty string (or a name inside an object)."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def iso_from_struct(struct) -> str | None:
    """feedparser's time.struct_time (UTC) to ISO 8601."""
    if not struct:
        return None
    return datetime(*struct[:6], tzinfo=UTC).isoformat()
