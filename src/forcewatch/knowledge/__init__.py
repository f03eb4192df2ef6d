"""The knowledge base: equipment, units, places and sources as versioned data files.

    from forcewatch.knowledge import kb
    kb.equipment.lookup("Т-72Б3").name        # "T-72B3"
    kb.units.parse("1st GTA").name            # "1st Guards Tank Army"
    kb.places.resolve("Rechitsa").lat         # 52.36...
    kb.sources.lookup("GUR").reliability      # "B"

`kb` merges the shipped data (`knowledge/data/`) with the user's directories
(`FORCEWATCH_KB_DIRS`) and is loaded once, on first use. See docs/knowledge.md.
"""

from __future__ import annotations

from .base import KnowledgeBase, kb
from .loader import load_file
from .model import ITEMS, EchelonSize, Equipment, Place, Source, Unit
from .text import Match, key, transliterate

__all__ = [
    "kb",
    "KnowledgeBase",
    "Match",
    "Equipment",
    "EchelonSize",
    "Unit",
    "Place",
    "Source",
    "ITEMS",
    "key",
    "transliterate",
    "load_file",
]
