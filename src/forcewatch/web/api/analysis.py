"""/api: fusion (claim groups, contradictions, force estimates, sources) and assessments."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy.orm import Session

from ..data import analysis
from ..deps import get_session
from ..paging import PageParams, envelope, page_params
from .params import FULL_DATE, PROBLEM_ID

router = APIRouter(tags=["analysis"])


def store_key(request: Request) -> str:
    return request.app.state.settings.db_url


def _page(rows: list, page: PageParams) -> dict:
    return envelope(rows[page.offset:page.offset + page.limit], len(rows), page)


@router.get("/groups", summary="Claim groups: claims that state one fact, with independent origins")
def groups(request: Request, item: str | None = Query(None, max_length=40),
           page: PageParams = Depends(page_params), session: Session = Depends(get_session)) -> dict:
    rows = analysis.fusion_part(session, store_key(request), "groups")
    return _page([g for g in rows if not item or g.get("item") == item], page)


@router.get("/contradictions", summary="Contradicting claim groups, both sides")
def contradictions(request: Request, page: PageParams = Depends(page_params),
                   session: Session = Depends(get_session)) -> dict:
    return _page(analysis.fusion_part(session, store_key(request), "contradictions"), page)


@router.get("/estimates", summary="Force estimates over time per item, with the claims behind each point")
def estimates(request: Request, item: str | None = Query(None, max_length=40),
              session: Session = Depends(get_session)) -> dict:
    rows = analysis.fusion_part(session, store_key(request), "estimates")
    return {"items": [e for e in rows if not item or e.get("item") == item]}


@router.get("/sources", summary="Sources with Admiralty grade and computed track record")
def sources(request: Request, page: PageParams = Depends(page_params), session: Session = Depends(get_session)) -> dict:
    rows = analysis.fusion_part(session, store_key(request), "sources")
    return _page(sorted(rows, key=lambda s: (-(s.get("claims") or 0), s.get("name") or "")), page)


@router.get("/problems", summary="Warning problems")
def problems() -> dict:
    return {"items": analysis.problems()}


@router.get("/problems/{problem}/assessment", summary="Assess one problem as of a date")
def assessment(request: Request, problem: str = Path(..., pattern=PROBLEM_ID),
               as_of: str | None = Query(None, pattern=FULL_DATE, description="Judge with what was known on this "
                                         "date (YYYY-MM-DD); default: the latest claim date."),
               session: Session = Depends(get_session)) -> dict:
    """`Assessment.to_dict()`: level and level_name, score, explanation, indicators with their
    evidence (claim, doc, sentence, source, reliability), and the level trend over 30 days."""
    return analysis.assessment(session, store_key(request), problem, as_of or None)
