"""Exports over HTTP: the export stage writes a temporary file, the response streams it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .stages import require

MEDIA_TYPES = {".json": "application/json", ".geojson": "application/geo+json", ".csv": "text/csv",
               ".parquet": "application/vnd.apache.parquet"}


def formats() -> list[dict]:
    """Export formats this installation offers: name, file suffix, description."""
    try:
        registry = require("forcewatch.export", "EXPORTERS")
    except Exception:  # noqa: BLE001 - no export stage means no formats, not a broken page
        return []
    return [{"name": e.name, "suffix": e.suffix, "description": e.description}
            for e in sorted(registry.values(), key=lambda e: e.name)]


def export_bytes(claims: list[dict], fmt: str, filters: dict) -> tuple[bytes, str, str, dict]:
    """The file `fmt` makes of `claims`: (content, file name, media type, result summary)."""
    export = require("forcewatch.export", "export")
    get_exporter = require("forcewatch.export", "get_exporter")
    suffix = get_exporter(fmt).suffix  # raises ConfigError (-> 400) for an unknown format
    with tempfile.TemporaryDirectory(prefix="fw-export-") as tmp:
        path = Path(tmp) / f"forcewatch-claims{suffix}"
        result = export(claims, fmt, path, filters=filters)
        content = path.read_bytes()
    return content, path.name, MEDIA_TYPES.get(suffix, "application/octet-stream"), result.to_dict()
