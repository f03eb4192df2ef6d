"""Words per second of the mention pipeline beside bare en_core_web_sm, same texts, same run.

    .venv/bin/python bench/bench_mentions.py [--shared ../shared] [--processes 2]

Reads every re3d document (`corpus/re3d/*/documents.json`, field "text"), runs each
pipeline over all of them with `nlp.pipe(n_process=N)`, and prints words/s and the
ratio mention/bare (target: >= 0.7).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from forcewatch.extract.mentions import load_pipeline
from forcewatch.extract.mentions.basemodel import load_base_model


def re3d_texts(shared: Path) -> list[str]:
    texts = []
    for path in sorted((shared / "corpus" / "re3d").glob("*/documents.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def words_per_second(nlp, texts: list[str], processes: int) -> float:
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, n_process=processes, batch_size=16))
    return words / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    texts = re3d_texts(args.shared)
    mentions, bare = load_pipeline(), load_base_model("en_core_web_sm")
    mentions("warm up the knowledge base and the models")
    bare_wps = words_per_second(bare, texts, args.processes)
    mention_wps = words_per_second(mentions, texts, args.processes)
    print(f"documents: {len(texts)}  processes: {args.processes}")
    print(f"bare en_core_web_sm: {bare_wps:,.0f} words/s")
    print(f"mention pipeline:    {mention_wps:,.0f} words/s")
    print(f"ratio: {mention_wps / bare_wps:.2f}")


if __name__ == "__main__":
    main()
