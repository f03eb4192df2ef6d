"""Indicator vocabularies: word lists (logistics, medical, bridging, readiness ...) as data.

Each `assess/vocab/*.yaml` file maps vocabulary ids to `{note, source, terms}`; users add
terms or lists in `vocab/` folders of their `FORCEWATCH_KB_DIRS`. Terms match whole words,
case-insensitively, anywhere in a claim's sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..config import get_settings
from ..errors import KnowledgeError
from .problem import read_yaml

SHIPPED = Path(__file__).parent / "vocab"


def _files() -> list[Path]:
    folders = [SHIPPED] + [d / "vocab" for d in get_settings().kb_dirs]
    return [p for f in folders if f.is_dir() for p in sorted(f.glob("*.yaml"))]


def _read(path: Path) -> dict[str, list[str]]:
    data = read_yaml(path, "vocabulary") or {}
    lists = data.get("vocabularies") if isinstance(data, dict) else None
    if not isinstance(lists, dict):
        raise KnowledgeError(f"{path}:1: a vocabulary file needs a 'vocabularies' mapping of id -> {{terms: [...]}}")
    out = {}
    for name, spec in lists.items():
        terms = spec.get("terms") if isinstance(spec, dict) else None
        if not terms or not spec.get("source"):
            raise KnowledgeError(f"{path}: vocabulary {name!r} needs non-empty 'terms' and a 'source'")
        out[name] = [str(t) for t in terms]
    return out


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, list[str]]:
    """Every vocabulary by id; a user's list with a shipped id adds its terms to it."""
    merged: dict[str, list[str]] = {}
    for path in _files():
        for name, terms in _read(path).items():
            merged.setdefault(name, []).extend(t for t in terms if t not in merged.get(name, []))
    return merged


@lru_cache(maxsize=256)
def pattern(name: str) -> re.Pattern:
    """One regex for a vocabulary: longest terms first, word-bounded, case-insensitive."""
    terms = sorted(vocabularies()[name], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.IGNORECASE)


def find_terms(name: str, text: str) -> list[str]:
    """The terms of vocabulary `name` that occur in `text`, as written there."""
    return [m.group(0) for m in pattern(name).finditer(text or "")]
