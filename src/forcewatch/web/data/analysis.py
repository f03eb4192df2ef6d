"""Fusion and assessment over the stored claims, through the stages' own functions.

`forcewatch.fuse.fuse(claims)` and `forcewatch.assess.assess(problem, claims, as_of)` do
the work; this module feeds them the store's claims as claim-schema dicts and keeps the
last fusion per store until the claims change (fusing is the expensive step, the pages
that show its parts are many).
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .claims import ClaimFilters, all_claims, claim_model
from .stages import require

_CACHE: dict[str, tuple[tuple, dict]] = {}
_LOCK = threading.Lock()


def as_dict(value: Any) -> Any:
    """A stage's result object as plain data (`to_dict()`, a dataclass, or as is)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [as_dict(v) for v in value]
    return value


def fingerprint(session: Session) -> tuple:
    """Changes whenever a claim is added or removed: (count, highest primary key)."""
    model = claim_model()
    if model is None:
        return (0, None)
    pk = model.__table__.primary_key.columns.values()[0]
    return tuple(session.execute(select(func.count(), func.max(pk))).one())


def fusion(session: Session, store_key: str) -> dict:
    """The fusion of every stored claim as a dict (groups, contradictions, estimates, sources)."""
    fuse = require("forcewatch.fuse", "fuse")
    mark = fingerprint(session)
    with _LOCK:
        cached = _CACHE.get(store_key)
        if cached and cached[0] == mark:
            return cached[1]
    result = as_dict(fuse(all_claims(session, ClaimFilters(sort="date"))))
    with _LOCK:
        _CACHE[store_key] = (mark, result)
    return result


def part(result: dict, *names: str) -> list:
    """The first of `names` present in a fusion result (its parts' names are the stage's)."""
    for name in names:
        if name in result:
            return as_dict(result[name]) or []
    return []


def problems() -> list[dict]:
    """Warning problems the assessment stage knows (id, name, description)."""
    assess = require("forcewatch.assess")
    lister = getattr(assess, "list_problems", None) or getattr(assess, "problems", None)
    found = lister() if callable(lister) else []
    return [p if isinstance(p, dict) else {"id": getattr(p, "id", str(p)), "name": getattr(p, "name", str(p)),
                                           "description": getattr(p, "description", None)} for p in as_dict(found)]


def assessment(session: Session, problem: str, as_of: str | None) -> dict:
    """`assess(problem, claims, as_of).to_dict()` over every stored claim."""
    assess = require("forcewatch.assess", "assess")
    claims = all_claims(session, ClaimFilters(until=as_of, sort="date"))
    return as_dict(assess(problem, claims, as_of))
