"""`forcewatch_merger_v1`: one deterministic set of mentions from every recogniser.

Candidates come from `doc.ents` (the statistical NER, named by `ents_component`) and from
every `doc.spans["fw_<component>"]` group. They are ranked by the component's place in
`priority`, then by length (longer first), then by position and label, so the result
never depends on the order components ran in. Going down that ranking, a candidate is:

- kept when it overlaps nothing kept so far;
- merged into a kept span of the same re3d type that contains it, giving that span its
  kb id and finer kind when it has none ("T-72B3" inside "T-72B3 tanks");
- let replace a kept span when its finer kind is in `authoritative_kinds` (the knowledge
  base knows "Iskander" is a weapon better than a model trained on Syria reports does)
  and it covers that span; a class word ("tanks", `span._.fw_generic`) has that right only
  with `generic_authoritative` (on: it scored higher on cross-validation folds of re3d-train);
- dropped otherwise.

NER spans whose label is in `confirm_labels` are candidates only when another component
proposes an overlapping span of the same label: with 47 MilitaryPlatform and 81 Weapon
examples in re3d-train, the NER's own guesses for these types ("cardiac surgery") cost
more precision than they bring recall, on cross-validation folds of re3d-train.

With `debug = true` each decision is written as a sentence to `doc.user_data["fw_merge_log"]`.
Every kept mention goes to `doc.spans["mentions"]` (label: finest type); `doc.ents` (the
re3d view, label: re3d type) keeps those whose component is in `ents_components`: on a
held-out quarter of re3d-train, knowledge-base-only and rule-only Quantity spans cost
precision against re3d's conventions, while they are what the claim stage needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .spans import CANDIDATE_PREFIX, MENTIONS_KEY, MERGE_LOG_KEY, set_span_extensions


@dataclass
class Candidate:
    span: Span
    component: str
    rank: int
    replaced: bool = False  # it took the place of spans of higher-ranked components

    @property
    def key(self) -> tuple:
        return (self.rank, -(self.span.end - self.span.start), self.span.start, self.span.label_)

    @property
    def kind(self) -> str | None:
        return self.span._.fw_kind

    def describe(self) -> str:
        kb = f" kb={self.span.kb_id_}" if self.span.kb_id_ else ""
        return f"{self.span.label_} '{self.span.text}' [{self.span.start}:{self.span.end}]{kb} from {self.component}"


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


class Merger:
    """Resolves overlapping candidates; see the module docstring for the rules."""

    def __init__(
        self,
        name: str,
        priority: list[str],
        ents_component: str,
        authoritative_kinds: list[str],
        debug: bool,
        ents_components: list[str] | None = None,
        confirm_labels: list[str] | None = None,
        generic_authoritative: bool = True,
    ):
        self.name = name
        self.confirm_labels = set(confirm_labels or [])
        self.generic_authoritative = generic_authoritative
        self.ents_components = set(ents_components) if ents_components is not None else None
        self.priority = list(priority)
        self.ents_component = ents_component
        self.authoritative = set(authoritative_kinds)
        self.debug = debug

    def _rank(self, component: str) -> int:
        return self.priority.index(component) if component in self.priority else len(self.priority)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every candidate span, in the order the merger considers them."""
        found = [Candidate(span, self.ents_component, self._rank(self.ents_component)) for span in doc.ents]
        for key in sorted(doc.spans):
            if key.startswith(CANDIDATE_PREFIX):
                component = key[len(CANDIDATE_PREFIX) :]
                found.extend(Candidate(span, component, self._rank(component)) for span in doc.spans[key])
        return sorted([c for c in found if self._confirmed(c, found)], key=lambda c: c.key)

    def _confirmed(self, cand: Candidate, found: list[Candidate]) -> bool:
        if cand.component != self.ents_component or cand.span.label_ not in self.confirm_labels:
            return True
        return any(
            o.component != cand.component and o.span.label_ == cand.span.label_ and _overlaps(o.span, cand.span)
            for o in found
        )

    def resolve(self, candidates: list[Candidate]) -> tuple[list[Candidate], list[str]]:
        """The kept candidates (sorted by position) and one explanation per decision."""
        kept: list[Candidate] = []
        log: list[str] = []
        for cand in candidates:
            clashes = [k for k in kept if _overlaps(k.span, cand.span)]
            log.append(self._decide(cand, clashes, kept))
        return sorted(kept, key=lambda c: c.span.start), log

    def _decide(self, cand: Candidate, clashes: list[Candidate], kept: list[Candidate]) -> str:
        if not clashes:
            kept.append(cand)
            return f"kept {cand.describe()}: it overlaps nothing kept before"
        first = clashes[0]
        if len(clashes) == 1 and first.span.label_ == cand.span.label_ and _contains(first.span, cand.span):
            return self._enrich(first, cand)
        if self._authoritative(cand) and all(_contains(cand.span, c.span) for c in clashes):
            for clash in clashes:
                kept.remove(clash)
            cand.replaced = True
            kept.append(cand)
            return f"kept {cand.describe()}: the knowledge base is authoritative for {cand.kind}, replacing " + "; ".join(
                c.describe() for c in clashes
            )
        return f"dropped {cand.describe()}: it overlaps {first.describe()}, ranked higher"

    def _authoritative(self, cand: Candidate) -> bool:
        return cand.kind in self.authoritative and (self.generic_authoritative or not cand.span._.fw_generic)

    def _enrich(self, kept: Candidate, cand: Candidate) -> str:
        if kept.span.kb_id_ or not cand.span.kb_id_:
            return f"dropped {cand.describe()}: it lies inside {kept.describe()}, same type"
        kept.span.kb_id_ = cand.span.kb_id_
        kept.span._.fw_kind = cand.kind
        return f"merged {cand.describe()} into {kept.describe()}: same type, it adds the kb id"

    def __call__(self, doc: Doc) -> Doc:
        kept, log = self.resolve(self.candidates(doc))
        doc.spans[MENTIONS_KEY] = [self._mention(doc, c) for c in kept]
        doc.ents = [
            Span(doc, c.span.start, c.span.end, label=c.span.label_, kb_id=c.span.kb_id_)
            for c in kept
            if self.ents_components is None or c.component in self.ents_components or c.replaced
        ]
        if self.debug:
            doc.user_data[MERGE_LOG_KEY] = log
        return doc

    @staticmethod
    def _mention(doc: Doc, cand: Candidate) -> Span:
        kind = cand.kind if cand.kind in ("Unit", "Equipment", "Source") else None
        span = Span(doc, cand.span.start, cand.span.end, label=kind or cand.span.label_, kb_id=cand.span.kb_id_)
        span._.fw_kind = cand.kind
        span._.fw_re3d = cand.span.label_
        span._.fw_component = cand.component
        return span


@Language.factory(
    "forcewatch_merger_v1",
    default_config={
        "priority": ["re3d_ner", "kb_ruler", "class_ruler", "quantity", "temporal"],
        "ents_component": "re3d_ner",
        "authoritative_kinds": ["Equipment", "Unit"],
        "debug": False,
        "ents_components": None,
        "confirm_labels": [],
        "generic_authoritative": True,
    },
)
def make_merger(
    nlp: Language,
    name: str,
    priority: list[str],
    ents_component: str,
    authoritative_kinds: list[str],
    debug: bool,
    ents_components: list[str] | None,
    confirm_labels: list[str] | None = None,
    generic_authoritative: bool = True,
) -> Merger:
    """The merger; `priority` lists components from most to least trusted."""
    set_span_extensions()
    return Merger(
        name, priority, ents_component, authoritative_kinds, debug, ents_components, confirm_labels, generic_authoritative
    )
