"""The main job on the bundled samples: ingest -> extract -> fuse -> assess -> report.

Run by `make demo`. Every step is one library call; the printed figures come from them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import forcewatch
from forcewatch.assess import LEVEL_NAMES, assess
from forcewatch.export.store_io import load_claims
from forcewatch.ingest import hooks, ingest
from forcewatch.report.run import report_store

SAMPLES = Path(forcewatch.__file__).parent / "samples"
PROBLEM = "belarus-ukraine"
AS_OF = ("2022-02-20", "2022-12-31")  # the eve of the 2022 invasion; the end of the autumn build-up
REPORT_SINCE = "2022-10-01"  # the brief covers the autumn-2022 build-up, not the year before


def step(title: str) -> float:
    print(f"\n== {title}", flush=True)
    return time.perf_counter()


def ingest_samples(store) -> None:
    started = step(f"ingest {SAMPLES}")
    report = ingest([str(SAMPLES)], store, processors=hooks.load_all())
    took = time.perf_counter() - started
    print(f"run {report.run}: {report.ingested} documents ingested, {report.duplicates} duplicates, "
          f"{report.unchanged} unchanged, {len(report.rejected)} rejected ({took:.1f} s)")
    for reject in report.rejected:
        print(f"  rejected {reject['input']}: {reject['reason']}")


def assess_all(store) -> list[dict]:
    step(f"assess problem {PROBLEM!r}")
    with store.session() as session:
        claims = load_claims(session)
    print(f"{len(claims)} claims in the store")
    results = []
    for as_of in AS_OF:
        result = assess(PROBLEM, claims, as_of).to_dict()
        met = [i["title"] for i in result["indicators"] if i["status"] == "met"]
        print(f"as of {as_of}: level {result['level']} ({LEVEL_NAMES[result['level']]}); met: {', '.join(met) or 'none'}")
        results.append(result)
    return results


def write_reports(store, out: Path) -> list[Path]:
    step(f"report as of {AS_OF[-1]}")
    paths = [report_store(store, PROBLEM, AS_OF[-1], fmt, out / f"report.{fmt}", since=REPORT_SINCE)
             for fmt in ("html", "pdf", "md")]
    for path in paths:
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="database URL for the demo store")
    parser.add_argument("--out", default="out", help="folder for the reports")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store = forcewatch.open_store(args.db)
    try:
        ingest_samples(store)
        results = assess_all(store)
        write_reports(store, out)
    finally:
        store.close()
    final = results[-1]
    print(f"\nBottom line ({PROBLEM}, as of {final['as_of']}): level {final['level']} ({LEVEL_NAMES[final['level']]}).")
    print(final["summary"])
    print(f"\nOpen {out / 'report.html'} in a browser, or the dashboard: "
          f".venv/bin/forcewatch --db {args.db} serve  (then http://127.0.0.1:8000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
