"""Fusion and assessment over the stored claims, through the stages' own functions.

`forcewatch.fuse.fuse(claims)` and `forcewatch.assess.assess(problem, claims, as_of)` do
the work; this module feeds them the store's claims as claim-schema dicts and keeps the
last fusion per store until the claims change (fusing is the expensive step, the pages
that show its parts are many).
"""

from __future__ import annotations

import dataclasses
import threading
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import ForcewatchError
from ...export.claims import date_span
from ...store.models import Document
from ..problems import ApiError
from .claims import ClaimFilters, all_claims, claim_model, column, date_column, doc_column
from .stages import require

_CACHE: dict[str, tuple[tuple, dict]] = {}
_ASSESSMENTS: dict[tuple, tuple[tuple, dict]] = {}
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


DEFAULT_PROBLEM = "belarus-ukraine"
MAX_ASSESSMENTS = 32  # cached (problem, as-of) results per process; each costs seconds on a big store


def problems() -> list[dict]:
    """Warning problems the assessment stage knows: id, name (its title), description (its question).

    A problem file that does not load is listed with its `error`, so the page can say why.
    """
    load_problem = require("forcewatch.assess", "load_problem")
    rows = []
    for problem_id in require("forcewatch.assess", "available_problems")():
        try:
            problem = load_problem(problem_id)
        except ForcewatchError as exc:
            rows.append({"id": problem_id, "name": problem_id, "description": None, "error": str(exc)})
            continue
        rows.append({"id": problem.id, "name": problem.title, "description": problem.question})
    return rows


def default_problem(known: list[dict]) -> str | None:
    """`belarus-ukraine` when installed, else the first problem that loads."""
    usable = [p["id"] for p in known if not p.get("error")]
    return DEFAULT_PROBLEM if DEFAULT_PROBLEM in usable else (usable[0] if usable else None)


def latest_claim_day(session: Session) -> str | None:
    """The newest claim date (the event's, else the publication's), as YYYY-MM-DD."""
    model = claim_model()
    if model is None:
        return None
    when = func.coalesce(date_column(model), column(model, "published"), Document.published)
    query = select(func.max(when)).select_from(model).join(Document, doc_column(model) == Document.id, isouter=True)
    span = date_span(session.execute(query).scalar_one_or_none())
    return span[1].isoformat() if span else None


def assessment(session: Session, store_key: str, problem: str | None = None, as_of: str | None = None) -> dict:
    """`assess(problem, claims, as_of).to_dict()` over the stored claims.

    `problem` defaults to `belarus-ukraine`, `as_of` to the latest claim date (today on an
    empty store). Results are cached per store until the claims change.
    """
    assess = require("forcewatch.assess", "assess")
    problem = problem or default_problem(problems())
    if problem is None:
        raise ApiError(404, "not_found", "no warning problem is installed; add a problem YAML (docs/assessment.md).")
    as_of = as_of or latest_claim_day(session) or date.today().isoformat()
    key, mark = (store_key, problem, as_of), fingerprint(session)
    with _LOCK:
        cached = _ASSESSMENTS.get(key)
    if cached and cached[0] == mark:
        return cached[1]
    result = as_dict(assess(problem, all_claims(session, ClaimFilters(sort="date")), as_of))
    with _LOCK:
        if len(_ASSESSMENTS) >= MAX_ASSESSMENTS:
            _ASSESSMENTS.pop(next(iter(_ASSESSMENTS)))
        _ASSESSMENTS[key] = (mark, result)
    return result
