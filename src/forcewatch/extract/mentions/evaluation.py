"""Scoring the mention pipeline on a CoNLL file (re3d types, entity-level)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from .conll import bio_spans, read_conll, to_doc
from .scoring import score_spans


def predicted_spans(nlp: Language, sentences) -> list[list[tuple[int, int, str]]]:
    """re3d-typed token spans (`doc.ents`) the whole pipeline finds in each pre-tokenised sentence."""
    docs = nlp.pipe(to_doc(nlp.vocab, s) for s in sentences)
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


def evaluate_conll(nlp: Language, path: str | Path, lenient: bool = False) -> dict:
    """Micro and per-type precision, recall and F1 of `nlp` on the CoNLL file at `path`."""
    sentences = read_conll(path)
    predicted = predicted_spans(nlp, sentences)
    result = score_spans(((bio_spans(s.tags), p) for s, p in zip(sentences, predicted, strict=True)), lenient)
    result["sentences"] = len(sentences)
    result["mode"] = "lenient" if lenient else "exact"
    return result
