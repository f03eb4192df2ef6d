"""Evaluation gate on held-out set C: eight pages (an AP wire story, a Ukrinform page with
"Read also" teasers and a photo caption, a Zerkalo translation, an explainer with a
Timeline of non-force numbers, a Newsweek page with embedded tweets, a Defense News piece
with units and models, a UNIAN short item, a Meduza analysis); gold written before the
extractor ran on them (genre_c/README.md has the untouched first-run figures).

The floors live in genre_c_baseline.json; quality can only go up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.extract.claims.api import extract_paths
from forcewatch.extract.claims.scoring import read_jsonl, score

GENRE_C = Path(__file__).parent / "genre_c"
BASELINE = json.loads((Path(__file__).parent / "genre_c_baseline.json").read_text())


@pytest.fixture(scope="module")
def figures() -> dict:
    claims, errors = extract_paths(sorted(str(p) for p in GENRE_C.glob("*.txt")))
    assert errors == []
    return score(read_jsonl(GENRE_C / "gold-claims.jsonl"), claims)


def test_every_held_out_article_has_gold_claims():
    docs = {row["doc"] for row in read_jsonl(GENRE_C / "gold-claims.jsonl")}
    assert docs == {p.stem for p in GENRE_C.glob("*.txt")} and len(docs) >= 8


@pytest.mark.parametrize("figure", [k for k in BASELINE if not k.startswith("_") and k != "trap_hits_max"])
def test_held_out_articles_meet_floor(figures, figure):
    assert figures[figure] >= BASELINE[figure], f"{figure} fell to {figures[figure]} (floor {BASELINE[figure]})"


def test_held_out_trap_numbers_stay_below_ceiling(figures):
    assert figures["trap_hits"] <= BASELINE["trap_hits_max"]
