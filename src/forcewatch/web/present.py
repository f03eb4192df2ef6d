"""Display helpers: how a claim reads in a table row or a card."""

from __future__ import annotations

from ..export.claims import place_name as name_of  # one reading of "a name or an object with one"
from .highlight import find_spans, highlight


def quantity_label(quantity: dict | None) -> str:
    """"some 170" stays as written; bounds alone read "≤ 9000", "> 90", "10000–15000"."""
    if not quantity:
        return ""
    if quantity.get("text"):
        return quantity["text"]
    low, high = quantity.get("low"), quantity.get("high")
    if low is not None and low == high:
        return f"~{low}" if quantity.get("approx") else str(low)
    if low is None:
        return f"≤ {high}" if high is not None else ""
    return f"> {low}" if high is None else f"{low}–{high}"


def evidence(claim: dict):
    """The sentence with the quantity, equipment, unit, source and place marked."""
    sentence = claim.get("sentence") or ""
    spans = find_spans(sentence, [(claim.get("quantity") or {}).get("text") or ""], "ev-q")
    spans += find_spans(sentence, list(claim.get("equipment") or []) + [claim.get("unit") or ""], "mention m-equipment")
    spans += find_spans(sentence, [name_of(claim.get("source")) or ""], "mention m-source")
    places = [name_of(claim.get(k)) or "" for k in ("location", "origin", "destination")]
    spans += find_spans(sentence, places, "mention m-place")
    return highlight(sentence, spans)


def decorate(claim: dict) -> dict:
    """The claim plus the labels the templates show."""
    return {**claim, "quantity_label": quantity_label(claim.get("quantity")), "evidence_html": evidence(claim),
            "source_label": name_of(claim.get("source")) or claim.get("outlet")}
