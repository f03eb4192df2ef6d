"""Reading claim dicts the same way in every exporter and in the report.

Claims follow `docs/claim-schema.md`: `location`, `origin`, `destination` and `source` may
be a string or an object, `quantity` may be null, `date` may be partial ("2022-09").
These helpers flatten those variants once, so each format only decides its layout; the
primitives (names, coordinates, partial dates) are fusion's own (`fuse.claim`), so every
stage reads a claim the same way.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..errors import MalformedInput
from ..fuse.claim import coords_of, name_of
from ..fuse.claim import date_span as date_span  # re-exported: exporters, charts and the web read dates here

# The contract's fields in the schema's order, then the extras exporters carry along.
SCHEMA_FIELDS = (
    "doc", "sentence", "start", "end", "event", "actor", "item", "equipment", "unit",
    "quantity", "location", "origin", "destination", "date", "source", "outlet",
    "modality", "negated",
)
EXTRA_FIELDS = ("id", "published", "location_coords")
CLAIM_FIELDS = SCHEMA_FIELDS + EXTRA_FIELDS
EVENTS = (
    "deployment", "movement", "withdrawal", "presence", "exercise", "readiness",
    "strike", "loss", "assessment", "denial",
)
REQUIRED_FIELDS = ("doc", "sentence", "event")


def claim_id(claim: dict) -> str:
    """The claim's own `id`, or a stable one made from where and what it says."""
    if claim.get("id") not in (None, ""):
        return str(claim["id"])
    key = json.dumps(
        [claim.get("doc"), claim.get("start"), claim.get("event"), claim.get("item"),
         claim.get("quantity"), claim.get("equipment"), claim.get("unit")],
        sort_keys=True, default=str,
    )
    return f"{claim.get('doc')}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def place_name(value: Any) -> str | None:
    """`"Belarus"` or `{"name": "Belarus", ...}` -> `"Belarus"`; an object naming only a country gives it."""
    return name_of(value) or place_country(value)


def source_name(value: Any) -> str | None:
    """A source given as a string or as `{"name": ...}`."""
    return place_name(value)


def attributed_to(claim: dict) -> str | None:
    """Who a claim is credited to: its source, else the outlet that published it."""
    return source_name(claim.get("source")) or claim.get("outlet") or None


def place_country(value: Any) -> str | None:
    """The country an object location names, when it names one."""
    return value.get("country") if isinstance(value, dict) else None


def claim_coords(claim: dict) -> tuple[float, float] | None:
    """(lat, lon) of where the claim happens: `location_coords`, else the location object,
    else the destination object (a deployment's place is where the forces go)."""
    for value in (claim.get("location_coords"), claim.get("location"), claim.get("destination")):
        found = coords_of(value)
        if found:
            return found
    return None


def claim_date(claim: dict) -> str | None:
    """The claim's date, or the document's publication date when the claim has none."""
    return claim.get("date") or claim.get("published") or None


def quantity_parts(claim: dict) -> tuple[int | None, int | None, bool | None, str | None]:
    """(low, high, approx, text) of the claim's quantity; all None when it has none."""
    q = claim.get("quantity")
    if not isinstance(q, dict):
        return None, None, None, None
    return q.get("low"), q.get("high"), q.get("approx"), q.get("text")


def ref_id(ref: Any) -> str:
    """A cited claim's id: from an evidence dict (`{"claim": id}`), a claim, or an id."""
    if isinstance(ref, dict):
        return str(ref["claim"]) if ref.get("claim") is not None else claim_id(ref)
    return str(ref)


def _ref_ids(ref: Any) -> list[str]:
    """Claim ids in one side of a contradiction: what `ref_id` reads, or a fusion group
    (`{"claims": [...]}`)."""
    if ref is None:
        return []
    if isinstance(ref, dict) and isinstance(ref.get("claims"), list):
        return [i for r in ref["claims"] for i in _ref_ids(r)]
    return [ref_id(ref)]


def normalise_contradictions(items: Any) -> list[dict]:
    """Contradictions as `{"claims": [ids], "sides": [[ids], [ids]], "kind", "reason"}`,
    from fusion's `Contradiction.to_dict()` or any dict with `claims`."""
    out = []
    for item in items or []:
        item = item.to_dict() if hasattr(item, "to_dict") else item
        sides = [_ref_ids(item.get("a")), _ref_ids(item.get("b"))] if "a" in item else [
            _ref_ids(r) for r in item.get("claims") or item.get("claim_ids") or []]
        reason = item.get("reason") or item.get("note") or item.get("explanation") or item.get("kind") or ""
        out.append({"claims": [i for side in sides for i in side], "sides": sides,
                    "kind": item.get("kind") or "", "reason": str(reason)})
    return out


def check_claim(claim: Any, where: str) -> dict:
    """Return the claim when it has the contract's core; raise MalformedInput otherwise."""
    if not isinstance(claim, dict):
        raise MalformedInput(where, f"a claim must be a JSON object, got {type(claim).__name__}",
                             "each claim is an object with the fields of docs/claim-schema.md")
    missing = [name for name in REQUIRED_FIELDS if claim.get(name) in (None, "")]
    if missing:
        raise MalformedInput(where, f"claim lacks {', '.join(missing)}",
                             "every claim needs doc, sentence and event")
    if claim["event"] not in EVENTS:
        raise MalformedInput(where, f"unknown event {claim['event']!r}", f"use one of {', '.join(EVENTS)}")
    return claim
