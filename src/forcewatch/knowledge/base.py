"""The knowledge base: shipped data merged with the user's directories, loaded once, lazily."""

from __future__ import annotations

import threading
from collections import defaultdict
from functools import cached_property
from pathlib import Path

from ..errors import KnowledgeError
from .equipment import EquipmentCatalogue
from .loader import DATA_DIR, LoadedFile, data_files, duplicate_alias_errors, load_file, merge
from .model import Entry
from .places import TOWN_TABLES, Gazetteer
from .sources import SourceRegistry
from .text import Match, key
from .units import UnitCatalogue, UnitGrammar

# Owned by the extraction lexicons, read by their own loader.
SKIP_DIRS = ("lexicons",)


def shipped_files() -> list[Path]:
    """The data files that ship with forcewatch (lexicons excluded)."""
    return [p for p in data_files([DATA_DIR]) if not any(part in SKIP_DIRS for part in p.relative_to(DATA_DIR).parts)]


class KnowledgeBase:
    """Equipment, units, places and sources; `user_dirs` extend and override the shipped data.

    Nothing is read until a catalogue is first used. Invalid files raise KnowledgeError
    listing every `file:line: message` found.
    """

    def __init__(self, user_dirs: list[Path] | None = None, data_dir: Path | None = None):
        self.user_dirs = [Path(p) for p in user_dirs or []]
        self.data_dir = Path(data_dir) if data_dir else DATA_DIR
        self._lock = threading.Lock()
        self.warnings: list[str] = []

    # -- loading ------------------------------------------------------------------------------

    def _files(self, dirs: list[Path]) -> list[LoadedFile]:
        return [load_file(p) for p in dirs]

    @cached_property
    def _loaded(self) -> dict[str, object]:
        with self._lock:
            shipped_paths = shipped_files() if self.data_dir == DATA_DIR else data_files([self.data_dir])
            shipped = self._files(shipped_paths)
            user = self._files(data_files(self.user_dirs)) if self.user_dirs else []
            errors = [e for f in shipped + user for e in f.errors]
            if errors:
                raise KnowledgeError("knowledge base does not validate:\n" + "\n".join(errors))
            return self._assemble(shipped, user)

    def _assemble(self, shipped: list[LoadedFile], user: list[LoadedFile]) -> dict[str, object]:
        entries: dict[str, list[Entry]] = defaultdict(list)
        docs: dict[str, dict] = {}
        for f in shipped:
            entries[f.kind] += f.entries
            docs.setdefault(f.kind, {}).update(f.raw)
        for f in user:
            entries[f.kind] = merge(entries[f.kind], f.entries)
            _merge_doc(docs.setdefault(f.kind, {}), f.raw)
        for kind, items in entries.items():
            self.warnings += duplicate_alias_errors(items) if kind != "echelons" else []
        return {"entries": entries, "docs": docs}

    def _entries(self, kind: str) -> list:
        return self._loaded["entries"].get(kind, [])

    def _doc(self, kind: str) -> dict:
        return self._loaded["docs"].get(kind, {})

    # -- catalogues -----------------------------------------------------------------------------

    @cached_property
    def equipment(self) -> EquipmentCatalogue:
        """Models and class words; see EquipmentCatalogue."""
        return EquipmentCatalogue(self._entries("equipment"), self._entries("echelons"))

    @cached_property
    def units(self) -> UnitCatalogue:
        """Formations by name or grammar; see UnitCatalogue. Garrison coordinates come from the gazetteer."""
        entries = self._entries("units")
        for unit in entries:
            if unit.lat is None and unit.garrison:
                self._locate(unit)
        return UnitCatalogue(entries, UnitGrammar(self._doc("unit_grammar")))

    def _locate(self, unit) -> None:
        country = unit.country if unit.country in self.places.countries else None
        place = self.places.resolve(unit.garrison, country=country) or self.places.resolve(unit.garrison)
        if place is not None and place.lat is not None:
            unit.lat, unit.lon = place.lat, place.lon
            unit.source += f"; garrison {place.name}: {place.source}"

    @cached_property
    def places(self) -> Gazetteer:
        """Countries, regions, towns, sites, areas and borders; see Gazetteer."""
        places_dir = self.data_dir / "places"
        towns = [places_dir / name for name in TOWN_TABLES]
        return Gazetteer(self._entries("places"), towns, self._doc("place_phrases"), places_dir / "borders.geojson")

    @cached_property
    def sources(self) -> SourceRegistry:
        """Who asserts claims, with reliability grades; see SourceRegistry."""
        overrides = {k: v for k, v in (self._doc("sources").get("reliability_overrides") or {}).items() if k != "__line__"}
        return SourceRegistry(self._entries("sources"), overrides)

    # -- whole-base helpers ---------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """Entry counts: {"equipment", "units", "places", "sources"}."""
        return {
            "equipment": len(self.equipment),
            "units": len(self.units),
            "places": len(self.places),
            "sources": len(self.sources),
        }

    def find(self, text: str) -> list[Match]:
        """Every equipment, unit, place and source mention in `text`, in text order."""
        found = self.equipment.find(text) + self.units.find(text) + self.places.find(text) + self.sources.find(text)
        return sorted(found, key=lambda m: (m.start, -m.end))

    def lookup(self, text: str) -> Match | None:
        """The best entry named exactly by `text` across all catalogues, as a Match.

        Order: equipment, unit, source, place; but a place wins over a source named by
        metonym ("Minsk", "Moscow") and over a generic class word.
        """
        place = self.places.resolve(text)
        for kind, fn in (("equipment", self.equipment.lookup), ("unit", self.units.parse), ("source", self.sources.lookup)):
            entry = fn(text)
            if entry is None:
                continue
            if place is not None and (getattr(entry, "generic", False) or _is_metonym(entry, text)):
                break
            return Match(0, len(text), text, kind, entry)
        return Match(0, len(text), text, "place", place) if place is not None else None


