"""Dashboard pages built on fusion and assessment: overview, timeline, sources, contradictions, ingest."""

from __future__ import annotations

from collections import defaultdict

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..store.models import Document
from .api.analysis import store_key
from .api.params import FULL_DATE
from .data import analysis
from .data.claims import ClaimFilters, all_claims, claim_model
from .data.ingest import ALLOWED_SUFFIXES, ingest_uploads
from .data.stages import attribute, optional
from .deps import get_session, get_settings, get_store
from .problems import ApiError
from .render import page
from .security import require_token

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _try(call, notes: list[str], default=None):
    """Run a stage call; a missing stage becomes a notice on the page, not an error page."""
    try:
        return call()
    except ApiError as exc:
        notes.append(exc.message)
        return default


def store_counts(session: Session) -> list[tuple[str, int]]:
    counts = [("Documents", session.execute(select(func.count()).select_from(Document)).scalar_one())]
    model = claim_model()
    if model is not None:
        counts.append(("Claims", session.execute(select(func.count()).select_from(model)).scalar_one()))
    return counts


@router.get("/")
def overview(request: Request, problem: str | None = Query(None, pattern=r"^([A-Za-z0-9_.-]{1,80})?$"),
             as_of: str | None = Query(None, pattern=FULL_DATE), session: Session = Depends(get_session)):
    """The assessment of one problem as of a date: level, explanation, trend chart, indicator board."""
    notes: list[str] = []
    problems = _try(analysis.problems, notes, []) or []
    notes += [p["error"] for p in problems if p.get("error")]
    result = _try(lambda: analysis.assessment(session, store_key(request), problem or None, as_of or None), notes)
    chosen = result["problem"] if result else problem
    return page(request, "overview.html", "Overview", "/", problems=problems, problem=chosen,
                as_of=result["as_of"] if result else as_of, assessment=result, counts=store_counts(session),
                trend_svg=_trend_chart(result), trend_word=_trend_word(result), board=indicator_board(result),
                notices=notes)


def _trend_chart(result: dict | None) -> Markup | None:
    draw = attribute("forcewatch.report.charts", "level_trend_svg")
    svg = draw(result.get("trend") or []) if draw and result else ""
    return Markup(svg) if svg else None  # matplotlib's own SVG: no user text in it but dates and level names


def _trend_word(result: dict | None) -> str:
    word = attribute("forcewatch.assess.engine", "trend_word")
    return word(result.get("trend") or []) if word and result else ""


def indicator_board(result: dict | None) -> list[tuple[str, list[dict]]]:
    """Indicators then counter-indicators, met first, each with a CSS-safe status class."""
    order = {"met": 0, "contradicted": 1, "not met": 2, "unknown": 3}
    sections = []
    for role, label in (("indicator", "Indicators"), ("counter", "Counter-indicators")):
        rows = [{**ind, "status_class": (ind.get("status") or "unknown").replace(" ", "_")}
                for ind in (result or {}).get("indicators") or [] if (ind.get("role") or "indicator") == role]
        if rows:
            sections.append((label, sorted(rows, key=lambda i: (order.get(i["status"], 9), -(i.get("weight") or 0)))))
    return sections


def estimates_for_timeline(session: Session, request: Request, notes: list[str]) -> list[dict]:
    """Fusion's force estimates; before fusion exists, each counting claim's own range."""
    fused = _try(lambda: analysis.fusion_part(session, store_key(request), "estimates"), notes)
    if fused is not None or optional("forcewatch.fuse") is not None:  # computing: the notice says so
        return fused or []
    from_claims = attribute("forcewatch.report.charts", "estimates_from_claims")
    return from_claims(all_claims(session, ClaimFilters(sort="date"))) if from_claims and claim_model() else []


CLAIMS_PER_POINT = 20  # on a big store a point rests on thousands of claims; the API lists them all


def _capped(point: dict) -> dict:
    """A timeline point with its first `CLAIMS_PER_POINT` claims and how many more there are."""
    claims = point.get("claims") or []
    return {**point, "claims": claims[:CLAIMS_PER_POINT], "more": max(0, len(claims) - CLAIMS_PER_POINT)}


@router.get("/timeline")
def timeline(request: Request, session: Session = Depends(get_session)):
    notes: list[str] = []
    estimates = estimates_for_timeline(session, request, notes)
    flatten = attribute("forcewatch.report.charts", "flatten_estimates")
    points = flatten(estimates) if flatten else estimates  # fusion gives a series per item; the table wants points
    by_item: dict[str, list[dict]] = defaultdict(list)
    for e in points:
        by_item[e.get("item") or "unspecified"].append(_capped(e))
    draw = attribute("forcewatch.report.charts", "force_timeline_svg")
    chart = Markup(draw(estimates)) if draw and points else None
    return page(request, "timeline.html", "Force estimates over time", "/timeline", chart=chart,
                by_item=sorted(by_item.items()), notices=notes)


@router.get("/sources")
def sources(request: Request, session: Session = Depends(get_session)):
    notes: list[str] = []
    rows = _try(lambda: analysis.fusion_part(session, store_key(request), "sources"), notes, []) or []
    rows = sorted(rows, key=lambda s: (-(s.get("claims") or 0), s.get("name") or ""))
    return page(request, "sources.html", "Sources", "/sources", sources=rows, notices=notes)


@router.get("/contradictions")
def contradictions(request: Request, session: Session = Depends(get_session)):
    notes: list[str] = []
    rows = _try(lambda: analysis.fusion_part(session, store_key(request), "contradictions"), notes, [])
    return page(request, "contradictions.html", "Contradictions", "/contradictions", contradictions=rows or [],
                notices=notes)


def _ingest_page(request: Request, status: int = 200, **context):
    return page(request, "ingest.html", "Ingest", "/ingest", status=status,
                accept=",".join(sorted(ALLOWED_SUFFIXES)), **context)


@router.get("/ingest")
def ingest_form(request: Request):
    return _ingest_page(request)


@router.post("/ingest")
async def ingest_submit(request: Request, files: list[UploadFile] = File(default=[]),
                        urls_text: str = Form(default="", max_length=20_000), token: str = Form(default="")):
    try:
        require_token(request, token)
        files = [f for f in files if f.filename]  # an empty file input still sends one nameless part
        result = await ingest_uploads(files, urls_text.split(), get_store(request), get_settings(request))
    except ApiError as exc:
        return _ingest_page(request, status=exc.status, error=exc.message)
    return _ingest_page(request, result=result)
