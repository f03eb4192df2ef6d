"""Fusion and assessment at scale, as ratios against a plain grouping pass in the same run.

    .venv/bin/python bench/bench_fuse.py [--sizes 1000,10000,100000] [--limit 120] [--profile]

Claims are real-derived: the Eyes on Russia rows of corpus/eyesonrussia/events.csv turned
into claims by `forcewatch.extract.structured`, plus the claims read from the news articles
(tests/export/data/news_claims.jsonl and tests/assess/data/autumn-2022-claims.jsonl),
replicated to N with deterministic variations: copy k shifts dates by up to four weeks,
moves geolocated points by up to ~5 km and scales counts by up to +-20 %, so copies
corroborate, split and contradict one another the way real repeated reporting does.
Baseline: one pass that groups the same claim dicts by a dict key (actor, item, event, area).
Every timed call is bounded by `--limit` seconds (reported as "did not finish").
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import signal
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
NEWS = [ROOT / "tests" / "export" / "data" / "news_claims.jsonl", ROOT / "tests" / "assess" / "data" / "autumn-2022-claims.jsonl"]
AS_OF = {"eor": "2022-02-20", "news": "2022-12-31"}


class TooSlow(Exception):
    pass


def seed_claims() -> list[dict]:
    """The real claims every copy is varied from."""
    from forcewatch.extract.structured import claims_from_table

    claims = [json.loads(line) for path in NEWS for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    return claims + claims_from_table(CORPUS / "eyesonrussia" / "events.csv").claims


def _shift(value, days: int):
    if not value or len(str(value)) < 10:
        return value
    return (date.fromisoformat(str(value)[:10]) + timedelta(days=days)).isoformat()


def _scaled(quantity, factor: float):
    if not isinstance(quantity, dict):
        return quantity
    scale = {k: None if quantity.get(k) is None else max(1, round(quantity[k] * factor)) for k in ("low", "high")}
    return {**quantity, **scale, "text": ""}


def _moved(coords, dlat: float, dlon: float):
    if not isinstance(coords, dict) or coords.get("lat") in (None, ""):
        return coords
    return {**coords, "lat": float(coords["lat"]) + dlat, "lon": float(coords["lon"]) + dlon}


def variant(claim: dict, copy: int, rng: random.Random) -> dict:
    """Copy `copy` of a seed claim (copy 0 is the claim itself, with a unique id)."""
    out = dict(claim, id=f"{claim.get('id') or claim.get('doc')}#{copy}:{rng.random():.6f}")
    if copy == 0:
        return out
    days, factor = rng.randint(-14, 14), rng.uniform(0.8, 1.2)
    dlat, dlon = rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05)
    out.update(date=_shift(claim.get("date"), days), published=_shift(claim.get("published"), days),
               quantity=_scaled(claim.get("quantity"), factor), location_coords=_moved(claim.get("location_coords"), dlat, dlon),
               doc=f"{claim.get('doc')}#{copy}", origin_ref=f"{claim.get('origin_ref') or 'copy'}#{copy % 7}")
    if isinstance(claim.get("location"), dict):
        out["location"] = _moved(claim["location"], dlat, dlon)
    return out


def build(n: int, seeds: list[dict]) -> list[dict]:
    """`n` claims: the seeds in turn, copy after copy."""
    rng = random.Random(20220224)
    return [variant(seeds[i % len(seeds)], i // len(seeds), rng) for i in range(n)]


def baseline(claims: list[dict]) -> int:
    """The plain pass: group claim dicts by (actor, item, event, area)."""
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for c in claims:
        loc = c.get("location")
        area = loc.get("country") if isinstance(loc, dict) else loc
        buckets[(c.get("actor"), c.get("item"), c.get("event"), area)].append(c)
    return len(buckets)


def timed(call, limit: float) -> float | None:
    def stop(*_):
        raise TooSlow

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0 = time.perf_counter()
    try:
        call()
        return time.perf_counter() - t0
    except TooSlow:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def line(name: str, n: int, seconds: float | None, base: float, limit: float) -> str:
    if seconds is None:
        return f"{name:<34} {n:>7} claims  did not finish in {limit:.0f} s"
    return (f"{name:<34} {n:>7} claims  {seconds:8.2f} s  {n / seconds:9.0f} claims/s  "
            f"x{seconds / base:,.0f} baseline")


def run(n: int, seeds: list[dict], limit: float, profile: bool) -> None:
    from forcewatch.assess import assess
    from forcewatch.fuse import fuse

    claims = build(n, seeds)
    base = min(timed(lambda: baseline(claims), limit) for _ in range(3))
    print(f"{'baseline (dict grouping)':<34} {n:>7} claims  {base:8.4f} s")
    cases = {"fuse": lambda: fuse(claims),
             "assess eor 2022-02-20 (+trend)": lambda: assess("belarus-ukraine", claims, AS_OF["eor"]),
             "assess news 2022-12-31 (+trend)": lambda: assess("belarus-ukraine", claims, AS_OF["news"])}
    for name, call in cases.items():
        if profile:
            prof = cProfile.Profile()
            prof.enable()
        seconds = timed(call, limit)
        if profile:
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        print(line(name, n, seconds, base, limit), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds allowed per timed call")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions per call")
    args = parser.parse_args()
    seeds = seed_claims()
    print(f"{len(seeds)} seed claims (Eyes on Russia + news); python {sys.version.split()[0]}")
    for n in (int(s) for s in args.sizes.split(",")):
        run(n, seeds, args.limit, args.profile)


if __name__ == "__main__":
    main()
