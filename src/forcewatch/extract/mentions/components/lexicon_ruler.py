"""`forcewatch_lexicon_ruler_v1`: MilitaryPlatform and Weapon spans from the learned lexicon.

A noun whose head key the lexicon (`data/re3d_lexicon.yaml`, learned from re3d-train by
`forcewatch train lexicon`) marks as annotated at least `min_ratio` of the times it was
seen becomes a candidate; the span grows leftwards over modifiers the annotators usually
include ("chemical weapons", "remotely piloted aircraft") and takes the article when
spans of that type usually do. Heads the lexicon never saw fall back to the class nouns
of `data/classes.yaml` when `use_classes` is set (knowledge, not counts).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import ARTICLES, Lexicon, head_key, load_lexicon
from .class_ruler import CLASSES_FILE, load_classes
from .spans import add_candidates, set_span_extensions

LEXICON_FILE = Path(__file__).resolve().parents[1] / "data" / "re3d_lexicon.yaml"
NOT_HEAD_POS = {"VERB", "AUX", "ADP", "PRON", "DET"}


class LexiconRuler:
    """Candidate spans for learned class nouns, with the learned span conventions."""

    def __init__(self, name: str, lexicon: Lexicon, classes: dict[str, list[str]], settings: dict):
        self.name = name
        self.lexicon = lexicon
        self.min_ratio = float(settings["min_ratio"])
        self.min_count = int(settings["min_count"])
        self.modifier_ratio = float(settings["modifier_ratio"])
        self.fallback = {head_key(p): label for label, phrases in classes.items() for p in phrases if " " not in p}

    def label_of(self, token) -> str | None:
        """The type of a head token, or None when it is not a learned (or fallback) class noun."""
        if token.pos_ in NOT_HEAD_POS:
            return None
        key = head_key(token.text)
        if key in self.lexicon.heads:
            return self.lexicon.head_type(key, self.min_ratio, self.min_count)
        return self.fallback.get(key)

    def span_for(self, doc: Doc, i: int, label: str) -> Span:
        """The span ending at head `i`, grown over learned modifiers and, by convention, the article."""
        start = i
        while start > 0 and self.lexicon.takes_modifier(doc[start - 1].text, self.modifier_ratio):
            start -= 1
        while start < i and doc[start].is_punct:
            start += 1  # a span never starts on a hyphen or comma
        if start > 0 and doc[start - 1].lower_ in ARTICLES and self.lexicon.takes_article(label):
            start -= 1
        return Span(doc, start, i + 1, label=label)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for token in doc:
            label = self.label_of(token)
            if label and not self._continues(doc, token.i, label):
                spans.append(self.span_for(doc, token.i, label))
        add_candidates(doc, self.name, _without_overlaps(spans))
        return doc

    def _continues(self, doc: Doc, i: int, label: str) -> bool:
        """Whether token `i` is a modifier of the next word ("rocket" in "rocket-propelled")."""
        if i + 1 >= len(doc):
            return False
        nxt = doc[i + 1]
        return nxt.text == "-" or self.label_of(nxt) == label


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:  # in text order: a later span overlapping a kept one is dropped
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


@Language.factory(
    "forcewatch_lexicon_ruler_v1",
    default_config={
        "lexicon_file": None,
        "use_classes": True,
        "min_ratio": 0.5,
        "min_count": 2,
        "modifier_ratio": 0.5,
    },
)
def make_lexicon_ruler(
    nlp: Language,
    name: str,
    lexicon_file: str | None,
    use_classes: bool,
    min_ratio: float,
    min_count: int,
    modifier_ratio: float,
) -> LexiconRuler:
    """Learned class-noun recogniser; `lexicon_file` replaces the shipped `data/re3d_lexicon.yaml`."""
    set_span_extensions()
    lexicon = load_lexicon(Path(lexicon_file) if lexicon_file else LEXICON_FILE)
    classes = load_classes(CLASSES_FILE) if use_classes else {}
    settings = {"min_ratio": min_ratio, "min_count": min_count, "modifier_ratio": modifier_ratio}
    return LexiconRuler(name, lexicon, classes, settings)
