"""The full pipeline on defence-reporting sentences: mentions, kb ids, parser kept."""

from __future__ import annotations

from forcewatch.extract.mentions import extract_mentions, load_pipeline

SENTENCE = (
    "Russia will send some 170 tanks, up to 200 armored combat vehicles and up to 100 artillery pieces "
    "to the southern border of Belarus, the Belarusian Defense Ministry reported on Monday."
)


def test_pipeline_keeps_parser_and_sentences():
    doc = load_pipeline()(SENTENCE + " Satellite images showed T-80BV tanks near Yelsk.")
    assert len(list(doc.sents)) == 2
    assert {"tagger", "parser", "re3d_ner", "merger"} <= set(load_pipeline().pipe_names)
    assert "T-80BV" in [t.text for t in doc]


def test_pipeline_is_cached_per_process():
    assert load_pipeline() is load_pipeline()


def test_extract_mentions_finds_quantities_places_and_dates():
    mentions = extract_mentions(SENTENCE)
    assert any(m.re3d_type == "Quantity" and "170" in m.text for m in mentions)
    assert any(m.re3d_type == "Quantity" and "200" in m.text for m in mentions)
    assert any(m.re3d_type == "Location" and "Belarus" in m.text for m in mentions)
    assert any(m.re3d_type == "Temporal" and m.text == "Monday" for m in mentions)
    for m in mentions:
        assert SENTENCE[m.start : m.end] == m.text


def test_re3d_sentence_gets_organisation_and_person():
    # re3d-train (UK Government): Foreign Office Minister Tobias Ellwood ...
    text = "Foreign Office Minister Tobias Ellwood condemned the attack by Daesh in Syria."
    types = {m.text: m.re3d_type for m in extract_mentions(text)}
    assert types.get("Daesh") == "Organisation"
    assert types.get("Syria") == "Location"
    assert any(t == "Person" and "Ellwood" in s for s, t in types.items())
