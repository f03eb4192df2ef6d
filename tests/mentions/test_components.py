"""Each rule component and the merger, on real sentences (re3d-train and defence reporting)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from forcewatch.extract.mentions import components  # noqa: F401  (registers the factories)
from forcewatch.extract.mentions.components.spans import MERGE_LOG_KEY, add_candidates
from forcewatch.extract.mentions.tokenizer import create_designation_tokenizer


def _pipeline(*names: str, **merger_config):
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(f"forcewatch_{name}_v1", name=name)
    nlp.add_pipe("forcewatch_merger_v1", name="merger", config={"debug": True, **merger_config})
    return nlp


def _found(doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in doc.spans["mentions"]]


def test_class_ruler_finds_platforms_and_weapons_by_class_noun():
    # re3d-train: "Coalition military forces ... using attack, bomber, fighter and remotely piloted aircraft"
    doc = _pipeline("class_ruler")("ISIL fired mortars and rocket artillery at the tanks; VBIEDs struck a bulldozer.")
    found = _found(doc)
    assert ("mortars", "Weapon") in found
    assert ("rocket artillery", "Weapon") in found  # the longest class wins over "artillery"
    assert ("tanks", "MilitaryPlatform") in found
    assert ("VBIEDs", "Weapon") in found
    assert not any(text == "artillery" for text, _ in found)


def test_quantity_recogniser_reads_bounds_and_skips_years():
    text = "Russia will send some 170 tanks, up to 200 armored combat vehicles and up to 9,000 soldiers in 2022."
    found = _found(_pipeline("quantity")(text))
    assert ("some 170", "Quantity") in found
    assert ("up to 200", "Quantity") in found
    assert ("up to 9,000", "Quantity") in found
    assert not any("2022" in t for t, _ in found)


def test_quantity_recogniser_adds_units_and_currency():
    found = _found(_pipeline("quantity")("The airstrike hit a depot 88 kilometers away; the UK gave $5 million."))
    assert ("88 kilometers", "Quantity") in found
    assert ("$5 million", "Money") in found


def test_temporal_recogniser_drops_leading_preposition():
    text = "Operation Steel Curtain was executed in early November 2005, the ministry said on 10/17/2022."
    found = _found(_pipeline("temporal")(text))
    assert ("November 2005", "Temporal") in found
    assert ("10/17/2022", "Temporal") in found


def _doc_with_candidates(text: str, groups: dict[str, list[tuple[int, int, str, str]]]):
    nlp = spacy.blank("en")
    nlp.tokenizer = create_designation_tokenizer()(nlp)
    doc = nlp(text)
    for component, spans in groups.items():
        made = []
        for start, end, label, kb_id in spans:
            span = Span(doc, start, end, label=label, kb_id=kb_id)
            made.append(span)
        add_candidates(doc, component, made)
    return nlp, doc


SENTENCE = "Belarus said Russia sent Iskander-M missiles and T-72B3 tanks toward the border."
#            0       1    2      3    4          5        6   7      8     9      10  11   12


def _candidates():
    return {
        "re3d_ner": [(0, 1, "Organisation", ""), (2, 3, "Organisation", ""), (4, 5, "Organisation", ""), (7, 9, "MilitaryPlatform", "")],
        "kb_ruler": [(4, 5, "Weapon", "iskander-m"), (7, 8, "MilitaryPlatform", "t-72b3")],
        "class_ruler": [(5, 6, "Weapon", ""), (8, 9, "MilitaryPlatform", "")],
    }


def _run_merger(groups, order):
    nlp, doc = _doc_with_candidates(SENTENCE, {k: groups[k] for k in order})
    kinds = {"iskander-m": "Equipment", "t-72b3": "Equipment"}
    for span in doc.spans["fw_kb_ruler"]:
        span._.fw_kind = kinds[span.kb_id_]
    merger = spacy.registry.factories.get("forcewatch_merger_v1")(
        nlp, "merger", ["re3d_ner", "kb_ruler", "class_ruler"], "none", ["Equipment", "Unit"], True, None
    )
    return merger(doc)


def test_merger_is_deterministic_whatever_order_components_ran_in():
    groups = _candidates()
    first = _run_merger(groups, ["re3d_ner", "kb_ruler", "class_ruler"])
    second = _run_merger(groups, ["class_ruler", "kb_ruler", "re3d_ner"])
    as_tuples = lambda doc: [(s.start, s.end, s.label_, s.kb_id_) for s in doc.spans["mentions"]]  # noqa: E731
    assert as_tuples(first) == as_tuples(second)
    assert first.user_data[MERGE_LOG_KEY] == second.user_data[MERGE_LOG_KEY]


def test_merger_lets_knowledge_base_equipment_replace_a_wrong_ner_type():
    doc = _run_merger(_candidates(), ["re3d_ner", "kb_ruler", "class_ruler"])
    iskander = [s for s in doc.spans["mentions"] if s.text == "Iskander-M"][0]
    assert (iskander.label_, iskander.kb_id_, iskander._.fw_re3d) == ("Equipment", "iskander-m", "Weapon")
    log = doc.user_data[MERGE_LOG_KEY]
    assert any(line.startswith("kept Weapon 'Iskander-M'") and "authoritative for Equipment" in line for line in log)


def test_merger_gives_kb_id_to_a_longer_ner_span_of_the_same_type():
    doc = _run_merger(_candidates(), ["re3d_ner", "kb_ruler", "class_ruler"])
    tanks = [s for s in doc.spans["mentions"] if s.text == "T-72B3 tanks"][0]
    assert tanks.kb_id_ == "t-72b3" and tanks._.fw_re3d == "MilitaryPlatform"
    assert any(line.startswith("merged MilitaryPlatform 'T-72B3'") for line in doc.user_data[MERGE_LOG_KEY])


def test_merger_explains_every_dropped_candidate():
    doc = _run_merger(_candidates(), ["re3d_ner", "kb_ruler", "class_ruler"])
    log = doc.user_data[MERGE_LOG_KEY]
    assert len(log) == sum(len(v) for v in _candidates().values())
    assert any(line.startswith("dropped MilitaryPlatform 'tanks'") and "T-72B3 tanks" in line for line in log)
    assert [e.label_ for e in doc.ents] == ["Organisation", "Organisation", "Weapon", "Weapon", "MilitaryPlatform"]


@pytest.mark.parametrize("text", ["", "   "])
def test_components_accept_empty_text(text):
    doc = _pipeline("class_ruler", "quantity", "temporal")(text)
    assert list(doc.spans["mentions"]) == []
