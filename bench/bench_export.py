"""Export throughput: claims per second for each format against json.dumps of the same claims.

    .venv/bin/python bench/bench_export.py [--copies N]

Claims are the real Eyes on Russia rows (Belarus, Jan-Feb 2022) turned into claims,
repeated N times with distinct ids. Ratios compare with a baseline measured in the same
run, so the figures hold across machines.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from claims_fixtures import eor_claims  # noqa: E402

from forcewatch.export import export, formats  # noqa: E402


def claims_for(copies: int) -> list[dict]:
    """The Eyes on Russia claims, `copies` times over with distinct ids."""
    base = eor_claims(ROOT.parent / "shared" / "corpus", limit=200)
    return [dict(c, id=f"{c['id']}-{n}") for n in range(copies) for c in base]


def timed(fn) -> float:
    """Seconds one call of `fn` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    """Print the baseline, then each format's throughput and its time relative to the baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    claims = claims_for(args.copies)
    export(claims[:5], "stix", Path(tempfile.gettempdir()) / "warmup.json")  # load stix2/pyarrow/kb first
    baseline = timed(lambda: json.dumps(claims, ensure_ascii=False))
    print(f"{len(claims)} claims; baseline json.dumps: {len(claims) / baseline:,.0f} claims/s")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats():
            seconds = timed(lambda fmt=fmt: export(claims, fmt, Path(tmp) / f"out.{fmt}"))
            print(f"{fmt:8} {len(claims) / seconds:>10,.0f} claims/s   {seconds / baseline:6.1f}x baseline time")


if __name__ == "__main__":
    main()
