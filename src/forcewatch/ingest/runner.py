"""The ingest runner: inputs -> sources -> readers -> prepared documents -> the store.

Every document is committed whole, together with what the processors write for it (see
`writer.py`: articles one per transaction, table rows in batches of whole rows), so an
interrupted run leaves only whole documents. The run row is written first and marked
complete last; running the same inputs again resumes it: documents already stored are
recognised (same input, same content) and counted as unchanged. Inputs are compared
normalised (absolute paths, sorted), so `ingest ./a ./b` and `ingest b a` are one run.
"""

from __future__ import annotations

import logging
import os
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
from .writer import Placed, Prepared, Writer

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
    skipped: dict[str, int] = field(default_factory=dict)  # media folder of a Telegram export -> files
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
    """Read `inputs` (paths, folders, globs, archives, URLs) into `store`; see the module doc.

    By default documents are only stored; `processors=hooks.load_all()` also runs every
    registered processor (claim extraction among them), as `forcewatch ingest` does.
    """
    inputs = normalise_inputs(inputs)
    max_bytes = max_bytes or get_settings().max_bytes
    options = {"follow": bool(follow)}
    report = _open_run(store, sorted(inputs), options)
    run = _Run(store, report, tuple(processors), progress, _load_index(store))
    ctx = ReadContext(max_bytes=max_bytes, follow=follow)
    expander = Expander(max_bytes, known_extensions(), skipped=report.skipped)
    try:
        for item in _documents(expander.expand(inputs), ctx):
            run.handle(item)
        run.writer.flush()
        report.complete = True
    finally:
        _close_run(store, report)
    return report


def normalise_inputs(inputs: Sequence[str | os.PathLike]) -> list[str]:
    """Inputs as absolute paths (URLs as given), in the order given, each once.

    Document inputs are labelled from these, so a rerun from another folder, or with
    `./a` for `a`, recognises the documents it stored before.
    """
    seen: dict[str, None] = {}
    for raw in map(str, inputs):
        if not raw.startswith(("http://", "https://")):
            raw = os.path.abspath(os.path.expanduser(raw))
        seen.setdefault(raw, None)
    return list(seen)


def _open_run(store: Store, inputs: list[str], options: dict) -> IngestReport:
    with repo.write_transaction(store) as session:
        run = repo.resumable_run(session, inputs, options)
        if run is not None:
            repo.clear_rejects(session, run.id)  # they are recorded again as the run goes over them
            return IngestReport(run=run.id, resumed=True)
        return IngestReport(run=repo.start_run(session, inputs, options).id)


def _close_run(store: Store, report: IngestReport) -> None:
    with repo.write_transaction(store) as session:
        repo.finish_run(session, report.run, report.counts, report.complete)


def _load_index(store: Store) -> dedup.DedupIndex:
    index = dedup.DedupIndex()
    with store.transaction() as session:
        for doc_id, input, digest, status, signature in repo.index_rows(session):
            index.add(doc_id, input, digest, signature, canonical=status == "ok")  # decoded when first needed
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


class _Run:
    """One run's report and progress; the writer stores the documents."""

    def __init__(self, store: Store, report: IngestReport, processors: tuple, progress: Progress | None,
                 index: dedup.DedupIndex):
        self.store, self.report, self.progress = store, report, progress
        self.writer = Writer(store, report.run, index, processors, on_stored=self.stored,
                             on_unchanged=self.unchanged, on_reject=self.reject)

    def handle(self, item: Prepared | InputError) -> None:
        if isinstance(item, InputError):
            self.reject(item)
        else:
            self.writer.add(item)
        if self.progress is not None:
            self.progress(self.report, item.input if isinstance(item, InputError) else item.raw.input)

    def reject(self, error: InputError) -> None:
        log.info("rejected %s", error)
        entry = {"input": error.input, "reason": error.reason}
        if error.line:
            entry["line"] = error.line
        self.report.rejected.append(entry)
        with repo.write_transaction(self.store) as session:
            repo.add_reject(session, self.report.run, error)

    def stored(self, placed: Placed) -> None:
        self.report.document_ids.append(placed.doc_id)
        if placed.status == "ok":
            self.report.ingested += 1
        else:
            self.report.duplicates += 1

    def unchanged(self) -> None:
        self.report.unchanged += 1
