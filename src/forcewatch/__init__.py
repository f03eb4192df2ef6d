"""forcewatch: attributed claims about military forces, fused across sources and assessed.

The public API is re-exported here; `tests/test_exported_members.py` guards it.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, get_settings
from .errors import (
    ConfigError,
    EmptyInput,
    ExtractionError,
    ForcewatchError,
    InputError,
    KnowledgeError,
    MalformedInput,
    MissingInput,
    NotFound,
    StoreError,
    UnreadableInput,
)

# Stage entry points load on first use, so `import forcewatch` stays fast (no spaCy).
# The stage functions named like their subpackage (ingest, fuse, assess, export) are
# imported from there: `from forcewatch.assess import assess`.
_LAZY = {
    "IngestReport": "forcewatch.ingest",
    "RawDocument": "forcewatch.ingest",
    "kb": "forcewatch.knowledge",
    "load_pipeline": "forcewatch.extract.mentions",
    "extract_mentions": "forcewatch.extract.mentions",
    "extract_claims": "forcewatch.extract",
    "Fusion": "forcewatch.fuse",
    "Assessment": "forcewatch.assess",
    "load_problem": "forcewatch.assess",
    "available_problems": "forcewatch.assess",
    "build_report": "forcewatch.report",
    "write_report": "forcewatch.report",
    "open_store": "forcewatch.store",
    "Store": "forcewatch.store",
}

__all__ = [
    "__version__",
    "Settings",
    "get_settings",
    "ForcewatchError",
    "ConfigError",
    "StoreError",
    "InputError",
    "MissingInput",
    "UnreadableInput",
    "EmptyInput",
    "MalformedInput",
    "KnowledgeError",
    "ExtractionError",
    "NotFound",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'forcewatch' has no attribute {name!r}")
