"""Library entry points behind the `extract`, `claims` and `eval claims` commands."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...config import Settings, get_settings
from ...errors import InputError
from .builder import extract_claims


@dataclass
class ReadyDocument:
    """A cleaned document with what claim extraction needs to know about it."""

    doc_id: str
    text: str
    published: str | None
    outlet: str | None


def read_inputs(paths: list[str], settings: Settings | None = None) -> Iterator[ReadyDocument | InputError]:
    """Documents of files, folders, archives or URLs, read and cleaned as `ingest` does.

    A `meta.json` beside the files gives outlet and publication date; bad inputs are
    yielded as `InputError`s so a batch records them and goes on.
    """
    from ...ingest.readers import ReadContext, known_extensions, read
    from ...ingest.runner import prepare
    from ...ingest.sources import Expander

    settings = settings or get_settings()
    ctx = ReadContext(max_bytes=settings.max_bytes)
    for source in Expander(settings.max_bytes, known_extensions()).expand([str(p) for p in paths]):
        if isinstance(source, InputError):
            yield source
            continue
        try:
            for raw in read(source, ctx):
                yield raw if isinstance(raw, InputError) else _ready(raw, source, prepare)
        except InputError as exc:
            yield exc


def _ready(raw, source, prepare) -> ReadyDocument | InputError:
    if source.sidecar and raw.doc_id == source.stem:
        raw.outlet = source.sidecar.get("outlet") or raw.outlet
        raw.published = source.sidecar.get("published") or raw.published
    try:
        prepared = prepare(raw, source.fetched_at)
    except InputError as exc:
        return exc
    return ReadyDocument(raw.doc_id, prepared.text, prepared.published, raw.outlet)


def extract_paths(paths: list[str], settings: Settings | None = None) -> tuple[list[dict], list[dict]]:
    """Claims of every readable document under `paths`, and the inputs that failed with why."""
    claims: list[dict] = []
    errors: list[dict] = []
    for item in read_inputs(paths, settings):
        if isinstance(item, InputError):
            errors.append({"input": item.input, "reason": item.reason})
            continue
        claims.extend(extract_claims(item.text, item.doc_id, published=item.published, outlet=item.outlet))
    return claims, errors
