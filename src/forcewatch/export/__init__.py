"""Exports: claims into the tools analysts already use.

    export(claims, "stix", "out.json", contradictions=..., documents=...)

Formats (one module each, registered by name in `registry.EXPORTERS`): json (lossless,
read back by `read_claims`), csv, parquet, geojson, stix, acled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ConfigError
from . import acled, geojson, jsonfile, stix, table  # noqa: F401 - importing registers the formats
from .claims import CLAIM_FIELDS, claim_id
from .filters import cited_ids, select
from .jsonfile import ImportBatch, read_claims
from .registry import EXPORTERS, ExportResult, get_exporter

__all__ = ["export", "formats", "EXPORTERS", "ExportResult", "ImportBatch", "read_claims", "select",
           "cited_ids", "claim_id", "CLAIM_FIELDS"]


def formats() -> list[str]:
    """The names `export` accepts."""
    return sorted(EXPORTERS)


def output_path(path: str | Path) -> Path:
    """`path` as a Path whose folder exists; else a ConfigError that says what to do."""
    path = Path(path)
    if not path.parent.exists():
        raise ConfigError(f"cannot write {path}: the folder {path.parent} does not exist; create it or choose another -o.")
    return path


def export(claims: list[dict], fmt: str, path: str | Path, **context: Any) -> ExportResult:
    """Write `claims` to `path` in format `fmt`.

    `context` may give `filters` (recorded in the file), `documents` (id, url, title, ...),
    `contradictions` (from fusion), `title` and `created` (a datetime, for reproducible
    files). The file is written beside the target and renamed, so a failed export leaves
    no half-written file.
    """
    exporter = get_exporter(fmt)
    path = output_path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        result = exporter.write(list(claims), partial, context)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    result.path = path
    return result
