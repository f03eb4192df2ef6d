"""Jinja2 rendering for the dashboard: one environment, autoescape on, shared context."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from .. import __version__

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))  # autoescapes .html

NAV = [
    ("/", "Overview"),
    ("/map", "Map"),
    ("/timeline", "Timeline"),
    ("/claims", "Claims"),
    ("/documents", "Documents"),
    ("/sources", "Sources"),
    ("/contradictions", "Contradictions"),
    ("/ingest", "Ingest"),
]


def json_script(data) -> Markup:
    """JSON safe to embed in `<script type="application/json">` (no `</script>` break-out)."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def query_string(filters: dict) -> str:
    """The current filters as a query string for pager and sort links (offset left out)."""
    return urlencode({k: v for k, v in filters.items() if v not in (None, "", False) and k != "offset"})


def store_label(request: Request) -> str:
    return request.app.state.store.engine.url.render_as_string(hide_password=True)


def page(request: Request, template: str, title: str, active: str = "", status: int = 200, **context):
    """Render a dashboard page with the navigation and footer every page carries."""
    base = {"title": title, "nav": NAV, "active": active, "version": __version__,
            "store_label": store_label(request), "notices": context.pop("notices", [])}
    return TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status)


TEMPLATES.env.filters["json_script"] = json_script
