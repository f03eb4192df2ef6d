"""`forcewatch_quantity_v1` and `forcewatch_temporal_v1`: rule-based number and date mentions.

Both wrap the claim stage's readers (`extract.claims.quantities`, `extract.claims.dates`)
so that a number or a date is read the same way everywhere; this module only turns their
character offsets into candidate spans with re3d types.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .spans import add_candidates, char_span, set_span_extensions

# trap kinds of the quantity reader that are still re3d Quantities once their unit is added
UNIT_TRAPS = {"distance", "percent", "weight", "area", "speed"}
SKIPPED_TRAPS = {"year", "model", "ordinal", "time", "odds"}
CURRENCY = {"$", "£", "€", "US$"}
LEADING_WORDS = {"in", "on", "since", "during", "by", "until", "of", "at", "from"}


def _quantity_span(doc: Doc, q) -> Span | None:
    if q.trap in SKIPPED_TRAPS:
        return None
    label = "Money" if q.trap == "money" else "Quantity"
    span = char_span(doc, q.start, q.end, label)
    if span is None:
        return None
    start, end = span.start, span.end
    if q.trap in UNIT_TRAPS and end < len(doc) and doc[end].is_alpha:
        end += 1  # "30 percent", "88 kilometers"
    if label == "Money" and start > 0 and doc[start - 1].text in CURRENCY:
        start -= 1  # "$ 5 million"
    return Span(doc, start, end, label=label)


def _temporal_span(doc: Doc, d) -> Span | None:
    span = char_span(doc, d.start, d.end, "Temporal")
    if span is None:
        return None
    start = span.start
    while start < span.end - 1 and doc[start].lower_ in LEADING_WORDS:
        start += 1  # "in 2022" -> "2022": the preposition is not part of the date
    return Span(doc, start, span.end, label="Temporal")


class QuantityRecogniser:
    """Number expressions as Quantity (counts, distances, percentages) or Money candidates."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from ...claims.quantities import find_quantities

        spans = [_quantity_span(doc, q) for q in find_quantities(doc.text)]
        add_candidates(doc, self.name, [s for s in spans if s is not None])
        return doc


class TemporalRecogniser:
    """Calendar dates, months, years and weekdays as Temporal candidates."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from ...claims.dates import find_dates

        spans = [_temporal_span(doc, d) for d in find_dates(doc.text, None)]
        add_candidates(doc, self.name, [s for s in spans if s is not None])
        return doc


@Language.factory("forcewatch_quantity_v1")
def make_quantity(nlp: Language, name: str) -> QuantityRecogniser:
    """Rule-based Quantity and Money recogniser."""
    set_span_extensions()
    return QuantityRecogniser(name)


@Language.factory("forcewatch_temporal_v1")
def make_temporal(nlp: Language, name: str) -> TemporalRecogniser:
    """Rule-based Temporal recogniser."""
    set_span_extensions()
    return TemporalRecogniser(name)
