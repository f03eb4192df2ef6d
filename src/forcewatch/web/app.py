"""The FastAPI application: REST API under /api, dashboard pages at the root.

`create_app(settings)` opens (and migrates) the store once; routes take sessions from it.
Everything the pages need is served from this process: templates, vendored Leaflet and
the basemap, so the dashboard works with no network at all.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Settings, get_settings
from ..store import Store
from . import problems
from .security import SECURITY_HEADERS, host_name, rebinding_refusal

HERE = Path(__file__).parent
STATIC = HERE / "static"
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and form fields around the files


def create_app(settings: Settings | None = None, store: Store | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """Build the web app for `settings` (database, token, limits).

    `allowed_hosts` are extra names a request reaching it on loopback may carry in its
    Host header (e.g. a reverse proxy's public name); loopback names always pass.

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
    extra = allowed_hosts or getattr(settings, "allowed_hosts", None) or []
    app.state.allowed_hosts = frozenset(host_name(h) for h in extra)
    problems.install(app)
    app.middleware("http")(_security_headers)
    app.middleware("http")(_body_limit)
    app.middleware("http")(_host_guard)  # added last, so it runs first
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _include_routers(app)
    return app


async def _security_headers(request: Request, call_next):
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _host_guard(request: Request, call_next):
    """Refuse DNS-rebinding requests: on loopback, the Host header must name this machine."""
    local = request.scope.get("server")
    reason = rebinding_refusal(local[0] if local else None, request.headers.get("host"), request.app.state.allowed_hosts)
    if reason:
        return JSONResponse(problems.error_body(421, "misdirected_host", reason), status_code=421,
                            headers=SECURITY_HEADERS)
    return await call_next(request)


async def _body_limit(request: Request, call_next):
    """Refuse a body over the upload limit from its Content-Length, before parsing any of it."""
    limit = request.app.state.settings.max_bytes + FORM_OVERHEAD
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        body = problems.error_body(413, "too_large", f"the request body ({int(declared):,} bytes) is over the "
                                   f"{limit:,}-byte limit (FORCEWATCH_MAX_BYTES); send fewer or smaller files.")
        return JSONResponse(body, status_code=413)
    return await call_next(request)


def _include_routers(app: FastAPI) -> None:
    from .api import ROUTERS
    from .pages import router as pages_router
    from .pages_analysis import router as analysis_pages

    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    app.include_router(pages_router)
    app.include_router(analysis_pages)
