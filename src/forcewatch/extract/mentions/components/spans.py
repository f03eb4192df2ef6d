"""Span extensions and the naming of candidate span groups shared by the components.

Each recogniser writes its candidates to `doc.spans["fw_<component>"]` with the re3d type
as label; the merger reads every such group and writes `doc.spans["mentions"]`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

CANDIDATE_PREFIX = "fw_"
MENTIONS_KEY = "mentions"
MERGE_LOG_KEY = "fw_merge_log"


def set_span_extensions() -> None:
    """`span._.fw_kind`: finer kind (Unit, Equipment, Source, Place); `span._.fw_re3d`: the
    re3d type of a mention span; `span._.fw_component`: the component that found it;
    `span._.fw_generic`: a knowledge-base class word ("tanks") rather than a named model."""
    for name in ("fw_kind", "fw_re3d", "fw_component", "fw_generic"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def candidate_group(component: str) -> str:
    return f"{CANDIDATE_PREFIX}{component}"


def add_candidates(doc: Doc, component: str, spans: list[Span]) -> None:
    """Store `spans` as the candidates of `component`, each marked with the component name."""
    set_span_extensions()
    for span in spans:
        span._.fw_component = component
    doc.spans[candidate_group(component)] = spans


def char_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "") -> Span | None:
    """A token span for character offsets, snapped outward to token edges; None for whitespace."""
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    return span
