"""`forcewatch ingest` and `forcewatch docs`, in-process and as real subprocesses (crash test)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from forcewatch.cli.main import main
from forcewatch.ingest.readers import ReadContext, read
from forcewatch.ingest.sources import Source


def _run(capsys, *argv) -> tuple[int, dict | None, str]:
    # Processors (claim extraction) belong to later stages and have their own tests.
    argv = [*argv, "--no-processors"] if "ingest" in argv and "--no-processors" not in argv else list(argv)
    code = main(argv)
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out), out.err
    except json.JSONDecodeError:
        return code, None, out.out + out.err


def test_ingest_json_has_the_documented_keys_and_exit_0(capsys, sqlite_url, corpus):
    code, data, _ = _run(capsys, "--db", sqlite_url, "ingest", str(corpus / "news"),
                         str(corpus / "eyesonrussia" / "events.csv"), "--no-processors", "--json")
    assert code == 0
    assert {"run", "ingested", "duplicates", "rejected"} <= set(data) and data["processors"] == []
    assert data["ingested"] + data["duplicates"] + data["unchanged"] == 2 + 6650
    assert data["rejected"] == [{"input": str(corpus / "news" / "gold-claims.jsonl"),
                                 "reason": "not a document collection: 16 of 18 objects have no text, content or body key"}]


def test_rerun_exits_0_with_everything_unchanged(capsys, sqlite_url, corpus):
    _run(capsys, "--db", sqlite_url, "ingest", str(corpus / "news" / "001.txt"), "--json")
    code, data, _ = _run(capsys, "--db", sqlite_url, "ingest", str(corpus / "news" / "001.txt"), "--json")
    assert code == 0 and (data["ingested"], data["unchanged"]) == (0, 1)


def test_nothing_readable_exits_1_with_the_reason(capsys, sqlite_url, tmp_path):
    code, data, _ = _run(capsys, "--db", sqlite_url, "ingest", str(tmp_path / "nope.txt"), "--json")
    assert code == 1 and data["rejected"] == [{"input": str(tmp_path / "nope.txt"), "reason": "no such file or folder"}]


def test_docs_list_and_show(capsys, sqlite_url, corpus):
    _run(capsys, "--db", sqlite_url, "ingest", str(corpus / "news"), "--json")
    code, listed, _ = _run(capsys, "--db", sqlite_url, "docs", "list", "--json")
    assert code == 0 and listed["total"] == 2
    assert [d["id"] for d in listed["documents"]] == ["001", "002"]  # newest publication first
    code, shown, _ = _run(capsys, "--db", sqlite_url, "docs", "show", "002", "--json")
    assert code == 0 and shown["published_how"] == "meta.json" and "170 tanks" in shown["text"]
    code, _, human = _run(capsys, "--db", sqlite_url, "docs", "show", "001")
    assert code == 0 and "outlet: 19FortyFive" in human


def test_docs_show_unknown_id_is_a_clear_error(capsys, sqlite_url):
    code, _, text = _run(capsys, "--db", sqlite_url, "docs", "show", "no-such-doc")
    assert code == 1 and "document 'no-such-doc' is not in the store" in text


def _count(db_path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _start(db_url, *inputs):
    cmd = [sys.executable, "-m", "forcewatch.cli.main", "--db", db_url, "ingest", *map(str, inputs),
           "--no-processors", "--json"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_documents(proc, db_path, at_least: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if (n := _count(db_path)) >= at_least:
            return n
        time.sleep(0.02)
    pytest.fail(f"the ingest process ended or stalled before {at_least} documents (rc={proc.poll()})")


def _expected_rows(corpus) -> dict[str, set[str]]:
    """Row id -> texts (a few entry ids occur twice in the table)."""
    path = corpus / "eyesonrussia" / "events.csv"
    source = Source(str(path), path.name, path.read_bytes())
    expected: dict[str, set[str]] = {}
    for doc in read(source, ReadContext(10**9)):
        expected.setdefault(doc.doc_id, set()).add(doc.text.strip())
    return expected


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_ingest_leaves_whole_documents_and_an_incomplete_run_that_a_rerun_completes(tmp_path, corpus, sig):
    db_path = tmp_path / "crash.db"
    url = f"sqlite:///{db_path}"
    events = corpus / "eyesonrussia" / "events.csv"
    proc = _start(url, events)
    _wait_for_documents(proc, db_path, at_least=300)
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    assert proc.returncode != 0

    expected = _expected_rows(corpus)
    with sqlite3.connect(db_path) as conn:
        runs = conn.execute("select id, complete from ingest_runs").fetchall()
        stored = conn.execute("select id, text, raw_text, content_hash from documents").fetchall()
    assert runs == [(1, 0)]
    assert 300 <= len(stored) < 6650
    for doc_id, text, raw_text, digest in stored:
        base_id = doc_id if doc_id in expected else doc_id.rsplit("-", 1)[0]
        assert text == raw_text and text in expected[base_id] and len(digest) == 64

    rerun = subprocess.run([sys.executable, "-m", "forcewatch.cli.main", "--db", url, "ingest", str(events),
                            "--no-processors", "--json"],
                           capture_output=True, text=True, timeout=300)
    data = json.loads(rerun.stdout)
    assert rerun.returncode == 0 and (data["run"], data["resumed"], data["complete"]) == (1, True, True)
    assert data["unchanged"] >= len(stored)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select complete from ingest_runs where id = 1").fetchone() == (1,)
        total = conn.execute("select count(*) from documents").fetchone()[0]
    assert total == data["ingested"] + data["duplicates"] + len(stored)
