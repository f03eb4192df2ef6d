"""Repository functions for documents, ingest runs and rejects (tables in `models.py`).

Functions take a session and leave committing to the caller (`Store.transaction()`),
so one document and what processors write for it share one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from ..errors import InputError, NotFound
from .models import Document, IngestRun, Reject, utcnow

if TYPE_CHECKING:
    from .db import Store

IN_CHUNK = 400  # ids per IN (...) list: well under SQLite's bound-parameter limit


@contextmanager
def write_transaction(store: Store) -> Iterator[Session]:
    """`store.transaction()` that takes SQLite's write lock at once (BEGIN IMMEDIATE).

    A deferred SQLite transaction that reads before it writes fails at once with "database
    is locked" when another process committed in between; an immediate one waits its turn
    (busy_timeout) instead, so two processes can ingest into one file.
    """
    with store.transaction() as session:
        if store.dialect == "sqlite":
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        yield session


def start_run(session: Session, inputs: list[str], options: dict) -> IngestRun:
    """A new, incomplete run."""
    run = IngestRun(inputs=list(inputs), options=dict(options), counts={}, complete=False)
    session.add(run)
    session.flush()
    return run


def resumable_run(session: Session, inputs: list[str], options: dict) -> IngestRun | None:
    """The latest incomplete run over exactly these inputs and options, to resume it.

    The caller normalises `inputs` (absolute, sorted) so that the same work matches
    however it was spelt on the command line.
    """
    runs = session.scalars(select(IngestRun).where(IngestRun.complete.is_(False)).order_by(IngestRun.id.desc()))
    return next((r for r in runs if r.inputs == list(inputs) and r.options == dict(options)), None)


def finish_run(session: Session, run_id: int, counts: dict, complete: bool) -> None:
    run = session.get(IngestRun, run_id)
    run.counts = dict(counts)
    run.complete = complete
    run.finished_at = utcnow() if complete else None


def get_run(session: Session, run_id: int) -> IngestRun:
    run = session.get(IngestRun, run_id)
    if run is None:
        raise NotFound(f"ingest run {run_id} is not in the store; `forcewatch docs list` shows what is there")
    return run


def add_reject(session: Session, run_id: int, error: InputError) -> Reject:
    reject = Reject(run_id=run_id, input=error.input, reason=error.reason, line=error.line)
    session.add(reject)
    return reject


def run_rejects(session: Session, run_id: int) -> list[Reject]:
    return list(session.scalars(select(Reject).where(Reject.run_id == run_id).order_by(Reject.id)))


def add_document(session: Session, attach: bool = True, **fields) -> Document | None:
    """Insert one document (fields as in `models.Document`) and return its ORM row (None unless `attach`)."""
    docs = add_documents(session, [fields], attach)
    return docs[0] if docs else None


def add_documents(session: Session, rows: list[dict], attach: bool = True) -> list[Document]:
    """Insert documents in order, in one statement where the database allows.

    With `attach=False` the rows go through one Core executemany INSERT, several times
    faster than the ORM's unit of work (it matters for event tables), and nothing is
    returned; with `attach=True` the ORM rows are returned, flushed, for processors.
    """
    if not attach:
        session.connection().execute(_INSERT, rows)
        return []
    docs = [Document(**fields) for fields in rows]
    session.add_all(docs)
    session.flush()
    return docs


_INSERT = insert(Document.__table__)


def get_document(session: Session, doc_id: str) -> Document:
    doc = session.get(Document, doc_id)
    if doc is None:
        raise NotFound(f"document {doc_id!r} is not in the store; `forcewatch docs list` shows the ids")
    return doc


def list_documents(session: Session, limit: int = 50, offset: int = 0, status: str | None = None) -> list[Document]:
    """Documents, newest publication first."""
    query = select(Document).order_by(Document.published.desc().nulls_last(), Document.id)
    if status:
        query = query.where(Document.status == status)
    return list(session.scalars(query.limit(limit).offset(offset)))


def count_documents(session: Session, status: str | None = None) -> int:
    query = select(func.count()).select_from(Document)
    if status:
        query = query.where(Document.status == status)
    return session.scalar(query) or 0


def index_rows(session: Session) -> Iterator[tuple[str, str, str, str, bytes | None]]:
    """(id, input, content_hash, status, signature) of every document, for the dedup index."""
    query = select(Document.id, Document.input, Document.content_hash, Document.status, Document.signature)
    yield from session.execute(query.execution_options(yield_per=2000))


def known_rows(session: Session, ids: Iterable[str], digests: Iterable[str]) -> list[tuple]:
    """`index_rows` of the documents with one of `ids` or `digests` (what another process wrote)."""
    ids, digests = sorted(set(ids)), sorted(set(digests))
    found: dict[str, tuple] = {}
    query = select(Document.id, Document.input, Document.content_hash, Document.status, Document.signature)
    for start in range(0, max(len(ids), len(digests)), IN_CHUNK):
        chunk = query.where(or_(Document.id.in_(ids[start:start + IN_CHUNK]),
                                Document.content_hash.in_(digests[start:start + IN_CHUNK])))
        found.update((row[0], tuple(row)) for row in session.execute(chunk))
    return list(found.values())


def clear_rejects(session: Session, run_id: int) -> None:
    """Forget a run's rejects (before resuming it, when they will be recorded again)."""
    session.query(Reject).filter(Reject.run_id == run_id).delete()


SUMMARY_FIELDS = ("id", "status", "published", "published_how", "outlet", "title", "language", "reader",
                  "canonical_id", "input")


def document_dict(doc: Document, full: bool = False) -> dict:
    """A document as plain data: summary fields, plus text, meta and provenance when `full`."""
    data = {name: getattr(doc, name) for name in SUMMARY_FIELDS}
    if full:
        data.update(url=doc.url, fetched_at=doc.fetched_at, content_hash=doc.content_hash, run_id=doc.run_id,
                    meta=doc.meta, text=doc.text, raw_text=doc.raw_text)
    return data
