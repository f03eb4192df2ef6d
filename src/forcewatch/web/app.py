"""The FastAPI application: REST API under /api, dashboard pages at the root.

`create_app(settings)` opens (and migrates) the store once; routes take sessions from it.
Everything the pages need is served from this process: templates, vendored Leaflet and
the basemap, so the dashboard works with no network at all.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Settings, get_settings
from ..store import Store
from . import problems
from .security import SECURITY_HEADERS

HERE = Path(__file__).parent
STATIC = HERE / "static"


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Build the web app for `settings` (database, token, limits).

    Example: `uvicorn.run(create_app(get_settings(db_url="sqlite:///fw.db")))`
    """
    settings = settings or get_settings()
    app = FastAPI(
        title="forcewatch",
        version=__version__,
        description="Attributed claims about military forces, fused across sources and assessed.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store or Store(settings.db_url)
    problems.install(app)
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _include_routers(app)
    return app


async def _security_headers(request: Request, call_next):
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _include_routers(app: FastAPI) -> None:
    from .api import ROUTERS
    from .pages import router as pages_router

    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    app.include_router(pages_router)
