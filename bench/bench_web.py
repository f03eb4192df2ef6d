"""Web latency on a store of 100,000 claims, as ratios against a bare SQL baseline in the same run.

    .venv/bin/python bench/bench_web.py [--claims 100000] [--rounds 50]

Claims are made by varying real claims (the worked example of claim-schema.md and real
sentences of corpus/news): dates, quantities and places shift, sentences stay real. The
server runs in this process on a loopback port; every loop is bounded.
Baseline: the same page of rows read with one parameterised SELECT, no HTTP, no JSON.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

from web_seed import claims_by_document, hostile_document, news_documents  # noqa: E402

from forcewatch.config import get_settings  # noqa: E402
from forcewatch.extract.claims.storage import to_row  # noqa: E402
from forcewatch.store import open_store  # noqa: E402

CORPUS = Path(ROOT.parent / "shared" / "corpus")
PLACES = [("Mazyr", 52.0495, 29.2456), ("Brest", 52.0976, 23.7341), ("Homel", 52.4345, 30.9754),
          ("Rechytsa", 52.3617, 30.3916), ("Minsk", 53.9045, 27.5615)]


def _varied(quantity: dict | None, factor: float) -> dict | None:
    """The template's own figure, scaled as another report of it would give it (within 20%)."""
    if not quantity:
        return quantity
    scaled = {k: None if quantity.get(k) is None else max(1, round(quantity[k] * factor)) for k in ("low", "high")}
    return {**quantity, **scaled, "text": ""}


def seed(url: str, n: int) -> None:
    """Documents from the corpus and `n` claims varied from the real seed claims."""
    store = open_store(url)
    docs = [*news_documents(CORPUS), hostile_document()]
    templates = [c | {"doc": d} for d, cs in claims_by_document({d.id: d.text for d in docs}).items() for c in cs]
    rng = random.Random(7)
    with store.transaction() as session:
        session.add_all(docs)
        session.flush()
        batch = []
        for i in range(n):
            claim = dict(rng.choice(templates))
            name, lat, lon = rng.choice(PLACES)
            claim["date"] = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            claim["location"] = {"name": name, "country": "Belarus", "lat": lat + rng.uniform(-.2, .2),
                                 "lon": lon + rng.uniform(-.2, .2)}
            claim["quantity"] = _varied(claim.get("quantity"), rng.uniform(0.8, 1.2))
            batch.append(to_row(claim))
            if len(batch) == 5000 or i == n - 1:
                session.add_all(batch)
                session.flush()
                batch = []
    store.close()


CASES = {
    "GET /api/claims?item=tank": "/api/claims?item=tank",
    "GET /api/claims?region=Mazyr&sort=-quantity": "/api/claims?region=Mazyr&sort=-quantity",
    "GET /api/claims.geojson (no bbox, limit 2000)": "/api/claims.geojson",
    "GET /api/claims.geojson?bbox (Mazyr view)": "/api/claims.geojson?bbox=29,51.8,29.5,52.3&since=2022-06",
    "GET /api/claims.geojson?bbox&limit=500": "/api/claims.geojson?bbox=23,51,31,54&limit=500",
    "GET /claims (page)": "/claims?item=tank",
    "GET /map (page)": "/map",
    "GET /documents/002 (page)": "/documents/002",
}
# Pages over fusion or assessment: at first the computation outlasts the wait, so they
# render a "still being computed" notice after WAIT_SECONDS (timed with few rounds); once
# COLD has waited for the results, they are timed again from the cache.
ANALYSIS_PAGES = {"GET / (overview page)": "/", "GET /timeline (page)": "/timeline", "GET /sources (page)": "/sources"}
COLD = {"GET /api/problems/.../assessment (first)": "/api/problems/belarus-ukraine/assessment",
        "GET /api/groups (first: fuse every claim)": "/api/groups",
        "GET /api/estimates (first: after the fusion)": "/api/estimates",
        "GET /api/sources (first: after the fusion)": "/api/sources"}


def first_load(client: httpx.Client, path: str, wait_s: float) -> str:
    """Time until the first 200 (503 "computing" answers are retried every 2 s, at most `wait_s`)."""
    t0 = time.perf_counter()
    while True:
        status = client.get(path).status_code
        elapsed = time.perf_counter() - t0
        if status != 503:
            return f"HTTP {status} after {elapsed:8.2f} s"
        if elapsed > wait_s:
            return f"still computing after {elapsed:.0f} s (HTTP 503 'computing'; pages show a notice)"
        time.sleep(2)


def timed(call, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        call()
        out.append(time.perf_counter() - t0)
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def serve(url: str):
    import uvicorn

    from forcewatch.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(get_settings(db_url=url)), host="127.0.0.1", port=0,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--wait", type=float, default=120, help="Seconds to wait for the first fusion/assessment.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        t0 = time.perf_counter()
        seed(url, args.claims)
        print(f"seeded {args.claims} claims in {time.perf_counter() - t0:.1f}s")
        store = open_store(url)
        sql = text("SELECT * FROM claims WHERE item = :item ORDER BY date DESC, id LIMIT 50")
        with store.engine.connect() as conn:
            base = timed(lambda: conn.execute(sql, {"item": "tank"}).fetchall(), args.rounds)
        server, root = serve(url)
        b50, b95 = pct(base, 50), pct(base, 95)
        print(f"baseline SQL page: p50 {b50 * 1000:.2f} ms, p95 {b95 * 1000:.2f} ms")
        with httpx.Client(base_url=root, timeout=600) as client:
            for label, path in CASES.items():
                times = timed(lambda p=path: client.get(p).raise_for_status(), args.rounds)
                p50, p95 = pct(times, 50), pct(times, 95)
                print(f"{label:48s} p50 {p50 * 1000:8.1f} ms ({p50 / b50:6.1f}x)  p95 {p95 * 1000:8.1f} ms ({p95 / b95:6.1f}x)")
            # last: a running fusion shares this process's interpreter and would slow the cases above
            for label, path in ANALYSIS_PAGES.items():
                times = timed(lambda p=path: client.get(p).raise_for_status(), 3)
                print(f"{label:48s} median of 3: {statistics.median(times):8.2f} s")
            for label, path in COLD.items():  # computed in the background, then cached
                print(f"{label:48s} {first_load(client, path, args.wait)}")
            for label, path in ANALYSIS_PAGES.items():  # now served from the cache
                times = timed(lambda p=path: client.get(p).raise_for_status(), args.rounds)
                p50, p95 = pct(times, 50), pct(times, 95)
                print(f"{label + ' once computed':48s} p50 {p50 * 1000:8.1f} ms ({p50 / b50:6.1f}x)  "
                      f"p95 {p95 * 1000:8.1f} ms ({p95 / b95:6.1f}x)")
        server.should_exit = True
        store.close()


if __name__ == "__main__":
    main()
