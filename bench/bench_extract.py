"""Words per second of claim extraction beside bare en_core_web_sm, same texts, same run.

    .venv/bin/python bench/bench_extract.py [--shared ../shared] [--processes 2]

Texts: the re3d documents (`corpus/re3d/*/documents.json`) and the sample news articles.
Bare: `nlp.pipe(texts, n_process=N)` of the configured spaCy model. Extraction: the full
claim extraction (parse, quantities, attribution, places, dates) in N worker processes.
Prints both rates and the ratio extraction/bare (target: >= 0.6, aim >= 0.7), by wall
clock and by CPU time of the workers: on a machine shared with other jobs the wall-clock
ratio swings with their load, the CPU-time ratio much less.
"""

from __future__ import annotations

import argparse
import json
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


def cpu_seconds(texts: list[str], processes: int) -> tuple[float, float]:
    """CPU seconds of bare parsing and of extraction, summed over the worker processes."""
    chunks = [texts[i::processes] for i in range(processes)]
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(load_nlp, [None] * processes))
        bare = sum(pool.map(_bare_batch, chunks))
        extract = sum(cpu for _, cpu in pool.map(_extract_batch, chunks))
    return bare, extract


def bare_rate(texts: list[str], words: int, processes: int) -> float:
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
        pass
    return words / (time.perf_counter() - started)


def extract_rate(texts: list[str], words: int, processes: int) -> tuple[float, int]:
    chunks = [texts[i::processes] for i in range(processes)]
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(load_nlp, [None] * processes))  # warm the workers: model loading is not extraction
        started = time.perf_counter()
        claims = sum(n for n, _ in pool.map(_extract_batch, chunks))
    return words / (time.perf_counter() - started), claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    texts = texts_of(args.shared)
    words = sum(len(t.split()) for t in texts)
    bare = bare_rate(texts, words, args.processes)
    rate, claims = extract_rate(texts, words, args.processes)
    print(f"texts: {len(texts)}  words: {words}  claims: {claims}  processes: {args.processes}")
    print(f"bare {load_nlp().meta['name']}: {bare:,.0f} words/s")
    print(f"claim extraction:  {rate:,.0f} words/s")
    print(f"ratio extraction/bare: {rate / bare:.2f} (target >= 0.6, aim >= 0.7)")
    bare_cpu, extract_cpu = cpu_seconds(texts, args.processes)
    print(f"CPU seconds: bare {bare_cpu:.1f}, extraction {extract_cpu:.1f}; ratio {bare_cpu / extract_cpu:.2f}")


if __name__ == "__main__":
    main()
