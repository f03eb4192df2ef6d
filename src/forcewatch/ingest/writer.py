"""Writing prepared documents to the store: transactions, batches, ids, retries.

A document is the unit of atomicity: it is committed whole, together with what the
processors write for it, or not at all. Articles get a transaction each. Small
structured records (event-table rows, `RawDocument.batch`) share a transaction with up
to BATCH_ROWS neighbours for at most BATCH_SECONDS: it holds N whole documents, so a
crash loses the open batch (rows the rerun then stores) and never leaves half a row.
If anything in a batch fails, it is rolled back and its rows are written one per
transaction, so one bad row or processor failure rejects that row only.

Ids: a document keeps its reader's id unless another has it, then `<id>-2`, `<id>-3`...
Another process may take an id between our check and our commit; the INSERT then fails
with an integrity error, and the batch is retried in a fresh transaction after learning
from the store what the other process wrote (its ids; the same content from the same
input then counts as unchanged, from another input as a duplicate).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ..errors import InputError
from ..store import Store
from ..store import documents as repo
from . import dedup
from .model import RawDocument

log = logging.getLogger(__name__)
BATCH_ROWS = 200
BATCH_SECONDS = 0.5
MAX_ATTEMPTS = 10


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


@dataclass
class Placed:
    """A prepared document with the id and duplicate status it will be stored under."""

    item: Prepared
    doc_id: str
    status: str  # ok | duplicate | near_duplicate
    canonical: str | None


@dataclass
class Writer:
    """Stores documents for one run; `on_stored(placed)` and `on_reject(error)` count them."""

    store: Store
    run_id: int
    index: dedup.DedupIndex
    processors: tuple
    on_stored: Callable[[Placed], None]
    on_unchanged: Callable[[], None]
    on_reject: Callable[[InputError], None]
    pending: list[Placed] = field(default_factory=list)
    opened: float = 0.0

    def add(self, item: Prepared) -> None:
        """Store `item` now (an article) or with its batch (a table row)."""
        if not item.raw.batch:
            self.flush()
            self._write(self._place_all([item]))
            return
        placed = self._place(item)
        if placed is None:
            self.on_unchanged()
            return
        if not self.pending:
            self.opened = time.monotonic()
        self.pending.append(placed)
        if len(self.pending) >= BATCH_ROWS or time.monotonic() - self.opened >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Commit the open batch, if any."""
        batch, self.pending = self.pending, []
        if batch:
            self._write(batch)

    def _place(self, item: Prepared) -> Placed | None:
        """Id and status for `item`, recorded in the index; None when it is already stored."""
        if self.index.same_input(item.digest, item.raw.input):
            return None
        status, canonical = _classify(self.index, item)
        doc_id = _free_id(self.index.ids, item.raw.doc_id)
        self.index.add(doc_id, item.raw.input, item.digest, item.minhash, canonical=status == "ok")
        return Placed(item, doc_id, status, canonical)

    def _place_all(self, items: list[Prepared]) -> list[Placed]:
        placed = []
        for item in items:
            one = self._place(item)
            if one is None:
                self.on_unchanged()
            else:
                placed.append(one)
        return placed

    def _unplace(self, batch: list[Placed]) -> list[Prepared]:
        for placed in reversed(batch):
            self.index.discard(placed.doc_id, placed.item.digest)
        return [placed.item for placed in batch]

    def _write(self, batch: list[Placed]) -> None:
        """Commit `batch`; on an id clash learn and retry; on another failure split it up."""
        for _ in range(MAX_ATTEMPTS):
            if not batch:
                return
            error = self._try(batch)
            if error is None:
                for placed in batch:
                    self.on_stored(placed)
                return
            items = self._unplace(batch)
            if not (isinstance(error, IntegrityError) and self._learn(batch)):
                self._give_up(items, error)
                return
            batch = self._place_all(items)
        self._give_up(self._unplace(batch), error)

    def _try(self, batch: list[Placed]) -> Exception | None:
        try:
            with repo.write_transaction(self.store) as session:
                self._insert(session, batch)
        except Exception as exc:  # noqa: BLE001 - a failing document or processor is recorded, the run goes on
            log.debug("batch of %d failed: %s", len(batch), exc)
            return exc
        return None

    def _insert(self, session, batch: list[Placed]) -> None:
        rows = [_fields(placed, self.run_id) for placed in batch]
        if not self.processors:
            repo.add_documents(session, rows, attach=False)
            return
        for placed, doc in zip(batch, repo.add_documents(session, rows), strict=True):
            if placed.status == "ok":
                for processor in self.processors:
                    processor(session, doc)

    def _learn(self, batch: list[Placed]) -> bool:
        """Add what another process stored under our ids or hashes to the index; False if nothing new."""
        ids = {p.doc_id for p in batch} | {p.item.raw.doc_id for p in batch}
        with self.store.transaction() as session:
            rows = repo.known_rows(session, ids, {p.item.digest for p in batch})
        new = [row for row in rows if row[0] not in self.index.ids]
        for doc_id, input, digest, status, signature in new:
            self.index.add(doc_id, input, digest, signature, canonical=status == "ok")
        return bool(new)

    def _give_up(self, items: list[Prepared], error: Exception) -> None:
        """A batch that failed is written one document per transaction; a single document is rejected."""
        if len(items) > 1:
            for item in items:
                self._write(self._place_all([item]))
            return
        if items:
            self.on_reject(InputError(items[0].raw.input, f"could not store document {items[0].raw.doc_id}: {error}"))


def _classify(index: dedup.DedupIndex, item: Prepared) -> tuple[str, str | None]:
    exact = index.exact(item.digest)
    if exact:
        return "duplicate", exact
    near = index.near(item.minhash)
    return ("near_duplicate", near) if near else ("ok", None)


def _free_id(taken: set[str], wanted: str) -> str:
    """The reader's id unless a document already has it; then `<id>-2`, `<id>-3`, ..."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _fields(placed: Placed, run_id: int) -> dict:
    item, raw = placed.item, placed.item.raw
    return {
        "id": placed.doc_id,
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
        "canonical_id": placed.canonical,
        "status": placed.status,
        "meta": raw.meta,
        "run_id": run_id,
    }
