"""Language detection: the marker shortcut agrees with langdetect and abstains when unsure."""

from __future__ import annotations

import json

import pytest

from forcewatch.ingest import language

LANGUAGES = ["da", "de", "es", "fr", "it", "nl", "pl", "pt", "ru", "uk"]


def _english_texts(corpus) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((corpus / "news").glob("*.txt"))]
    for docs in sorted((corpus / "re3d").glob("*/documents.json")):
        texts += [json.loads(line)["text"] for line in docs.read_text("utf-8").splitlines()]
    return [t[: language.SAMPLE_CHARS] for t in texts]


def test_english_reports_decided_by_markers_get_langdetects_answer(corpus):
    texts = _english_texts(corpus)
    decided = [(language.by_markers(t), t) for t in texts]
    decided = [(code, t) for code, t in decided if code]
    assert len(decided) >= 0.9 * len(texts)
    assert {(code, language.by_langdetect(t)) for code, t in decided} == {("en", "en")}


@pytest.mark.parametrize("code", LANGUAGES)
def test_other_languages_are_left_to_langdetect_which_names_them(fixtures, code):
    text = (fixtures / "languages" / f"{code}.txt").read_text("utf-8")
    assert language.by_markers(text) is None
    assert language.detect(text) == code


def test_a_russian_post_with_an_english_line_is_not_called_english(fixtures):
    text = (fixtures / "languages" / "en-ru-mixed.txt").read_text("utf-8")
    assert language.by_markers(text) is None and language.detect(text) == "ru"


def test_too_few_letters_have_no_language():
    assert language.detect("12 x T-72, 3 x 2S19 — 54.06, 27.21") is None


def test_fast_profile_loader_answers_as_langdetects_own(corpus, fixtures):
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    texts = _english_texts(corpus)[:20] + [p.read_text("utf-8") for p in sorted((fixtures / "languages").glob("*"))]
    texts += [t[40:120] for t in texts]  # short snippets are where detectors waver
    DetectorFactory.seed = 0

    def reference(text):
        try:
            return detect(text)
        except LangDetectException:
            return None

    assert [language.by_langdetect(t) for t in texts] == [reference(t) for t in texts]
