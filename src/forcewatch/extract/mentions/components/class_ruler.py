"""`forcewatch_class_ruler_v1`: platforms and weapons named by their abstract class.

re3d annotates "tanks", "aircraft", "mortar", "VBIEDs" as MilitaryPlatform or Weapon; the
classes are data (`data/classes.yaml`). Matching is on lower-cased whole tokens, plurals
included, the longest match winning ("rocket artillery" over "artillery").
"""

from __future__ import annotations

from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .spans import add_candidates, set_span_extensions

CLASSES_FILE = Path(__file__).resolve().parents[1] / "data" / "classes.yaml"


def load_classes(path: Path = CLASSES_FILE) -> dict[str, list[str]]:
    """re3d type -> class phrases, from the YAML file at `path`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {label: list(phrases) for label, phrases in data.items() if isinstance(phrases, list)}


def _forms(phrase: str) -> list[str]:
    return [phrase, phrase + "s"] if not phrase.endswith("s") else [phrase]


class ClassRuler:
    """Candidate MilitaryPlatform and Weapon spans from class nouns."""

    def __init__(self, nlp: Language, name: str, classes: dict[str, list[str]]):
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in sorted(classes.items()):
            forms = sorted({f for p in phrases for f in _forms(p)})
            self.matcher.add(label, [nlp.make_doc(f) for f in forms])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        spans = [Span(doc, start, end, label=self.matcher.vocab.strings[key]) for key, start, end in matches]
        add_candidates(doc, self.name, filter_spans(spans))
        return doc


@Language.factory("forcewatch_class_ruler_v1", default_config={"classes_file": None})
def make_class_ruler(nlp: Language, name: str, classes_file: str | None) -> ClassRuler:
    """Class-noun recogniser; `classes_file` replaces the shipped `data/classes.yaml`."""
    set_span_extensions()
    return ClassRuler(nlp, name, load_classes(Path(classes_file) if classes_file else CLASSES_FILE))
