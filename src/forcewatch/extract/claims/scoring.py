"""Scoring claims against gold claims: the figures of the shared `score_claims.py`.

The same rules, re-implemented in the package so `forcewatch eval claims` needs nothing
outside it (a test checks that both give the same figures on the same input): a gold
claim is found by the first unused system claim of its document whose sentence holds
the gold evidence, whose item matches and, for quantity claims, whose low/high cover
the gold values. Quantity precision counts system claims with a number; traps are gold
numbers that must not become claims.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ...errors import MalformedInput, MissingInput

EQUIVALENT_ITEMS = [{"armoured_vehicle", "ifv", "apc", "afv"}]
_FOLD = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}


def norm(text) -> str:
    text = (text or "").lower()
    for a, b in _FOLD.items():
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip()


def as_text(value) -> str:
    """A field as text: a string, a list of strings, or an object's name-like keys."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(as_text(v) for k, v in value.items() if k in ("name", "canonical", "text", "label"))
    if isinstance(value, list | tuple):
        return " ".join(as_text(v) for v in value)
    return str(value)


def _item_ok(gold, claim) -> bool:
    if gold is None or gold == claim:
        return True
    return any(gold in group and claim in group for group in EQUIVALENT_ITEMS)


def _values(claim: dict) -> set:
    q = claim.get("quantity") or {}
    return {v for v in (q.get("low"), q.get("high")) if isinstance(v, int | float) and not isinstance(v, bool)}


def _quantity_ok(gold: dict, claim: dict) -> bool:
    wanted = {v for v in (gold["quantity"]["low"], gold["quantity"]["high"]) if v is not None}
    return wanted <= _values(claim) if wanted else bool(claim.get("quantity"))


def _alias_in(aliases, text: str) -> bool:
    return any(norm(a) in norm(text) for a in aliases) if aliases else True


def _matches(gold: dict, claim: dict) -> bool:
    if norm(gold["evidence"]) not in norm(claim.get("sentence")) or not _item_ok(gold.get("item"), claim.get("item")):
        return False
    return _quantity_ok(gold, claim) if gold["kind"] == "quantity" else True


def _pair(golds: list[dict], claims: list[dict]) -> tuple[list, list, set]:
    used: set[int] = set()
    found, missed = [], []
    for g in golds:
        hit = next((i for i, c in enumerate(claims) if i not in used and str(c.get("doc")) == g["doc"] and _matches(g, c)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            found.append((g, claims[hit]))
    return found, missed, used


def _recall(golds: list[dict], found: list, kind: str) -> float | None:
    wanted = [g for g in golds if g["kind"] == kind and not g.get("optional")]
    got = [g for g, _ in found if g["kind"] == kind and not g.get("optional")]
    return round(len(got) / len(wanted), 3) if wanted else None


def _accuracy(found: list, check) -> float | None:
    return round(sum(1 for g, c in found if check(g, c)) / len(found), 3) if found else None


def _trap_hits(traps: list[dict], claims: list[dict]) -> list[dict]:
    hits = []
    for t in traps:
        for c in claims:
            if str(c.get("doc")) != t["doc"] or not _values(c) or norm(t["text"]) not in norm(c.get("sentence")):
                continue
            qtext = norm(as_text((c.get("quantity") or {}).get("text")))
            if qtext and set(qtext.split()) & set(norm(t["text"]).split()):
                hits.append({"doc": t["doc"], "trap": t["text"], "claim": qtext})
    return hits


def score(gold_rows: list[dict], claims: list[dict], misses: bool = False) -> dict:
    """The figures of score_claims.py for `claims` against `gold_rows` (documents in gold only)."""
    docs = {g["doc"] for g in gold_rows}
    claims = [c for c in claims if str(c.get("doc")) in docs]
    golds = [g for g in gold_rows if g["kind"] in ("quantity", "event")]
    found, missed, used = _pair(golds, claims)
    with_q = [i for i, c in enumerate(claims) if _values(c)]
    precision = round(len([i for i in with_q if i in used]) / len(with_q), 3) if with_q else 0.0
    recall = _recall(golds, found, "quantity") or 0.0
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
    traps = _trap_hits([g for g in gold_rows if g["kind"] == "trap"], claims)
    places = ("location", "origin", "destination")
    result = {
        "quantity_recall": recall,
        "quantity_precision": precision,
        "quantity_f1": f1,
        "event_recall": _recall(golds, found, "event"),
        "attribution_accuracy": _accuracy(found, lambda g, c: _alias_in(g.get("source"), as_text(c.get("source")))),
        "location_accuracy": _accuracy(
            found, lambda g, c: _alias_in(g.get("location"), " ".join(as_text(c.get(k)) for k in places))
        ),
        "event_type_accuracy": _accuracy(found, lambda g, c: g["event"] == c.get("event")),
        "trap_hits": len(traps),
        "claims_scored": len(claims),
        "gold": len([g for g in golds if not g.get("optional")]),
    }
    if misses:
        result["missed"] = [{"doc": g["doc"], "evidence": g["evidence"], "kind": g["kind"]} for g in missed]
        result["unmatched_quantity_claims"] = [
            {"doc": claims[i].get("doc"), "quantity": claims[i].get("quantity"), "sentence": claims[i].get("sentence")}
            for i in with_q if i not in used
        ]  # fmt: skip
        result["trap_hit_list"] = traps
    return result


def read_jsonl(path: str | Path) -> list[dict]:
    """Rows of a JSON Lines file; a bad line is a MalformedInput with its number."""
    path = Path(path)
    if not path.is_file():
        raise MissingInput(str(path), "no such file", "give the path of a JSON Lines file")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise MalformedInput(str(path), f"invalid JSON ({exc.msg})", "fix or remove the line", line=number) from exc
    return rows
