"""JSON and JSON Lines: one document per object.

Keys: text|content|body (required), title, published|date, url|link, outlet|source, id.
A file is read whole when it is one JSON value (an object or a list of objects), line by
line otherwise; an invalid line is rejected with its line number and the rest is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ...errors import InputError, MalformedInput
from ..model import RawDocument
from ..sources import Source
from . import register
from ._util import first_str, slug, source_text

TEXT_KEYS = ("text", "content", "body")
_NO_TEXT_HINT = "give each object a text, content or body key"


@register("json", extensions=(".json", ".jsonl", ".ndjson"))
def read_json(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """Objects of a JSON or JSON Lines file, each a document."""
    text = source_text(source)
    whole = _parse_whole(text, source.label) if source.suffix == ".json" else None
    if isinstance(whole, InputError):
        yield whole
        return
    if whole is not None:
        numbered = list(enumerate(_as_list(whole), start=1))
    else:
        numbered = yield from _parse_lines(text, source.label)
    yield from _documents(numbered, source, per_line=whole is None)


def _parse_whole(text: str, label: str):
    """The file's one JSON value; None when it looks like JSON Lines; an error when invalid."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several values: JSON Lines (mongoexport writes these into .json)
            return None
        return MalformedInput(label, f"invalid JSON on line {exc.lineno}: {exc.msg}", "fix the file", exc.lineno)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _parse_lines(text: str, label: str):
    """Generator returning [(line number, object)] after yielding an error per bad line."""
    parsed = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            parsed.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            yield MalformedInput(label, f"invalid JSON on line {number}: {exc.msg}", "fix or remove that line", number)
    return parsed


def _documents(numbered: list, source: Source, per_line: bool) -> Iterator[RawDocument | InputError]:
    with_text = {n for n, obj in numbered if isinstance(obj, dict) and first_str(obj, *TEXT_KEYS)}
    if numbered and len(with_text) * 2 < len(numbered):
        # Mostly text-less objects: annotations or settings, not a collection of documents.
        yield MalformedInput(
            source.label, f"not a document collection: {len(numbered) - len(with_text)} of {len(numbered)} objects "
            "have no text, content or body key", _NO_TEXT_HINT)
        return
    for number, obj in numbered:
        if number in with_text:
            yield object_document(obj, source, number, per_line)
        else:
            where = f"line {number}" if per_line else f"item {number}"
            yield MalformedInput(source.label, f"{where} has no text, content or body", _NO_TEXT_HINT,
                                 number if per_line else None)


def object_document(obj: dict, source: Source, number: int, per_line: bool) -> RawDocument:
    """A document from one JSON object; its id is its own `id` or `<stem>-<n>`."""
    own_id = first_str(obj, "id", "_id", "guid")
    published = first_str(obj, "published", "date", "published_at", "datetime")
    suffix = f"#{own_id}" if own_id else (f":{number}" if per_line else f"[{number - 1}]")
    return RawDocument(
        doc_id=slug(own_id, 120) if own_id else f"{source.stem}-{number}",
        input=source.label + suffix,
        reader="json",
        text=first_str(obj, *TEXT_KEYS),
        title=first_str(obj, "title", "headline"),
        url=first_str(obj, "url", "link"),
        outlet=first_str(obj, "outlet", "source", "publisher", "site"),
        published=published,
        published_how="json" if published else None,
        language=first_str(obj, "language", "lang"),
        meta={k: v for k, v in obj.items() if k not in _USED and _small(v)},
    )


_USED = {*TEXT_KEYS, "id", "_id", "guid", "title", "headline", "url", "link", "outlet", "source", "publisher",
         "site", "published", "date", "published_at", "datetime", "language", "lang"}


def _small(value) -> bool:
    return value is None or isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) < 500)
