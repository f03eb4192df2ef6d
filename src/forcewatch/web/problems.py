"""One error body for every failure of the API.

    {"error": {"status": 422, "code": "invalid", "message": "...", "fields": [{"field": "since", "message": "..."}]}}

`fields` is present for validation errors and names each parameter that failed, so a
client can point at the right input. Library errors (`forcewatch.errors`) map to statuses
here, once, instead of in every route.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, ForcewatchError, InputError, KnowledgeError, NotFound, StoreError


class ApiError(Exception):
    """An error the API reports as is: status, short code, sentence a user can act on."""

    def __init__(self, status: int, code: str, message: str, fields: list[dict] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields


def error_body(status: int, code: str, message: str, fields: list[dict] | None = None) -> dict:
    error = {"status": status, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def _respond(request: Request, status: int, code: str, message: str, fields: list[dict] | None = None):
    """JSON for the API, an HTML page for the dashboard, same status either way."""
    if not request.url.path.startswith("/api") and request.url.path != "/openapi.json":
        from .render import page

        return page(request, "error.html", f"Error {status}", request.url.path, status=status, message=message)
    return JSONResponse(error_body(status, code, message, fields), status_code=status)


def _field_name(loc: tuple) -> str:
    # loc is ("query", "since") or ("body", "urls", 0); the first part says where, not what.
    parts = [str(p) for p in loc[1:]] if len(loc) > 1 else [str(p) for p in loc]
    return ".".join(parts)


def validation_fields(exc: RequestValidationError) -> list[dict]:
    return [{"field": _field_name(tuple(e.get("loc", ()))), "message": e.get("msg", "invalid")} for e in exc.errors()]


LIBRARY_STATUS = [(NotFound, 404, "not_found"), (InputError, 400, "bad_input"), (ConfigError, 400, "bad_config"),
                  (StoreError, 503, "store_unavailable"), (KnowledgeError, 500, "knowledge_invalid")]


def library_status(exc: ForcewatchError) -> tuple[int, str]:
    for cls, status, code in LIBRARY_STATUS:
        if isinstance(exc, cls):
            return status, code
    return 500, "failed"


async def on_api_error(request: Request, exc: ApiError) -> JSONResponse:
    return _respond(request, exc.status, exc.code, exc.message, exc.fields)


async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    fields = validation_fields(exc)
    names = ", ".join(f"'{f['field']}'" for f in fields)
    return _respond(request, 422, "invalid", f"invalid value for {names}: {fields[0]['message']}", fields)


async def on_library_error(request: Request, exc: ForcewatchError) -> JSONResponse:
    status, code = library_status(exc)
    return _respond(request, status, code, str(exc))


async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return _respond(request, exc.status_code, code, str(exc.detail))


def install(app) -> None:
    """Register the handlers on a FastAPI app."""
    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ForcewatchError, on_library_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
