"""Reading claim dicts the same way in every exporter and in the report.

Claims follow `docs/claim-schema.md`: `location`, `origin`, `destination` and `source` may
be a string or an object, `quantity` may be null, `date` may be partial ("2022-09").
These helpers flatten those variants once, so each format only decides its layout.
"""

from __future__ import annotations

import calendar
import hashlib
import json
from datetime import date
from typing import Any

from ..errors import MalformedInput

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
    """`"Belarus"` or `{"name": "Belarus", ...}` -> `"Belarus"`."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        return value.get("name") or value.get("text") or value.get("country")
    return str(value)


def source_name(value: Any) -> str | None:
    """A source given as a string or as `{"name": ...}`."""
    return place_name(value)


def place_country(value: Any) -> str | None:
    """The country an object location names, when it names one."""
    return value.get("country") if isinstance(value, dict) else None


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _coords_of(value: Any) -> tuple[float, float] | None:
    """`{"lat", "lon"}` or a `[lat, lon]` pair, when both are in range."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        lat, lon = _float(value[0]), _float(value[1])
    elif isinstance(value, dict):
        lat, lon = _float(value.get("lat")), _float(value.get("lon"))
    else:
        return None
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def claim_coords(claim: dict) -> tuple[float, float] | None:
    """(lat, lon) of where the claim happens: `location_coords`, else the location object,
    else the destination object (a deployment's place is where the forces go)."""
    for value in (claim.get("location_coords"), claim.get("location"), claim.get("destination")):
        found = _coords_of(value)
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


def date_span(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO date or partial date can mean ("2022-09" -> Sep 1..30)."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


def _ref_ids(ref: Any) -> list[str]:
    """Claim ids in one side of a contradiction: an id, a claim, an evidence dict
    (`{"claim": id}`) or a fusion group (`{"claims": [...]}`)."""
    if ref is None:
        return []
    if isinstance(ref, dict):
        if isinstance(ref.get("claims"), list):
            return [i for r in ref["claims"] for i in _ref_ids(r)]
        if ref.get("claim") is not None:
            return [str(ref["claim"])]
        return [claim_id(ref)]
    return [str(ref)]


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
