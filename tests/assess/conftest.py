"""Claims for fusion tests, built from sentences in the style of defence reporting."""

from __future__ import annotations

import pytest


def build_claim(sentence: str, event: str, item: str | None, **fields) -> dict:
    """A claim-schema dict; `fields` override the defaults (actor Russia, in Belarus)."""
    claim = {"doc": fields.pop("doc", "d1"), "sentence": sentence, "start": 0, "end": len(sentence), "event": event,
             "actor": "Russia", "item": item, "equipment": [], "unit": None, "quantity": None, "location": "Belarus",
             "origin": None, "destination": None, "date": None, "published": "2022-10-17", "source": None,
             "outlet": None, "modality": "reported", "negated": False}
    qty = fields.pop("qty", None)
    if qty is not None:
        low, high, text = qty
        claim["quantity"] = {"low": low, "high": high, "approx": "about" in text or "some" in text, "text": text}
    claim.update(fields)
    return claim


@pytest.fixture
def make_claim():
    return build_claim
