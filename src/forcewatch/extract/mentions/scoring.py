"""Entity-level precision, recall and F1 (seqeval-style exact spans, or lenient overlap)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

Span3 = tuple[int, int, str]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def _overlaps(a: Span3, b: Span3) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def _count_sentence(gold: set[Span3], pred: set[Span3], lenient: bool, counts: dict[str, Counter]) -> None:
    if not lenient:
        for span in pred:
            counts["tp" if span in gold else "fp"][span[2]] += 1
        for span in gold - pred:
            counts["fn"][span[2]] += 1
        return
    for span in pred:
        counts["tp" if any(_overlaps(span, g) for g in gold) else "fp"][span[2]] += 1
    for span in gold:
        if not any(_overlaps(span, p) for p in pred):
            counts["fn"][span[2]] += 1


def score_spans(pairs: Iterable[tuple[Iterable[Span3], Iterable[Span3]]], lenient: bool = False) -> dict:
    """Score `(gold, predicted)` span lists per sentence.

    Exact mode counts a predicted span right only when start, end and type all match.
    Lenient mode counts any predicted span that overlaps a gold span of the same type as
    a true positive, and a gold span as missed only when no prediction of its type overlaps it.
    Returns `{"micro": {p, r, f1, tp, fp, fn}, "per_type": {type: {p, r, f1, tp, fp, fn}}}`.
    """
    counts: dict[str, Counter] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    for gold, pred in pairs:
        _count_sentence(set(gold), set(pred), lenient, counts)
    types = sorted(set(counts["tp"]) | set(counts["fp"]) | set(counts["fn"]))
    per_type = {}
    for name in types:
        tp, fp, fn = counts["tp"][name], counts["fp"][name], counts["fn"][name]
        per_type[name] = {**_prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}
    tp, fp, fn = (sum(counts[k].values()) for k in ("tp", "fp", "fn"))
    return {"micro": {**_prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}, "per_type": per_type}
