"""FastAPI dependencies: a session per request from the app's store."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from ..config import Settings
from ..store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    """A read session closed after the response; writes use `store.transaction()`."""
    session = get_store(request).session()
    try:
        yield session
    finally:
        session.close()
