"""Fusion and assessment over the stored claims, through the stages' own functions.

`forcewatch.fuse.fuse(claims)` and `forcewatch.assess.assess(problem, claims, as_of)` do
the work; this module feeds them the store's claims as claim-schema dicts and keeps each
result until the claims change (fusing is the expensive step, the pages that show its
parts are many).

On a big store a computation can take minutes. It runs in one background worker; a
request waits for it up to `WAIT_SECONDS`, then gets a 503 "computing" (a notice on the
pages) while the work goes on, and a later request picks up the finished result. So a
slow fusion never piles up copies of itself or holds a request open for minutes.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as WaitTimeout
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ...errors import ForcewatchError
from ...export.claims import date_span
from ...store.models import Document
from ..problems import ApiError
from .claims import ClaimFilters, all_claims, claim_model, column, date_column, doc_column
from .stages import require

WAIT_SECONDS = 5.0  # a page waits this long for a running computation, then says "computing"
MAX_RESULTS = 32  # cached (store, what) results; an assessment is one per problem and date
_RESULTS: dict[tuple, tuple[tuple, dict]] = {}
_JOBS: dict[tuple, Future] = {}
_LOCK = threading.Lock()
_ONE_AT_A_TIME = threading.Semaphore(1)  # heavy jobs queue up instead of sharing the CPU


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


def _remember(key: tuple, mark: tuple, result: dict) -> None:
    with _LOCK:
        if key not in _RESULTS and len(_RESULTS) >= MAX_RESULTS:
            _RESULTS.pop(next(iter(_RESULTS)))
        _RESULTS[key] = (mark, result)


def computed(session: Session, key: tuple, what: str, compute: Callable[[Session, tuple], Any]) -> Any:
    """`compute(session, mark)`'s result for the store's current claims (`mark`: their
    fingerprint): cached, running, or started now.

    The work gets its own session (the request's closes with the response).
    """
    mark = fingerprint(session)
    with _LOCK:
        cached = _RESULTS.get(key)
        if cached and cached[0] == mark:
            return cached[1]
        job = _JOBS.get((key, mark))
        if job is None:
            job = _JOBS[(key, mark)] = _start(sessionmaker(session.get_bind()), lambda own: compute(own, mark))
    try:
        result = job.result(timeout=WAIT_SECONDS)
    except WaitTimeout:
        raise ApiError(503, "computing", f"{what} over {mark[0]:,} claims is still being computed; it is kept "
                       "when done, so reload in a minute.") from None
    finally:
        if job.done():
            with _LOCK:
                _JOBS.pop((key, mark), None)
    _remember(key, mark, result)
    return result


def _start(make_session, compute: Callable[[Session], Any]) -> Future:
    """Run `compute` in a daemon thread (a server or bench that exits does not wait for it)."""
    future: Future = Future()

    def work() -> None:
        try:
            with _ONE_AT_A_TIME, make_session() as session:
                future.set_result(compute(session))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request, which reports it
            future.set_exception(exc)

    threading.Thread(target=work, name="fw-analysis", daemon=True).start()
    return future


# ---- what the jobs share: claims read and annotated once, fused once per store version ----
# Jobs run one at a time (`_ONE_AT_A_TIME`), so this is built once per (store, fingerprint)
# and reused by every fusion part and every assessment: the claims are read once, annotated
# once by one Resolver (assess skips claims that resolver already annotated), fused once.


@dataclasses.dataclass
class _Shared:
    mark: tuple
    claims: list  # annotated `forcewatch.fuse.Claim`s
    resolver: Any
    fused: Any = None  # the `Fusion`, once some page asked for it


_SHARED: dict[str, _Shared] = {}


def _shared(session: Session, store_key: str, mark: tuple) -> _Shared:
    """The store's annotated claims (and fusion, when done) for fingerprint `mark`; call from a job."""
    found = _SHARED.get(store_key)
    if found is None or found.mark != mark:
        resolver = require("forcewatch.fuse", "Resolver")()
        annotate = require("forcewatch.fuse.provenance", "annotate")
        found = _SHARED[store_key] = _Shared(mark, annotate(all_claims(session, ClaimFilters(sort="date")), resolver),
                                             resolver)
    return found


def _fused(session: Session, store_key: str, mark: tuple):
    """The `Fusion` of the store's claims for `mark`, computed once; call from a job."""
    shared = _shared(session, store_key, mark)
    if shared.fused is None:
        shared.fused = require("forcewatch.fuse", "fuse")(shared.claims, resolver=shared.resolver)
    return shared.fused


FUSION_PARTS = {"groups": "groups", "contradictions": "contradictions", "estimates": "estimates",
                "force_estimates": "estimates", "sources": "sources", "source_records": "sources"}


def fusion_part(session: Session, store_key: str, name: str) -> list:
    """One part of the fusion of every stored claim (groups, contradictions, estimates, sources)
    as plain data; each part is serialised once per store version, when first asked for."""
    attr = FUSION_PARTS[name]
    return computed(session, (store_key, "fusion", attr), f"the fusion ({attr})",
                    lambda own, mark: as_dict(getattr(_fused(own, store_key, mark), attr)) or [])


def fusion(session: Session, store_key: str) -> dict:
    """The whole fusion of every stored claim as a dict (groups, contradictions, estimates,
    sources, provisional entities); pages that show one part use `fusion_part`."""
    return computed(session, (store_key, "fusion"), "the fusion",
                    lambda own, mark: as_dict(_fused(own, store_key, mark)))


def part(result: dict, *names: str) -> list:
    """The first of `names` present in a fusion result (its parts' names are the stage's)."""
    for name in names:
        if name in result:
            return as_dict(result[name]) or []
    return []


DEFAULT_PROBLEM = "belarus-ukraine"


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
    empty store). Results are cached per store, problem and date until the claims change.
    """
    assess = require("forcewatch.assess", "assess")
    problem = problem or default_problem(problems())
    if problem is None:
        raise ApiError(404, "not_found", "no warning problem is installed; add a problem YAML (docs/assessment.md).")
    as_of = as_of or latest_claim_day(session) or date.today().isoformat()
    return computed(session, (store_key, "assessment", problem, as_of), f"the assessment of {problem!r} as of {as_of}",
                    lambda own, mark: as_dict(_assess(assess, own, store_key, mark, problem, as_of)))


def _assess(assess, session: Session, store_key: str, mark: tuple, problem: str, as_of: str):
    """`assess` on the shared annotated claims with their resolver (nothing resolved twice)."""
    shared = _shared(session, store_key, mark)
    return assess(problem, shared.claims, as_of, resolver=shared.resolver)
