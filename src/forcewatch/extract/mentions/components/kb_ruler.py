"""`forcewatch_kb_ruler_v1`: entities the knowledge base knows, with their kb ids.

Runs the knowledge base's finders (equipment, units, places, sources) over the text.
Each match becomes a candidate span labelled with its re3d type (from `data/types.yaml`)
with `kb_id_` set and `span._.fw_kind` the finer kind. The finders are used as they are;
a finder that is empty or absent simply contributes nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..types import re3d_type_of
from .spans import add_candidates, char_span, set_span_extensions

KINDS = {"equipment": "Equipment", "unit": "Unit", "place": "Place", "source": "Source"}
FINDERS = {"equipment": "equipment", "units": "unit", "places": "place", "sources": "source"}


def _entry_id(entry: object) -> str:
    return str(getattr(entry, "id", "") or getattr(entry, "name", "") or "")


class KbRuler:
    """Candidate mentions from the knowledge-base finders named in `catalogues`."""

    def __init__(self, name: str, catalogues: list[str]):
        self.name = name
        self.catalogues = list(catalogues)

    def _matches(self, text: str) -> list:
        from ....knowledge import kb  # loaded once, on first use

        found = []
        for catalogue in self.catalogues:
            finder = getattr(kb, catalogue, None)
            if finder is not None:
                found.extend(finder.find(text))
        return found

    def _span(self, doc: Doc, match) -> Span | None:
        kind = KINDS.get(match.kind, match.kind.title())
        span = char_span(doc, match.start, match.end, re3d_type_of(kind, match.entry), _entry_id(match.entry))
        if span is not None:
            span._.fw_kind = kind
            span._.fw_generic = bool(getattr(match.entry, "generic", False))
        return span

    def __call__(self, doc: Doc) -> Doc:
        spans = [self._span(doc, m) for m in self._matches(doc.text)]
        add_candidates(doc, self.name, [s for s in spans if s is not None])
        return doc


@Language.factory(
    "forcewatch_kb_ruler_v1",
    default_config={"catalogues": list(FINDERS)},
)
def make_kb_ruler(nlp: Language, name: str, catalogues: list[str]) -> KbRuler:
    """Knowledge-base entity recogniser; `catalogues` picks among equipment, units, places, sources."""
    set_span_extensions()
    return KbRuler(name, catalogues)
