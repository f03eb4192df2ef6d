"""The runner against real stores: documents, duplicates, idempotency, rejects, processors, resume."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from forcewatch.ingest import ingest
from forcewatch.ingest.runner import normalise_inputs
from forcewatch.store import Document, IngestRun, Reject, open_store
from forcewatch.store import documents as repo


@pytest.fixture
def any_store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def _docs(store) -> dict[str, Document]:
    with store.transaction() as session:
        return {d.id: d for d in session.scalars(select(Document))}


def test_news_corpus_is_stored_cleaned_dated_by_meta_json(any_store, corpus):
    report = ingest([corpus / "news"], any_store)
    assert (report.ingested, report.duplicates, report.complete) == (2, 0, True)
    docs = _docs(any_store)
    first = docs["001"]
    assert first.outlet == "19FortyFive" and first.published == "2022-12-21" and first.published_how == "meta.json"
    assert first.meta["published_note"].startswith("estimated from the text")
    assert "Connect with us" in first.raw_text and "Connect with us" not in first.text
    assert first.language == "en" and first.status == "ok" and len(first.signature) == 128 * 8
    assert docs["002"].outlet is None and docs["002"].published == "2022-10-17"


def test_reingesting_the_same_inputs_adds_nothing(any_store, corpus, fixtures):
    inputs = [corpus / "news" / "001.txt", corpus / "re3d" / "CENTCOM", fixtures / "telegram"]
    first = ingest(inputs, any_store)
    second = ingest(inputs, any_store)
    assert first.ingested == 1 + 23 + 2
    assert (second.ingested, second.duplicates, second.unchanged) == (0, 0, first.ingested)
    assert len(_docs(any_store)) == first.ingested


def test_exact_copy_from_another_file_is_a_duplicate_of_the_first(any_store, corpus, tmp_path):
    (tmp_path / "mirror").mkdir()
    shutil.copy(corpus / "news" / "002.txt", tmp_path / "mirror" / "agency-002.txt")
    ingest([corpus / "news" / "002.txt"], any_store)
    report = ingest([tmp_path / "mirror"], any_store)
    copy = _docs(any_store)["agency-002"]
    assert (report.ingested, report.duplicates) == (0, 1)
    assert (copy.status, copy.canonical_id) == ("duplicate", "002")


def test_republished_article_with_new_headline_is_a_near_duplicate(store, corpus, tmp_path):
    body = (corpus / "news" / "002.txt").read_text("utf-8")
    republished = tmp_path / "republished.txt"
    republished.write_text("Moscow to send 170 tanks to Belarus's southern border\n\n" + body, "utf-8")
    ingest([corpus / "news" / "002.txt"], store)
    report = ingest([republished], store)
    doc = _docs(store)["republished"]
    assert (doc.status, doc.canonical_id) == ("near_duplicate", "002")
    assert (report.ingested, report.duplicates) == (0, 1)


def test_different_articles_on_the_same_topic_are_both_new(store, corpus):
    report = ingest([corpus / "news" / "001.txt", corpus / "news" / "002.txt"], store)
    assert report.ingested == 2 and {d.status for d in _docs(store).values()} == {"ok"}


def test_event_table_keeps_identical_reports_from_different_places_apart(store, corpus):
    report = ingest([corpus / "eyesonrussia" / "events.csv"], store)
    docs = _docs(store)
    assert report.ingested + report.duplicates + report.unchanged == 6650
    same_text = [d for d in docs.values() if d.text == "Russian military equipment moving in Belarus"]
    assert len({(d.meta["lat"], d.meta["lon"]) for d in same_text if d.status == "ok"}) > 1
    assert docs["eor-UW0067"].meta["country"] == "Belarus" and docs["eor-UW0067"].published_how == "table"
    for dup in (d for d in docs.values() if d.status == "duplicate"):
        canonical = docs[dup.canonical_id]
        assert (canonical.text, canonical.published, canonical.meta["lat"]) == (dup.text, dup.published, dup.meta["lat"])


def _write_bad_inputs(folder, corpus):
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "only-boilerplate.txt").write_text("Connect with us\n\nHi, what are you looking for?\n", "utf-8")
    (folder / "broken.json").write_text('{"text": "Tanks were seen near Yelnya",\n "title": }\n', "utf-8")
    (folder / "mainframe.txt").write_bytes("Russian tanks were seen near the border.".encode("cp500"))
    shutil.copy(corpus / "news" / "002.txt", folder / "ok.txt")


def test_every_bad_input_class_is_rejected_with_its_reason_and_the_run_goes_on(any_store, corpus, tmp_path):
    bad = tmp_path / "inputs"
    bad.mkdir()
    _write_bad_inputs(bad, corpus)
    big = tmp_path / "big" / "long.txt"
    big.parent.mkdir()
    big.write_text("Tanks moved. " * 1000, "utf-8")
    inputs = [bad / "missing.txt", bad / "*.nothing", *sorted(bad.glob("*.*")), big]
    report = ingest(inputs, any_store, max_bytes=8000)
    reasons = {r["input"].rsplit("/", 1)[-1]: r["reason"] for r in report.rejected}
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["*.nothing"] == "the pattern matches no files"
    assert reasons["photo.txt"] == "binary file, not text"
    assert reasons["only-boilerplate.txt"] == "no text left after cleaning"
    assert reasons["broken.json"].startswith("invalid JSON on line 2")
    assert reasons["mainframe.txt"].startswith("undecodable text")
    assert reasons["long.txt"] == "too large: 13000 bytes, the limit is 8000 bytes"
    assert report.ingested == 1 and report.complete
    with any_store.transaction() as session:
        stored = session.scalars(select(Reject).where(Reject.run_id == report.run)).all()
        assert len(stored) == 7 and {r.line for r in stored if r.input.endswith("broken.json")} == {2}


def test_processor_writes_in_the_document_transaction_and_a_failure_rolls_both_back(store, fixtures):
    def mark(session, doc):
        if doc.id.endswith("103"):
            raise ValueError("entity list not understood")
        doc.meta = {**doc.meta, "processed": True}

    report = ingest([fixtures / "telegram"], store, processors=[mark])
    docs = _docs(store)
    assert list(docs) == ["tg-belarusian-hajun-102"] and docs["tg-belarusian-hajun-102"].meta["processed"] is True
    assert "entity list not understood" in report.rejected[0]["reason"]


def test_interrupted_run_keeps_whole_documents_and_the_rerun_resumes_it(any_store, corpus):
    inputs = [corpus / "re3d" / "CENTCOM"]
    seen = []

    def interrupt_after_five(session, doc):
        seen.append(doc.id)
        if len(seen) == 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(inputs, any_store, processors=[interrupt_after_five])
    with any_store.transaction() as session:
        [run] = session.scalars(select(IngestRun)).all()
        assert run.complete is False and run.counts["ingested"] == 5
    assert sorted(_docs(any_store)) == sorted(seen[:5])
    resumed = ingest(inputs, any_store)
    assert (resumed.run, resumed.resumed, resumed.complete) == (run.id, True, True)
    assert (resumed.unchanged, resumed.ingested) == (5, 18)
    with any_store.transaction() as session:
        assert repo.get_run(session, run.id).complete is True


def _interrupt_after(n: int, seen: list):
    def processor(session, doc):
        seen.append(doc.id)
        if len(seen) > n:
            raise KeyboardInterrupt

    return processor


def test_the_same_inputs_spelt_differently_resume_the_same_run(store, corpus, tmp_path, monkeypatch):
    for name, article in (("a", "001.txt"), ("b", "002.txt")):
        (tmp_path / name).mkdir()
        shutil.copy(corpus / "news" / article, tmp_path / name / article)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        ingest(["./a", "./b"], store, processors=[_interrupt_after(1, [])])
    resumed = ingest(["b", str(tmp_path / "a")], store)
    assert (resumed.run, resumed.resumed, resumed.complete) == (1, True, True)
    assert (resumed.unchanged, resumed.ingested) == (1, 1)
    with store.transaction() as session:
        assert repo.get_run(session, 1).inputs == [str(tmp_path / "a"), str(tmp_path / "b")]
        assert {d.input for d in session.scalars(select(Document))} == {
            str(tmp_path / "a" / "001.txt"), str(tmp_path / "b" / "002.txt")}


def test_inputs_are_made_absolute_once_each_urls_kept(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    got = normalise_inputs(["./a", "a", "b/../c", "https://example.org/feed.xml"])
    assert got == [str(tmp_path / "a"), str(tmp_path / "c"), "https://example.org/feed.xml"]


def _first_rows(corpus, tmp_path, n: int):
    lines = (corpus / "eyesonrussia" / "events.csv").read_text("utf-8").splitlines(keepends=True)
    path = tmp_path / "events-head.csv"
    path.write_text("".join(lines[: n + 1]), "utf-8")
    return path


def test_a_failing_row_in_a_batch_rejects_that_row_only(store, corpus, tmp_path):
    def fail_on_uw0125(session, doc):
        if doc.id == "eor-UW0125":
            raise ValueError("coordinates out of range")
        doc.meta = {**doc.meta, "processed": True}

    report = ingest([_first_rows(corpus, tmp_path, 60)], store, processors=[fail_on_uw0125])
    docs = _docs(store)
    assert [(r["input"].rsplit("#")[-1], "coordinates out of range" in r["reason"]) for r in report.rejected] == [
        ("UW0125", True)]
    assert "eor-UW0125" not in docs and len(docs) == report.ingested + report.duplicates == 60 - 1
    assert all(d.meta.get("processed") for d in docs.values() if d.status == "ok")


def test_interrupted_table_keeps_whole_batches_counted_and_the_rerun_completes_it(any_store, corpus, tmp_path):
    table = _first_rows(corpus, tmp_path, 500)
    seen = []
    with pytest.raises(KeyboardInterrupt):
        ingest([table], any_store, processors=[_interrupt_after(450, seen)])
    stored = _docs(any_store)
    with any_store.transaction() as session:
        [run] = session.scalars(select(IngestRun)).all()
    assert 0 < len(stored) < 450 and run.complete is False
    assert run.counts["ingested"] + run.counts["duplicates"] == len(stored)
    assert {i for i, d in stored.items() if d.status == "ok"} <= set(seen[:450])  # processors see new rows only
    resumed = ingest([table], any_store)
    assert (resumed.run, resumed.complete, resumed.rejected) == (run.id, True, [])
    assert resumed.unchanged >= len(stored)
    uninterrupted = open_store(f"sqlite:///{tmp_path / 'uninterrupted.db'}")
    ingest([table], uninterrupted)
    expected = {i: (d.status, d.canonical_id, d.text) for i, d in _docs(uninterrupted).items()}
    uninterrupted.close()
    assert {i: (d.status, d.canonical_id, d.text) for i, d in _docs(any_store).items()} == expected
