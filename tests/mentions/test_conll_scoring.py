"""The CoNLL reader and the entity-level scorer, on hand-made cases."""

from __future__ import annotations

import pytest

from forcewatch.errors import MalformedInput, MissingInput
from forcewatch.extract.mentions.conll import bio_spans, read_conll
from forcewatch.extract.mentions.scoring import score_spans


def test_bio_spans_reads_begin_inside_runs():
    tags = ["B-Organisation", "I-Organisation", "O", "B-Location", "B-Location", "I-Location"]
    assert bio_spans(tags) == [(0, 2, "Organisation"), (3, 4, "Location"), (4, 6, "Location")]


def test_bio_spans_stray_inside_tag_opens_a_span_like_seqeval():
    assert bio_spans(["O", "I-Person", "I-Person", "I-Location"]) == [(1, 3, "Person"), (3, 4, "Location")]


def test_exact_scoring_counts_boundary_errors_as_false_positive_and_miss():
    gold = [(0, 3, "Location"), (5, 6, "Person")]
    pred = [(1, 3, "Location"), (5, 6, "Person")]  # "city of Mosul" vs "the city of Mosul"
    result = score_spans([(gold, pred)])
    assert result["per_type"]["Location"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert result["per_type"]["Person"]["f1"] == 1.0
    assert result["micro"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}


def test_lenient_scoring_accepts_overlap_of_same_type_only():
    gold = [(0, 3, "Location"), (5, 6, "Person")]
    pred = [(1, 3, "Location"), (5, 6, "Organisation")]
    result = score_spans([(gold, pred)], lenient=True)
    assert result["per_type"]["Location"]["tp"] == 1
    assert result["per_type"]["Organisation"]["fp"] == 1
    assert result["per_type"]["Person"]["fn"] == 1


def test_scores_sum_over_sentences():
    pairs = [([(0, 1, "Weapon")], [(0, 1, "Weapon")]), ([(2, 4, "Weapon")], []), ([], [(0, 2, "Weapon")])]
    weapon = score_spans(pairs)["per_type"]["Weapon"]
    assert (weapon["tp"], weapon["fp"], weapon["fn"]) == (1, 1, 1)
    assert weapon["f1"] == 0.5


def test_read_conll_reads_re3d_train(corpus):
    sentences = read_conll(corpus / "re3d" / "conll" / "re3d-train.conll")
    assert len(sentences) == 765
    first_entities = bio_spans(sentences[0].tags)
    words = sentences[0].words
    assert ("coalition forces", "Organisation") in [(" ".join(words[s:e]), t) for s, e, t in first_entities]


def test_read_conll_names_file_and_line_of_a_bad_tag(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("Mosul\tB-Location\nfell\tX-Event\n", encoding="utf-8")
    with pytest.raises(MalformedInput) as err:
        read_conll(path)
    assert err.value.line == 2 and "bad.conll:2" in str(err.value)


def test_read_conll_missing_file_says_so(tmp_path):
    with pytest.raises(MissingInput):
        read_conll(tmp_path / "nope.conll")
