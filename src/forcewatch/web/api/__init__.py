"""REST API routers, mounted under /api by `create_app`."""

from __future__ import annotations

from . import analysis, claims, documents, exports, geo, ingest

ROUTERS = [documents.router, claims.router, geo.router, exports.router, ingest.router, analysis.router]
