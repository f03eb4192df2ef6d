"""Mention types: the re3d schema, the finer knowledge-base kinds, and the map between them.

The maps are data (`data/types.yaml`), so a user can extend them without touching code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TYPES_FILE = Path(__file__).parent / "data" / "types.yaml"


@dataclass(frozen=True)
class Mention:
    """A typed span of the cleaned text.

    `type` is the finest type known: a knowledge-base kind (Unit, Equipment, Source) or a
    re3d type; `re3d_type` is always a re3d type. `kb_id` is set when the knowledge base
    knows the entity; `component` names the pipeline component that found it.
    """

    start: int
    end: int
    text: str
    type: str
    kb_id: str | None
    component: str
    re3d_type: str

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def type_map() -> dict:
    """The parsed `data/types.yaml`."""
    return yaml.safe_load(TYPES_FILE.read_text(encoding="utf-8"))


def re3d_types() -> list[str]:
    return list(type_map()["re3d_types"])


def re3d_type_of(kind: str, entry: object = None) -> str:
    """The re3d type of a knowledge-base match of `kind` (Equipment, Unit, Source, Place)."""
    data = type_map()
    if kind == "Equipment":
        item = getattr(entry, "item", None)
        return data["equipment_items"].get(item, data["kinds"]["Equipment"])
    if kind == "Source" and getattr(entry, "type", None) in data["person_source_types"]:
        return "Person"
    return data["kinds"].get(kind, kind)
