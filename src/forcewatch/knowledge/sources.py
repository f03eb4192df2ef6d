"""The source registry: who asserts claims, with a default Admiralty reliability grade."""

from __future__ import annotations

from .model import Source
from .text import AliasMatcher, Match


class SourceRegistry:
    """Looks up outlets, governments, militaries, services and analysts by any of their names."""

    def __init__(self, entries: list[Source], overrides: dict[str, str] | None = None):
        self.entries = {e.id: e for e in entries}
        self._matcher = AliasMatcher("source")
        for entry in entries:
            for name in entry.names():
                self._matcher.add(name, entry, proper=name in entry.proper, plurals=False)
        for source_id, grade in (overrides or {}).items():
            self.set_reliability(source_id, grade)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries.values())

    def get(self, id: str) -> Source | None:
        """The entry with this id."""
        return self.entries.get(id)

    def lookup(self, name: str) -> Source | None:
        """The source called `name` ("GUR", "Belarusian Defense Ministry"), or None."""
        found = self._matcher.get(name)
        if not found and name.lower().startswith("the "):
            found = self._matcher.get(name[4:])
        return found[0] if found else None

    def find(self, text: str) -> list[Match]:
        """Every source named in `text`, longest match first, non-overlapping."""
        return self._matcher.find(text)

    def set_reliability(self, name: str, grade: str, note: str = "set by the user") -> Source:
        """Override the default grade of one source (by id or name); returns the updated entry."""
        from ..errors import KnowledgeError

        entry = self.entries.get(name) or self.lookup(name)
        if entry is None:
            raise KnowledgeError(f"reliability override: no source called {name!r}; check `forcewatch kb lookup`.")
        if grade not in "ABCDEF" or len(grade) != 1:
            raise KnowledgeError(f"reliability override for {name!r}: {grade!r} is not a grade A..F.")
        entry.reliability = grade
        entry.reliability_note = note
        return entry
