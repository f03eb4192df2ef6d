"""The ingest runner: inputs -> sources -> readers -> prepared documents -> the store.

Each document is committed in its own transaction, together with what the processors
write for it, so an interrupted run leaves only whole documents. The run row is written
first and marked complete last; running the same inputs again resumes it: documents
already stored are recognised (same input, same content) and counted as unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime

from ..config import get_settings
from ..errors import EmptyInput, InputError
from ..store import Store
from ..store import documents as repo
from . import dates, dedup, language
from .clean import clean
from .model import RawDocument
from .readers import ReadContext, known_extensions, read
from .sources import Expander, Source

log = logging.getLogger(__name__)
SIDECAR_FIELDS = ("outlet", "published", "url", "title")


@dataclass
class IngestReport:
    """What a run did. `to_dict()` is the CLI's JSON."""

    run: int
    ingested: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    complete: bool = False
    resumed: bool = False
    document_ids: list[str] = field(default_factory=list, repr=False)

    @property
    def counts(self) -> dict:
        return {"ingested": self.ingested, "duplicates": self.duplicates, "unchanged": self.unchanged,
                "rejected": len(self.rejected)}

    @property
    def did_something(self) -> bool:
        """False when nothing could be read at all (the CLI exits 1)."""
        return self.ingested + self.duplicates + self.unchanged > 0

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("document_ids")
        return data


@dataclass
class Prepared:
    """A document ready to store: cleaned, dated, hashed."""

    raw: RawDocument
    text: str
    published: str | None
    published_how: str | None
    language: str | None
    digest: str
    minhash: object | None
    fetched_at: datetime


Progress = Callable[[IngestReport, str], None]


def ingest(
    inputs: Sequence[str],
    store: Store,
    *,
    follow: bool = False,
    processors: Iterable = (),
    progress: Progress | None = None,
    max_bytes: int | None = None,
) -> IngestReport:
    """Read `inputs` (paths, folders, globs, archives, URLs) into `store`; see the module doc."""
    inputs = [str(i) for i in inputs]
    max_bytes = max_bytes or get_settings().max_bytes
    options = {"follow": bool(follow)}
    report = _open_run(store, inputs, options)
    run = _Run(store, report, tuple(processors), progress, _load_index(store))
    ctx = ReadContext(max_bytes=max_bytes, follow=follow)
    try:
        for item in _documents(Expander(max_bytes, known_extensions()).expand(inputs), ctx):
            run.handle(item)
        report.complete = True
    finally:
        _close_run(store, report)
    return report


def _open_run(store: Store, inputs: list[str], options: dict) -> IngestReport:
    with store.transaction() as session:
        run = repo.resumable_run(session, inputs, options)
        if run is not None:
            repo.clear_rejects(session, run.id)  # they are recorded again as the run goes over them
            return IngestReport(run=run.id, resumed=True)
        return IngestReport(run=repo.start_run(session, inputs, options).id)


def _close_run(store: Store, report: IngestReport) -> None:
    with store.transaction() as session:
        repo.finish_run(session, report.run, report.counts, report.complete)


def _load_index(store: Store) -> dedup.DedupIndex:
    index = dedup.DedupIndex()
    with store.transaction() as session:
        for doc_id, input, digest, status, signature in repo.index_rows(session):
            mh = dedup.from_bytes(signature) if signature else None
            index.add(doc_id, input, digest, mh, canonical=status == "ok")
    return index


def _documents(sources: Iterable[Source | InputError], ctx: ReadContext) -> Iterator[Prepared | InputError]:
    """Every source read, sidecar applied and prepared; errors passed through in order."""
    for source in sources:
        if isinstance(source, InputError):
            yield source
            continue
        try:
            for doc in read(source, ctx):
                yield doc if isinstance(doc, InputError) else _prepare_or_error(_with_sidecar(doc, source), source)
        except InputError as exc:
            yield exc


def _with_sidecar(doc: RawDocument, source: Source) -> RawDocument:
    """meta.json beside a file wins over what the reader found (for that file's own document)."""
    if not source.sidecar or doc.doc_id != source.stem:
        return doc
    for key in SIDECAR_FIELDS:
        if source.sidecar.get(key):
            setattr(doc, key, source.sidecar[key])
    if source.sidecar.get("published"):
        doc.published_how = "meta.json"
    extras = {k: v for k, v in source.sidecar.items() if k not in SIDECAR_FIELDS}
    doc.meta = {**doc.meta, **extras}
    return doc


