"""Entity resolution across documents: sources, places, equipment, units.

The knowledge base decides first (its ids are stable across runs and users). A name the
base does not know becomes a *provisional* entity; later spellings of it ("Belarusian
Hajun" / "Belarusian Gayun") join it by fuzzy match (rapidfuzz), so fusion still counts
one source, one place, one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 88  # token-sort ratio; below this, spelling variants start to merge different names
KINDS = ("source", "place", "equipment", "unit")


@dataclass(frozen=True)
class Entity:
    """A resolved name: KB id and canonical name, or a provisional id for what the KB lacks."""

    id: str
    name: str
    kind: str
    provisional: bool
    entry: Any = None


@lru_cache(maxsize=1)
def knowledge() -> Any:
    """The shared knowledge base, or None while it is not installed (fusion then runs on names)."""
    try:
        from ..knowledge import kb
    except ImportError:
        return None
    return kb


def slug(text: str) -> str:
    """Lower-case words joined by hyphens, for ids ("Belarusian Hajun" -> "belarusian-hajun")."""
    return re.sub(r"[^0-9a-z]+", "-", text.casefold()).strip("-")


def _kb_lookup(kind: str, name: str) -> Any:
    kb = knowledge()
    if kb is None:
        return None
    table = {"source": lambda: kb.sources.lookup(name), "place": lambda: kb.places.resolve(name),
             "equipment": lambda: kb.equipment.lookup(name), "unit": lambda: kb.units.parse(name)}
    return table[kind]()


def variants(name: str) -> list[str]:
    """The name, then its parts: "Eyes on Russia (CIR/Bellingcat)" -> ..., "CIR", "Bellingcat".

    Compound names join an aggregator and its collectors, or a description and an acronym;
    the KB may know only a part.
    """
    inside = re.findall(r"\(([^)]+)\)", name)
    outside = re.sub(r"\([^)]*\)", " ", name).strip()
    parts = [p.strip() for chunk in [outside, *inside] for p in re.split(r"/|;", chunk)]
    return list(dict.fromkeys([name, outside, *inside, *parts]))


class Resolver:
    """Resolves names of one kind or another; remembers provisional entities it has made."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Entity | None] = {}
        self._provisional: dict[str, dict[str, Entity]] = {kind: {} for kind in KINDS}

    def resolve(self, kind: str, name: str | None) -> Entity | None:
        """The entity `name` stands for; None for an empty name."""
        if not name or not name.strip():
            return None
        key = (kind, name.strip().casefold())
        if key not in self._cache:
            self._cache[key] = self._resolve(kind, name.strip())
        return self._cache[key]

    def _resolve(self, kind: str, name: str) -> Entity:
        for variant in variants(name):
            entry = _kb_lookup(kind, variant)
            if entry is not None:
                return Entity(str(entry.id), entry.name, kind, False, entry)
        return self._provisional_entity(kind, name)

    def _provisional_entity(self, kind: str, name: str) -> Entity:
        known = self._provisional[kind]
        match = process.extractOne(name.casefold(), list(known), scorer=fuzz.token_sort_ratio,
                                   score_cutoff=FUZZY_CUTOFF)
        if match is not None:
            return known[match[0]]
        entity = Entity(f"prov:{kind}:{slug(name)}", name, kind, True)
        known[name.casefold()] = entity
        return entity

    def provisional(self) -> list[Entity]:
        """Every provisional entity made so far, for review and for extending the KB."""
        return [e for kind in KINDS for e in self._provisional[kind].values()]

    def country(self, name: str | None) -> str | None:
        """Canonical country name for a raw spelling ("Belaurs" -> "Belarus")."""
        place = self.resolve("place", name)
        if place is None:
            return None
        if place.provisional:
            return place.name
        return place.entry.name if place.entry.kind == "country" else place.entry.country


def country_at(lat: float, lon: float) -> str | None:
    """The country the knowledge base's borders put a point in, or None."""
    kb = knowledge()
    return kb.places.country_at(lat, lon) if kb is not None else None


def distance_to_border_km(lat: float, lon: float, country: str, neighbour: str) -> float | None:
    """Kilometres from a point in `country` to its border with `neighbour`, or None."""
    kb = knowledge()
    return kb.places.distance_to_border_km(lat, lon, country, neighbour) if kb is not None else None


@lru_cache(maxsize=4096)
def equipment_category(name: str) -> str | None:
    """The KB's finer category of an equipment model ("command", "ew", "mbt" ...), if known."""
    kb = knowledge()
    entry = kb.equipment.lookup(name) if kb is not None else None
    return getattr(entry, "category", None) if entry is not None else None


@lru_cache(maxsize=1024)
def country_name(value: str | None) -> str | None:
    """Canonical country name for a name, raw spelling or ISO code ("BY", "Belaurs" -> "Belarus")."""
    if not value:
        return None
    kb = knowledge()
    place = kb.places.resolve(value) if kb is not None else None
    if place is None:
        return value
    if place.kind == "country":
        return place.name
    return country_name(place.country) if place.country and place.country != value else value
