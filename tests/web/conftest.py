"""Fixtures for the web tests: a store seeded with the real news articles, an app, a client.

Documents are the two real articles of `corpus/news` with their meta.json, plus one
hostile document (markup in title and text) to prove escaping (see `web_seed.py`).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from web_seed import TOKEN, hostile_document, news_documents, store_claims

from forcewatch.config import get_settings
from forcewatch.store import open_store


@pytest.fixture
def seeded_url(db_url: str, corpus: Path) -> str:
    """A migrated store (SQLite or PostgreSQL): the news articles, the hostile document, their claims."""
    store = open_store(db_url)
    docs = [*news_documents(corpus), hostile_document()]
    with store.transaction() as session:
        session.add_all(docs)
        session.flush()
        store_claims(session, docs)
    store.close()
    return db_url


@pytest.fixture
def app(seeded_url: str, tmp_path: Path, monkeypatch):
    from forcewatch.web.app import create_app
    from forcewatch.web.data import analysis

    # a loaded test machine may take longer than a user would wait; the tests want the result
    monkeypatch.setattr(analysis, "WAIT_SECONDS", 300.0)

    settings = get_settings(db_url=seeded_url, token=TOKEN, max_bytes=64 * 1024)
    application = create_app(settings)
    yield application
    application.state.store.close()


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def empty_client(db_url: str):
    """A client on a fresh, migrated, empty store (SQLite or PostgreSQL), for ingest tests."""
    from fastapi.testclient import TestClient

    from forcewatch.web.app import create_app

    application = create_app(get_settings(db_url=db_url, token=TOKEN, max_bytes=64 * 1024))
    with TestClient(application) as test_client:
        yield test_client
    application.state.store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(app):
    """The seeded app served by uvicorn on a loopback port for the length of one test."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture
def need(request):
    """`need_service` from tests/conftest.py (skip here, fail where services are required)."""
    for plugin in request.config.pluginmanager.get_plugins():
        if callable(getattr(plugin, "need_service", None)):
            return plugin.need_service
    raise RuntimeError("tests/conftest.py with need_service() was not loaded")
