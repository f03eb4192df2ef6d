"""Designations stay one token; ordinary hyphenated words still split."""

from __future__ import annotations

import pytest
import spacy

from forcewatch.extract.mentions.tokenizer import create_designation_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.tokenizer = create_designation_tokenizer()(nlp)
    return nlp


@pytest.mark.parametrize(
    "designation", ["T-80BV", "S-400", "2S19M2", "9K720", "Su-35", "BM-21", "Iskander-M", "Tor-M2", "Pantsir-S1", "TOS-1A"]
)
def test_designation_is_one_token(nlp, designation):
    words = [t.text for t in nlp(f"Satellite images showed {designation} systems near Yelsk.")]
    assert designation in words


def test_designation_at_sentence_end_loses_its_period(nlp):
    words = [t.text for t in nlp("The brigade fields the T-72B3M.")]
    assert words[-2:] == ["T-72B3M", "."]


def test_plural_designation_stays_whole(nlp):
    assert "BMP-3s" in [t.text for t in nlp("Ten BMP-3s arrived by rail.")]


def test_ordinary_hyphenated_words_still_split(nlp):
    words = [t.text for t in nlp("ISIL-held districts on the Kyiv-Kharkiv road and Al-Qaeda cells")]
    assert words[:3] == ["ISIL", "-", "held"]
    assert "Kharkiv" in words and "Qaeda" in words
