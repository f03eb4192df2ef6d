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
]
