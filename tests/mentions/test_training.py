"""Training is deterministic: the same sentences, settings and seed give the same model."""

from __future__ import annotations

import pytest

from forcewatch.extract.mentions.conll import read_conll
from forcewatch.extract.mentions.training import load_train_config, predict_spans, train_ner


@pytest.fixture(scope="module")
def train_slice(corpus):
    sentences = read_conll(corpus / "re3d" / "conll" / "re3d-train.conll")
    return sentences[:40], sentences[40:70]


def _run(sentences, seed: int):
    config = load_train_config(**{"training.seed": seed, "training.max_epochs": 2})
    return train_ner(sentences, "en_core_web_sm", config)


def test_same_seed_gives_same_losses_and_predictions(train_slice):
    train, held_out = train_slice
    first, second = _run(train, 3), _run(train, 3)
    assert first.losses == second.losses
    assert predict_spans(first.nlp, held_out) == predict_spans(second.nlp, held_out)


def test_other_seed_gives_other_losses(train_slice):
    train, _ = train_slice
    assert _run(train, 3).losses != _run(train, 4).losses


def test_warm_start_learns_re3d_labels_only(train_slice):
    train, held_out = train_slice
    result = _run(train, 3)
    labels = set(result.nlp.get_pipe("ner").labels)
    assert "Organisation" in labels and "ORG" not in labels
    predicted = {label for spans in predict_spans(result.nlp, held_out) for _, _, label in spans}
    assert predicted and predicted <= labels
