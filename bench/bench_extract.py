"""Words per second of claim extraction beside bare en_core_web_sm, same texts, same run.

    .venv/bin/python bench/bench_extract.py [--shared ../shared] [--processes 2]

Texts: the re3d documents (`corpus/re3d/*/documents.json`) and the sample news articles.
Bare: `nlp.pipe(texts)` of the configured spaCy model in N worker processes. Extraction: the full
claim extraction (parse, quantities, attribution, places, dates) in N worker processes.
Start-up is not extraction: each worker loads the model and the knowledge base (one
warm-up sentence, about a second of index building) before the clock starts.
Prints both rates and the ratio extraction/bare (target: >= 0.6, aim >= 0.7), by wall
clock and by CPU time of the workers: on a machine shared with other jobs the wall-clock
ratio swings with their load, the CPU-time ratio much less.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from forcewatch.extract.claims import extract_claims
from forcewatch.extract.nlp import load_nlp


def texts_of(shared: Path) -> list[str]:
    texts = []
    for path in sorted((shared / "corpus" / "re3d").glob("*/documents.json")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "news").glob("*.txt"))]
    return texts


WARM_UP = "Russia will send 170 tanks to the southern border of Belarus, the Belarusian Defense Ministry said."


def _warm(_=None) -> None:
    """Load the model and the lazily built knowledge-base indexes in this process."""
    load_nlp()
    extract_claims(WARM_UP, "warm-up")


def _extract_batch(texts: list[str]) -> tuple[int, float]:
    load_nlp()
    started = time.process_time()
    claims = sum(len(extract_claims(t, str(i))) for i, t in enumerate(texts))
    return claims, time.process_time() - started


def _bare_batch(texts: list[str]) -> float:
    nlp = load_nlp()
    started = time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.process_time() - started


def measure(texts: list[str], processes: int) -> dict:
    """Wall-clock and CPU seconds of bare parsing and of extraction, in the same warmed
    worker processes, one after the other (no process start-up inside either clock)."""
    chunks = [texts[i::processes] for i in range(processes)]
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(_warm, [None] * processes))  # model and KB loading is not extraction
        started = time.perf_counter()
        bare_cpu = sum(pool.map(_bare_batch, chunks))
        bare_wall = time.perf_counter() - started
        started = time.perf_counter()
        results = list(pool.map(_extract_batch, chunks))
        extract_wall = time.perf_counter() - started
    return {"bare_wall": bare_wall, "bare_cpu": bare_cpu, "extract_wall": extract_wall,
            "extract_cpu": sum(cpu for _, cpu in results), "claims": sum(n for n, _ in results)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the median ratio is reported")
    args = parser.parse_args()
    texts = texts_of(args.shared)
    words = sum(len(t.split()) for t in texts)
    rounds = [measure(texts, args.processes) for _ in range(args.repeat)]
    wall = statistics.median(m["bare_wall"] / m["extract_wall"] for m in rounds)
    cpu = statistics.median(m["bare_cpu"] / m["extract_cpu"] for m in rounds)
    m = rounds[-1]
    print(f"texts: {len(texts)}  words: {words}  claims: {m['claims']}  processes: {args.processes}  rounds: {args.repeat}")
    print(f"bare {load_nlp().meta['name']}: {words / m['bare_wall']:,.0f} words/s (last round)")
    print(f"claim extraction:  {words / m['extract_wall']:,.0f} words/s (last round)")
    print(f"ratio extraction/bare, median: wall clock {wall:.2f}, CPU time {cpu:.2f} (target >= 0.6, aim >= 0.7)")

if __name__ == "__main__":
    main()
