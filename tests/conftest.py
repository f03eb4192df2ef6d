"""Fixtures shared by every test.

Services: a test that needs PostgreSQL uses `pg_url`; it skips with the reason when no
server is configured, and fails instead when FORCEWATCH_REQUIRE_SERVICES=1 (as in CI).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FORCEWATCH_SHARED", ROOT.parent / "shared"))
REQUIRE_SERVICES = os.environ.get("FORCEWATCH_REQUIRE_SERVICES") == "1"


def need_service(reason: str) -> None:
    """Skip on a user's machine; fail where services are required (CI)."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        need_service(f"the shared corpus is not at {SHARED} (set FORCEWATCH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fw.db'}"


@pytest.fixture
def pg_url() -> str:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    base = os.environ.get("FORCEWATCH_TEST_PG_URL")
    if not base:
        need_service("no PostgreSQL server: set FORCEWATCH_TEST_PG_URL=postgresql+psycopg://user@127.0.0.1:5432/postgres")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"fw_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        need_service(f"cannot reach PostgreSQL at {base}: {exc}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    """Run a store test against both databases."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fw.db'}"
    return request.getfixturevalue("pg_url")
