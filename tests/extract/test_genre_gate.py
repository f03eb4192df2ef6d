"""Evaluation gate on the genre dev set: twelve articles we wrote in the style of the
scored genre (tests/extract/genre/README.md), with gold claims written before extraction.

The floors live in genre_baseline.json; quality can only go up. The sample articles have
their own gate (test_eval_gate.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.extract.claims.api import extract_paths
from forcewatch.extract.claims.scoring import read_jsonl, score

GENRE = Path(__file__).parent / "genre"
BASELINE = json.loads((Path(__file__).parent / "genre_baseline.json").read_text())


@pytest.fixture(scope="module")
def figures() -> dict:
    claims, errors = extract_paths(sorted(str(p) for p in GENRE.glob("*.txt")))
    assert errors == []
    return score(read_jsonl(GENRE / "gold-claims.jsonl"), claims)


def test_every_article_has_gold_claims():
    docs = {row["doc"] for row in read_jsonl(GENRE / "gold-claims.jsonl")}
    assert docs == {p.stem for p in GENRE.glob("*.txt")} and len(docs) >= 12


@pytest.mark.parametrize("figure", [k for k in BASELINE if not k.startswith("_") and k != "trap_hits_max"])
def test_genre_articles_meet_floor(figures, figure):
    assert figures[figure] >= BASELINE[figure], f"{figure} fell to {figures[figure]} (floor {BASELINE[figure]})"


def test_trap_numbers_stay_below_ceiling(figures):
    assert figures["trap_hits"] <= BASELINE["trap_hits_max"]