def _is_metonym(entry, text: str) -> bool:
    return bool(getattr(entry, "proper", None)) and key(text) in {key(p) for p in entry.proper}


def _merge_doc(base: dict, extra: dict) -> None:
    """User grammar/phrase files add words to the shipped tables (one level deep)."""
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            base[k] = {**base[k], **v}
        elif isinstance(v, list) and isinstance(base.get(k), list):
            base[k] = base[k] + [x for x in v if x not in base[k]]
        else:
            base[k] = v


class _LazyKB:
    """`kb`: the default base (Settings.kb_dirs), built on first attribute access."""

    _instance: KnowledgeBase | None = None

    def _get(self) -> KnowledgeBase:
        if _LazyKB._instance is None:
            from ..config import get_settings

            _LazyKB._instance = KnowledgeBase(get_settings().kb_dirs)
        return _LazyKB._instance

    def __getattr__(self, name: str):
        return getattr(self._get(), name)

    def reload(self, user_dirs: list[Path] | None = None) -> KnowledgeBase:
        """Drop the cached base; the next use reads the data again (with `user_dirs` if given)."""
        from ..config import get_settings

        _LazyKB._instance = KnowledgeBase(user_dirs if user_dirs is not None else get_settings().kb_dirs)
        return _LazyKB._instance


kb = _LazyKB()


def describe(match: Match) -> dict:
    """A Match as a flat dict for JSON: kind, canonical name, item/category, lat/lon, all fields."""
    entry = match.entry
    data = entry.model_dump(exclude={"origin_file", "line"}) if hasattr(entry, "model_dump") else dict(entry)
    out = {"query": match.text, "kind": match.kind, "id": data.pop("id", None), "name": data.pop("name", None)}
    if "kind" in data:  # a place's own kind (city, site, border...)
        out["place_kind"] = data.pop("kind")
    out.update({k: v for k, v in data.items() if v not in (None, [], {})})
    out["defined_at"] = f"{entry.origin_file}:{entry.line}" if getattr(entry, "line", 0) else getattr(entry, "origin_file", "")
    return out


def validate_paths(paths: list[Path]) -> list[str]:
    """Check a user's extension files: schema errors, and aliases clashing with each other or the base."""
    files = [load_file(p) for p in data_files(paths)]
    errors = [e for f in files for e in f.errors]
    shipped = KnowledgeBase()
    user_paths = {str(f.path) for f in files}
    for kind in {f.kind for f in files}:
        user = [e for f in files if f.kind == kind for e in f.entries]
        if not user:
            continue
        merged = merge(shipped._entries(kind), user)
        clashes = duplicate_alias_errors(merged) if kind != "echelons" else []
        errors += [c for c in clashes if c.split(":", 1)[0] in user_paths and c not in errors]
    return errors
