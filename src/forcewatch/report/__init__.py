"""Reports: a warning brief an analyst could send on.

    from forcewatch.report import build_report, write_report
    report = build_report(assessment_dict, claims, fusion=fusion, documents=docs)
    write_report(report, "html", "brief.html")

Bottom line first (level, trend, one paragraph), then the indicator board with evidence,
a force-estimate timeline (`charts.force_timeline_svg`), a map of claims and sites
(`maps.claims_map_svg`), contradictions, sources with grades, and an appendix of claims.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ConfigError
from ..export import output_path
from .charts import estimates_from_claims, force_timeline_svg
from .html import render_html
from .maps import claims_map_svg, load_borders
from .markdown import render_markdown, write_markdown
from .model import Report, build_report
from .pdf import write_pdf

__all__ = ["Report", "build_report", "write_report", "render_html", "render_markdown", "force_timeline_svg",
           "claims_map_svg", "estimates_from_claims", "load_borders", "RENDERERS"]


def _html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")


def _pdf(report: Report, path: Path) -> None:
    write_pdf(render_html(report), path)


RENDERERS: dict[str, Callable[[Report, Path], None]] = {"html": _html, "md": write_markdown, "pdf": _pdf}


def write_report(report: Report, fmt: str, path: str | Path) -> Path:
    """Write the brief in `fmt` (html, md, pdf) to `path`."""
    if fmt not in RENDERERS:
        raise ConfigError(f"unknown report format {fmt!r}; choose one of {', '.join(RENDERERS)}.")
    path = output_path(path)
    RENDERERS[fmt](report, path)
    return path
