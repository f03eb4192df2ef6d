"""Ingestion speed: documents per second, as a ratio against a baseline from the same run.

Baseline: the least any ingester must do, in plain Python: parse the rows (csv module) or
read the files, and insert each into SQLite in its own transaction. forcewatch adds
decoding, profiles, cleaning, dates, language, hashing, MinHash and duplicate checks,
and opens (migrates) the store. Articles are timed twice: the first run of the process
pays one-time loads (language profiles, MinHash), the second shows the steady rate.
With --processors it also runs the registered processors
(claim extraction: the structured mapper for table rows, the parser for articles), their
models loaded before the clock starts.

Usage: python bench/bench_ingest.py [--shared ../shared] [--processors]
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from forcewatch.ingest import hooks, ingest
from forcewatch.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def baseline_rows(csv_path: Path, db: Path) -> int:
    conn = sqlite3.connect(db)
    conn.execute("pragma journal_mode=wal")
    conn.execute("pragma synchronous=normal")
    conn.execute("create table docs (id text primary key, text text, meta text)")
    n = 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            with conn:
                conn.execute("insert or replace into docs values (?, ?, ?)",
                             (row["entry"], f"{row['title']}. {row['brief description']}", json.dumps(row)))
            n += 1
    conn.close()
    return n


def baseline_files(folder: Path, db: Path) -> int:
    conn = sqlite3.connect(db)
    conn.execute("pragma journal_mode=wal")
    conn.execute("pragma synchronous=normal")  # as the store: without it, each commit waits on fsync
    conn.execute("create table docs (id text primary key, text text)")
    n = 0
    for path in sorted(folder.glob("*.txt")):
        with conn:
            conn.execute("insert into docs values (?, ?)", (path.stem, path.read_text("utf-8")))
        n += 1
    conn.close()
    return n


def write_articles(corpus: Path, folder: Path) -> None:
    """Real articles: the news samples and every re3d document, one .txt file each."""
    for path in (corpus / "news").glob("*.txt"):
        (folder / path.name).write_text(path.read_text("utf-8"), "utf-8")
    for docs in sorted((corpus / "re3d").glob("*/documents.json")):
        for line in docs.read_text("utf-8").splitlines():
            obj = json.loads(line)
            (folder / f"re3d-{obj['_id']}.txt").write_text(obj["text"], "utf-8")


def timed(fn, *args) -> tuple[int, float]:
    start = time.perf_counter()
    n = fn(*args)
    return n, time.perf_counter() - start


def forcewatch_ingest(inputs: list[Path], db: Path, processors: tuple = ()) -> int:
    store = open_store(f"sqlite:///{db}")
    report = ingest(inputs, store, processors=processors)
    store.close()
    if report.rejected:
        print(f"  {len(report.rejected)} rejected, first: {report.rejected[0]['reason'][:200]}")
    return report.ingested + report.duplicates + report.unchanged


def warm_processors(events: Path, articles: Path, tmp: Path) -> tuple:
    """Load the processors and their models (a few rows and one article) before timing."""
    processors = hooks.load_all()
    head = tmp / "warm.csv"
    head.write_text("".join(events.read_text("utf-8").splitlines(keepends=True)[:5]), "utf-8")
    forcewatch_ingest([head, next(articles.glob("*.txt"))], tmp / "warm.db", processors)
    return processors


def line(label: str, n_base: int, t_base: float, n_fw: int, t_fw: float) -> None:
    base, fw = n_base / t_base, n_fw / t_fw
    print(f"{label:13s} baseline {base:9.0f} docs/s  forcewatch {fw:8.0f} docs/s ({n_fw} docs)  "
          f"ratio {fw / base:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--processors", action="store_true", help="also time ingestion with the processors on")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    events = corpus / "eyesonrussia" / "events.csv"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        articles = tmp / "articles"
        articles.mkdir()
        write_articles(corpus, articles)
        line("event table", *timed(baseline_rows, events, tmp / "b1.db"), *timed(forcewatch_ingest, [events], tmp / "f1.db"))
        # The first article run of a process also loads the language profiles and MinHash
        # (about a second, once); the second, into a fresh store, is the steady rate.
        line("articles 1st", *timed(baseline_files, articles, tmp / "b2.db"),
             *timed(forcewatch_ingest, [articles], tmp / "f2.db"))
        line("articles", *timed(baseline_files, articles, tmp / "b2b.db"),
             *timed(forcewatch_ingest, [articles], tmp / "f2b.db"))
        if args.processors:
            processors = warm_processors(events, articles, tmp)
            print(f"processors: {', '.join(hooks.names())}")
            line("table+proc", *timed(baseline_rows, events, tmp / "b3.db"),
                 *timed(forcewatch_ingest, [events], tmp / "f3.db", processors))
            line("articles+proc", *timed(baseline_files, articles, tmp / "b4.db"),
                 *timed(forcewatch_ingest, [articles], tmp / "f4.db", processors))


if __name__ == "__main__":
    main()
