"""The class-noun lexicon learned from re3d-train, its ruler, and the merger's confirmation rule."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from forcewatch.extract.mentions import components  # noqa: F401  (registers the factories)
from forcewatch.extract.mentions.components.lexicon_ruler import LexiconRuler
from forcewatch.extract.mentions.components.spans import add_candidates
from forcewatch.extract.mentions.conll import read_conll
from forcewatch.extract.mentions.lexicon import head_key, learn_lexicon, load_lexicon, save_lexicon

SETTINGS = {"min_ratio": 0.5, "min_count": 2, "modifier_ratio": 0.5}  # as in config.cfg


@pytest.fixture(scope="module")
def lexicon(corpus):
    return learn_lexicon(read_conll(corpus / "re3d" / "conll" / "re3d-train.conll"))


@pytest.fixture(scope="module")
def ruler(lexicon):
    return LexiconRuler("lexicon_ruler", lexicon, {}, SETTINGS)


@pytest.mark.parametrize(("word", "key"), [("VBIEDs", "vbied"), ("aircraft", "aircraft"), ("strikes", "strike"), ("press", "press")])
def test_head_key_drops_plural_s_only(word, key):
    assert head_key(word) == key


def test_lexicon_keeps_heads_annotators_usually_mark(lexicon):
    assert lexicon.head_type("aircraft", 0.5, 1) == "MilitaryPlatform"
    assert lexicon.head_type("vbied", 0.5, 1) == "Weapon"
    # "strikes" is a Weapon 13 times in re3d-train but plain text 54 times
    assert lexicon.heads["strike"]["Weapon"] == 13 and lexicon.head_type("strike", 0.5, 1) is None


def test_lexicon_learns_modifiers_and_article_convention(lexicon):
    assert lexicon.takes_modifier("chemical", 0.5) and lexicon.takes_modifier("remotely", 0.5)
    assert not lexicon.takes_modifier("and", 0.5)  # "and" mostly stands before a span, not inside
    assert not lexicon.takes_article("MilitaryPlatform")  # "a [tank]", "an [armored vehicle]"


def test_lexicon_round_trips_through_yaml(lexicon, tmp_path):
    path = save_lexicon(lexicon, tmp_path / "lexicon.yaml", "re3d-train.conll")
    assert load_lexicon(path).as_dict() == lexicon.as_dict()
    assert "re3d-train.conll" in path.read_text(encoding="utf-8")


def _found(ruler, text: str) -> list[tuple[str, str]]:
    doc = ruler(spacy.blank("en")(text))
    return [(s.text, s.label_) for s in doc.spans["fw_lexicon_ruler"]]


def test_lexicon_ruler_grows_spans_over_learned_modifiers(ruler):
    # CENTCOM-style strike report, not a re3d sentence
    found = _found(ruler, "Near Hit, remotely piloted aircraft destroyed two tactical vehicles and a heavy machine gun.")
    assert ("remotely piloted aircraft", "MilitaryPlatform") in found
    assert ("tactical vehicles", "MilitaryPlatform") in found
    assert any(label == "Weapon" and text.endswith("heavy machine gun") for text, label in found)


def test_lexicon_ruler_skips_rarely_annotated_heads_and_compound_modifiers(ruler):
    found = _found(ruler, "Coalition strikes hit a VBIED facility and rocket-propelled grenades.")
    texts = [text for text, _ in found]
    assert "strikes" not in texts
    assert "rocket" not in texts  # a modifier of "propelled", not a head


def _merged(text: str, ner: list[tuple[int, int, str]], ruler: list[tuple[int, int, str]]):
    nlp = spacy.blank("en")
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ner]
    add_candidates(doc, "lexicon_ruler", [Span(doc, s, e, label=label) for s, e, label in ruler])
    merger = nlp.add_pipe("forcewatch_merger_v1", config={"confirm_labels": ["MilitaryPlatform", "Weapon"]})
    return [(e.text, e.label_) for e in merger(doc).ents]


def test_merger_drops_unconfirmed_ner_weapons_but_keeps_confirmed_ones():
    # re3d-train: "... used chemical weapons against the Syrian people"; the NER also tagged "cardiac surgery"
    text = "The regime used chemical weapons near the cardiac surgery unit."
    ents = _merged(text, ner=[(1, 2, "Organisation"), (3, 5, "Weapon"), (7, 9, "Weapon")], ruler=[(3, 5, "Weapon")])
    assert ("chemical weapons", "Weapon") in ents
    assert ("regime", "Organisation") in ents
    assert not any(t == "cardiac surgery" for t, _ in ents)


def test_train_lexicon_command_reproduces_the_shipped_lexicon(corpus, tmp_path):
    from typer.testing import CliRunner

    from forcewatch.cli.main import app
    from forcewatch.extract.mentions.components.lexicon_ruler import LEXICON_FILE

    out = tmp_path / "lexicon.yaml"
    args = ["train", "lexicon", "--train", str(corpus / "re3d" / "conll" / "re3d-train.conll"), "--out", str(out), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert '"sentences": 765' in result.stdout
    assert out.read_text(encoding="utf-8") == LEXICON_FILE.read_text(encoding="utf-8")
