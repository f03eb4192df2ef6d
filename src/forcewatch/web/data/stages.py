"""Thin adapters to the pipeline stages the web layer shows but does not own.

Stages are imported lazily and by name, so the dashboard runs on a store that has only
documents, and each page says which stage is missing instead of failing. When a stage
module is present its own API is used as is; nothing here re-implements it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..problems import ApiError

STAGE_HINTS = {
    "forcewatch.store.models_claims": "the claims table (run `forcewatch extract` after upgrading)",
    "forcewatch.store.models_mentions": "the mentions table",
    "forcewatch.fuse": "fusion (claim groups, contradictions, force estimates, source reliability)",
    "forcewatch.assess": "assessment (warning problems, levels, indicators)",
    "forcewatch.ingest": "ingestion",
    "forcewatch.export": "exports",
    "forcewatch.report": "report charts",
    "forcewatch.knowledge": "the knowledge base",
}


def optional(module: str) -> ModuleType | None:
    """The stage module, or None when this installation does not have it (yet)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def attribute(module: str, name: str):
    """`module.name`, or None when either is missing."""
    mod = optional(module)
    return getattr(mod, name, None) if mod else None


def missing_message(module: str) -> str:
    what = STAGE_HINTS.get(module, module)
    return f"{what} is not available in this installation ({module} cannot be imported)."


def require(module: str, name: str | None = None):
    """The stage module (or one of its attributes), else a 503 naming what is missing."""
    found = attribute(module, name) if name else optional(module)
    if found is None:
        raise ApiError(503, "stage_unavailable", missing_message(module))
    return found
