"""Lexicons for claim extraction: reporting verbs, hedges, negation, event triggers, traps.

Domain words live in YAML files under `knowledge/data/lexicons/` (one file per topic,
each with a `version` and a `source`). A user extends them with files of the same name
in a `lexicons/` folder of any directory in `Settings.kb_dirs`: lists are extended and
mappings updated, so a user adds words without copying ours.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..config import get_settings
from ..errors import KnowledgeError

SHIPPED = Path(__file__).parent / "data" / "lexicons"
TOPICS = (
    "numbers", "items", "traps", "events", "attribution", "modality", "negation", "actors", "affiliations",
)  # fmt: skip


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise KnowledgeError(f"{path}{line}: not valid YAML ({exc}); fix the syntax") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}:1: a lexicon file must be a mapping with 'version' and 'source' keys")
    for required in ("version", "source"):
        if required not in data:
            raise KnowledgeError(f"{path}:1: missing '{required}'; every lexicon file says its version and source")
    return data


def _merge(base: Any, extra: Any) -> Any:
    """User data over shipped data: lists extended, mappings merged key by key."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for k, v in extra.items():
            merged[k] = _merge(base[k], v) if k in base else v
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


class Lexicons:
    """All lexicon topics, merged; `lex.events["verbs"]`, `lex.topic("traps")`."""

    def __init__(self, topics: dict[str, dict[str, Any]]):
        self._topics = topics

    def topic(self, name: str) -> dict[str, Any]:
        if name not in self._topics:
            raise KnowledgeError(f"no lexicon named {name!r}; known: {', '.join(sorted(self._topics))}")
        return self._topics[name]

    def __getattr__(self, name: str) -> dict[str, Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.topic(name)


def load_lexicons(extra_dirs: tuple[Path, ...] = ()) -> Lexicons:
    """Shipped lexicons merged with `<dir>/lexicons/<topic>.yaml` from each extra dir."""
    topics = {}
    for name in TOPICS:
        data = _read(SHIPPED / f"{name}.yaml")
        for folder in extra_dirs:
            user = Path(folder) / "lexicons" / f"{name}.yaml"
            if user.is_file():
                data = _merge(data, _read(user))
        topics[name] = data
    return Lexicons(topics)


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The process-wide lexicons (shipped + `Settings.kb_dirs`), loaded once."""
    return load_lexicons(tuple(get_settings().kb_dirs))
