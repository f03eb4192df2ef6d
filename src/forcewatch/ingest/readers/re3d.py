"""re3d `documents.json` (Dstl, mongoexport: one JSON object per line).

Each object has `_id`, `sourceName`, `sourceUrl`, `title` and `text`; the texts were
curated by the dataset's authors, so they are not cleaned again. `entities.json` and
`relations.json` beside them are annotations, not documents, and are not read here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ...errors import InputError, MalformedInput
from ..model import RawDocument
from ..sources import Source
from . import register
from ._util import source_text


def _sniff(source: Source, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    return b'"_id"' in first and b'"sourceName"' in first and b'"text"' in first


def _sniff_annotations(source: Source, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    return b'"documentId"' in first and b'"_id"' in first and b'"text"' not in first


@register("re3d-annotations", sniff=_sniff_annotations)
def skip_annotations(source: Source, ctx) -> Iterator[RawDocument]:
    """re3d entities.json / relations.json: annotations of the documents, nothing to ingest."""
    yield from ()


@register("re3d", sniff=_sniff)
def read_re3d(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """One document per line of a re3d documents.json."""
    for number, line in enumerate(source_text(source).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInput(source.label, f"invalid JSON on line {number}: {exc.msg}", "fix that line", number)
            continue
        yield RawDocument(
            doc_id=f"re3d-{obj['_id']}",
            input=f"{source.label}#{obj['_id']}",
            reader="re3d",
            text=obj.get("text") or "",
            title=obj.get("title"),
            url=obj.get("sourceUrl"),
            outlet=obj.get("sourceName"),
            language="en",
            needs_cleaning=False,
            meta={"dataset": "re3d", "word_count": obj.get("wordCount")},
        )
