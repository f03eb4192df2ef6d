"""The equipment catalogue: models, their aliases, items and organic set sizes."""

from __future__ import annotations

from .model import EchelonSize, Equipment
from .text import AliasMatcher, Match, key


class EquipmentCatalogue:
    """Looks up models ("Т-72Б3" -> T-72B3) and finds every model or class word in text."""

    def __init__(self, entries: list[Equipment], echelons: list[EchelonSize] | None = None):
        self.entries = {e.id: e for e in entries}
        self.echelons = {key(e.echelon): e for e in echelons or []}
        self._matcher = AliasMatcher("equipment")
        for entry in entries:
            for name in entry.names():
                self._matcher.add(name, entry, proper=name in entry.proper)

    def __len__(self) -> int:
        return sum(1 for e in self.entries.values() if not e.generic)

    def __iter__(self):
        return iter(self.entries.values())

    def get(self, id: str) -> Equipment | None:
        """The entry with this id."""
        return self.entries.get(id)

    def lookup(self, name: str) -> Equipment | None:
        """The model (or class word) called `name` in any spelling, or None."""
        found = self._matcher.get(name)
        if found:
            return found[0]
        stripped = _strip_plural(name)
        return self._matcher.get(stripped)[0] if stripped and self._matcher.get(stripped) else None

    def find(self, text: str) -> list[Match]:
        """Every model and class word in `text`, longest match first, non-overlapping."""
        return self._matcher.find(text)

    def set_size(self, name: str, echelon: str) -> int | None:
        """How many of model `name` an `echelon` ("battalion") holds, where the record says."""
        entry = self.lookup(name)
        while entry is not None:
            if echelon in entry.set_sizes:
                return entry.set_sizes[echelon]
            entry = self.entries.get(entry.parent) if entry.parent else None
        return None

    def echelon_size(self, echelon: str) -> EchelonSize | None:
        """Typical strength of an echelon ("battalion tactical group"), or None."""
        return self.echelons.get(key(echelon))


def _strip_plural(name: str) -> str | None:
    text = name.strip()
    for suffix in ("'s", "’s", "s"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return None
