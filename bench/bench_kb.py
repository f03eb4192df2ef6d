"""Knowledge-base speed: load time and lookups/s, against baselines measured in the same run.

Run: .venv/bin/python bench/bench_kb.py
Prints absolute times and ratios; the ratios are what to compare between machines.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from forcewatch.knowledge import KnowledgeBase
from forcewatch.knowledge.loader import DATA_DIR

NAMES = ["Т-72Б3", "T72-B3", "MSTA-S", "Iskender", "BMP-2s", "Tocha U", "2S19 Msta-S", "Geran-2", "HIMARS", "howitzers"]
TEXT = (
    "Russia will send some 170 tanks, up to 200 armored combat vehicles and up to 100 artillery pieces "
    "and mortars to the southern border of Belarus, near Mozyr and Rechitsa, the Belarusian Defense "
    "Ministry reported; Ukrainian intelligence (GUR) said the 1st GTA had moved T-80BV and 2S19 Msta-S "
    "howitzers, with Iskander-M launchers and Tor-M2 systems, toward northern Ukraine."
)


def timed(fn, repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def bench_load() -> None:
    # Baseline: just reading the bytes of every shipped data file.
    files = [p for p in DATA_DIR.rglob("*") if p.is_file()]
    baseline = timed(lambda: [p.read_bytes() for p in files])
    # Baseline 2: json-parsing the border file, the largest structured file.
    borders = timed(lambda: json.loads(Path(DATA_DIR / "places" / "borders.geojson").read_text()))

    def load_all() -> None:
        base = KnowledgeBase([])
        base.stats()
        base.units.parse("1st GTA")
        base.places.shapes  # noqa: B018 - force the polygons too

    full = timed(load_all)
    print(f"load whole base: {full:.3f} s  (read bytes {baseline:.4f} s -> x{full / baseline:.0f}; "
          f"json borders {borders:.4f} s -> x{full / borders:.1f})")


def bench_lookups(base: KnowledgeBase) -> None:
    plain = {n.lower(): n for n in NAMES}
    n = 20000
    dict_s = timed(lambda: [plain.get(x.lower()) for x in NAMES], repeat=n // len(NAMES))
    kb_s = timed(lambda: [base.equipment.lookup(x) for x in NAMES], repeat=n // len(NAMES))
    print(f"equipment.lookup: {len(NAMES) / kb_s:,.0f}/s  (plain dict {len(NAMES) / dict_s:,.0f}/s -> x{kb_s / dict_s:.0f} slower)")
    words = TEXT.split()
    split_s = timed(lambda: [w in plain for w in TEXT.split()], repeat=2000)
    find_s = timed(lambda: base.find(TEXT), repeat=200)
    print(f"kb.find on a {len(words)}-word sentence: {1 / find_s:,.0f} sentences/s  "
          f"(split+set baseline {1 / split_s:,.0f}/s -> x{find_s / split_s:.0f} slower)")
    # A new sentence each time: nothing cached between calls (the usual case in a document).
    fresh = iter(range(10**9))
    fresh_s = timed(lambda: base.find(f"{TEXT} ({next(fresh)})"), repeat=200)
    print(f"kb.find, a new sentence each call: {1 / fresh_s:,.0f} sentences/s  (x{fresh_s / split_s:.0f} the baseline)")
    places_s = timed(lambda: base.places.find(f"{TEXT} ({next(fresh)})"), repeat=200)
    print(f"places.find, a new sentence each call: {1 / places_s:,.0f} sentences/s  (x{places_s / split_s:.0f} the baseline)")
    resolve_s = timed(lambda: base.places.resolve("Rechitsa"), repeat=5000)
    print(f"places.resolve: {1 / resolve_s:,.0f}/s")


if __name__ == "__main__":
    bench_load()
    warm = KnowledgeBase([])
    warm.find(TEXT)  # loads the border polygons a border phrase needs, once
    bench_lookups(warm)
