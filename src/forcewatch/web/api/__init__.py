"""REST API routers, mounted under /api by `create_app`."""

from __future__ import annotations

from . import documents

ROUTERS = [documents.router]
