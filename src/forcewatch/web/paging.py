"""Pagination shared by every list endpoint and page: limit/offset in, a page envelope out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Query
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

MAX_LIMIT = 500


@dataclass
class PageParams:
    limit: int = 50
    offset: int = 0


def page_params(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Rows per page (1-500)."),
    offset: int = Query(0, ge=0, description="Rows to skip."),
) -> PageParams:
    """FastAPI dependency: validated `limit` and `offset` query parameters."""
    return PageParams(limit=limit, offset=offset)


def count(session: Session, query: Select) -> int:
    """Rows `query` would return, without loading them."""
    return session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()


def envelope(items: list[Any], total: int, page: PageParams) -> dict:
    """The page body every list endpoint returns."""
    after = page.offset + len(items)
    return {
        "items": items,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": after if after < total else None,
    }


def paged(session: Session, query: Select, page: PageParams) -> tuple[list, int]:
    """One page of ORM rows from `query` and the total count."""
    rows = session.execute(query.limit(page.limit).offset(page.offset)).scalars().all()
    return list(rows), count(session, query)
