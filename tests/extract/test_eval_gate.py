"""Evaluation gate: claims on the sample articles may not fall below the pinned floors.

The floors live in eval_baseline.json (trafilatura-style): quality can only go up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.extract.claims.api import extract_paths
from forcewatch.extract.claims.scoring import read_jsonl, score

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


@pytest.fixture(scope="module")
def figures(corpus) -> dict:
    news = corpus / "news"
    claims, errors = extract_paths([str(news / "001.txt"), str(news / "002.txt")])
    assert errors == []
    return score(read_jsonl(news / "gold-claims.jsonl"), claims)


@pytest.mark.parametrize("figure", [k for k in BASELINE if not k.startswith("_") and k != "trap_hits_max"])
def test_sample_articles_meet_floor(figures, figure):
    assert figures[figure] >= BASELINE[figure], f"{figure} fell to {figures[figure]} (floor {BASELINE[figure]})"


def test_no_trap_number_becomes_a_claim(figures):
    assert figures["trap_hits"] <= BASELINE["trap_hits_max"]
