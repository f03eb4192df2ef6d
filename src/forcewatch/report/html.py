"""HTML rendering through Jinja2 with autoescape: every text from a document is escaped;
only the SVGs this package draws (with their own labels escaped) go in as markup."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .model import Report

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment over the report templates, autoescaping HTML."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def render_html(report: Report) -> str:
    """The brief as one self-contained HTML page (styles and graphics inline)."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return environment().get_template("report.html").render(r=report, css=css)
