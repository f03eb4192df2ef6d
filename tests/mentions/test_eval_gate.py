"""Quality gate: the shipped pipeline must not score below the pinned floors on re3d-test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.extract.mentions import load_pipeline
from forcewatch.extract.mentions.evaluation import evaluate_conll

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(corpus):
    return evaluate_conll(load_pipeline(), corpus / BASELINE["file"])


def test_micro_f1_stays_above_floor(result):
    assert result["sentences"] == 200
    assert result["micro"]["tp"] + result["micro"]["fn"] == 676  # every gold entity of the test file counted
    assert result["micro"]["f1"] >= BASELINE["micro_f1"], result["micro"]


@pytest.mark.parametrize("label", sorted(BASELINE["per_type_f1"]))
def test_per_type_f1_stays_above_floor(result, label):
    assert result["per_type"][label]["f1"] >= BASELINE["per_type_f1"][label], result["per_type"][label]


def test_lenient_scoring_is_at_least_exact(corpus, result):
    lenient = evaluate_conll(load_pipeline(), corpus / BASELINE["file"], lenient=True)
    assert lenient["micro"]["f1"] >= result["micro"]["f1"]