def _prepare_or_error(doc: RawDocument, source: Source) -> Prepared | InputError:
    try:
        return prepare(doc, source.fetched_at)
    except InputError as exc:
        return exc


def prepare(doc: RawDocument, fetched_at: datetime) -> Prepared:
    """Clean, date, detect the language and hash one document (no database work)."""
    text = clean(doc.text) if doc.needs_cleaning else doc.text.strip()
    if not text:
        raise EmptyInput(doc.input, "no text left after cleaning", "check that the input holds an article")
    published, how = dates.normalise(doc.published), doc.published_how
    if published is None:
        published, how = dates.from_text(doc.text, fetched_at) or (None, None)
    return Prepared(
        raw=doc,
        text=text,
        published=published,
        published_how=how,
        language=doc.language or language.detect(text),
        digest=dedup.content_hash(text, doc.hash_extra),
        minhash=dedup.minhash(text) if doc.near_dup else None,
        fetched_at=fetched_at,
    )


@dataclass
class _Run:
    store: Store
    report: IngestReport
    processors: tuple
    progress: Progress | None
    index: dedup.DedupIndex

    def handle(self, item: Prepared | InputError) -> None:
        if isinstance(item, InputError):
            self.reject(item)
        elif self.index.same_input(item.digest, item.raw.input):
            self.report.unchanged += 1
        else:
            self.store_document(item)
        if self.progress is not None:
            self.progress(self.report, item.input if isinstance(item, InputError) else item.raw.input)

    def reject(self, error: InputError) -> None:
        log.info("rejected %s", error)
        entry = {"input": error.input, "reason": error.reason}
        if error.line:
            entry["line"] = error.line
        self.report.rejected.append(entry)
        with self.store.transaction() as session:
            repo.add_reject(session, self.report.run, error)

    def store_document(self, item: Prepared) -> None:
        status, canonical = self.classify(item)
        doc_id = self.free_id(item.raw.doc_id)
        try:
            with self.store.transaction() as session:
                processing = status == "ok" and bool(self.processors)
                row = repo.add_document(session, attach=processing,
                                        **_fields(item, doc_id, status, canonical, self.report.run))
                if processing:
                    for processor in self.processors:
                        processor(session, row)
        except Exception as exc:  # noqa: BLE001 - a failing document or processor is recorded, the run goes on
            self.reject(InputError(item.raw.input, f"could not store document {doc_id}: {exc}"))
            return
        self.index.add(doc_id, item.raw.input, item.digest, item.minhash, canonical=status == "ok")
        self.report.document_ids.append(doc_id)
        if status == "ok":
            self.report.ingested += 1
        else:
            self.report.duplicates += 1

    def classify(self, item: Prepared) -> tuple[str, str | None]:
        exact = self.index.exact(item.digest)
        if exact:
            return "duplicate", exact
        near = self.index.near(item.minhash)
        return ("near_duplicate", near) if near else ("ok", None)

    def free_id(self, wanted: str) -> str:
        """The reader's id unless a document already has it; then `<id>-2`, `<id>-3`, ..."""
        if wanted not in self.index.ids:
            return wanted
        n = 2
        while f"{wanted}-{n}" in self.index.ids:
            n += 1
        return f"{wanted}-{n}"


def _fields(item: Prepared, doc_id: str, status: str, canonical: str | None, run_id: int) -> dict:
    raw = item.raw
    return {
        "id": doc_id,
        "input": raw.input,
        "reader": raw.reader,
        "outlet": raw.outlet,
        "title": raw.title,
        "url": raw.url,
        "published": item.published,
        "published_how": item.published_how,
        "language": item.language,
        "fetched_at": item.fetched_at.replace(tzinfo=None),
        "raw_text": raw.text,
        "text": item.text,
        "content_hash": item.digest,
        "signature": dedup.to_bytes(item.minhash) if item.minhash is not None else None,
        "canonical_id": canonical,
        "status": status,
        "meta": raw.meta,
        "run_id": run_id,
    }
