"""Two real processes ingesting into one store at once, on SQLite and PostgreSQL.

Both read the same event table from two folders, so every row id is wanted by both:
the second writer of each id must take the next suffix and, seeing the same content,
store its row as a duplicate of the first, never lose it as a reject.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from forcewatch.ingest import ingest
from forcewatch.store import Document, IngestRun, open_store


def _start(db_url: str, path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "forcewatch.cli.main", "--db", db_url, "ingest", str(path), "--no-processors",
           "--json"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    return json.loads(out)


def _overlap(runs: list[IngestRun]) -> bool:
    first, second = runs
    return first.started_at < second.finished_at and second.started_at < first.finished_at


@pytest.mark.slow
def test_two_processes_sharing_row_ids_store_every_row_without_rejects(db_url, corpus, tmp_path):
    events = corpus / "eyesonrussia" / "events.csv"
    copies = []
    for name in ("monitor-a", "monitor-b"):
        (tmp_path / name).mkdir()
        copies.append(shutil.copy(events, tmp_path / name / "events.csv"))
    store = open_store(db_url)  # migrated before the race: both processes find the schema at head
    procs = [_start(db_url, path) for path in copies]
    reports = [_finish(proc) for proc in procs]

    with store.transaction() as session:
        runs = list(session.scalars(select(IngestRun).order_by(IngestRun.id)))
        by_status = dict(session.execute(select(Document.status, func.count()).group_by(Document.status)).all())
        inputs = {doc_input.split("#")[0] for doc_input in session.scalars(select(Document.input))}
    store.close()
    assert _overlap(runs), f"the runs did not overlap: {[(r.started_at, r.finished_at) for r in runs]}"
    assert [r["rejected"] for r in reports] == [[], []] and all(r["complete"] for r in reports)
    stored = sum(r["ingested"] + r["duplicates"] for r in reports)
    assert sum(by_status.values()) == stored == 2 * (6650 - 3)  # 3 rows repeat an earlier row of their table
    assert by_status["ok"] == _new_rows_when_alone(events, tmp_path) and inputs == {str(p) for p in copies}


def _new_rows_when_alone(events, tmp_path) -> int:
    alone = open_store(f"sqlite:///{tmp_path / 'alone.db'}")
    try:
        return ingest([events], alone).ingested
    finally:
        alone.close()

