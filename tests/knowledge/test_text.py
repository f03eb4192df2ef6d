"""Name keys: the fast path for Latin-letter text gives the same keys and offsets as the slow one."""

from __future__ import annotations

import re

from forcewatch.knowledge.text import _normalize_chars, _normalize_latin, normalize, trie_regex


def _letters(result):
    normal, offsets = result
    return normal, [o for c, o in zip(normal, offsets, strict=True) if c != " "]


def test_latin_fast_path_agrees_with_char_by_char_on_news_sentences(corpus):
    text = (corpus / "news" / "001.txt").read_text(encoding="utf-8") + (corpus / "news" / "002.txt").read_text(
        encoding="utf-8"
    )
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    assert len(sentences) > 20
    for sentence in sentences:
        assert _letters(normalize(sentence)) == _letters(_normalize_chars(sentence)), sentence


def test_accented_letters_are_not_split_by_the_fast_path():
    # "attachés": é is a letter, so the sentence must not go through the ASCII-only path.
    assert normalize("19 foreign military attachés")[0] == "19 foreign military attaches"
    assert _normalize_latin("military attachés")[0] == "military attach s"  # why the dispatch matters


def test_cyrillic_text_takes_the_char_by_char_path():
    normal, offsets = normalize("Т-72Б3 у Рэчыцы")
    assert normal == "t 72 b 3 u rechytsy"
    assert offsets[-1] == len("Т-72Б3 у Рэчыцы") - 1


def test_apostrophes_and_dashes_in_latin_text():
    assert normalize("Dovhen’ke — T72-B3s")[0] == "dovhenke t 72 b 3 s"


def test_trie_regex_matches_the_same_words_as_a_plain_alternation():
    words = ["belarus", "belarusian", "belorussian", "ukraine", "uk", "russia", "russian federation"]
    trie = re.compile(r"\b(?:" + trie_regex(words) + r")\b", re.IGNORECASE)
    text = "Belarusian and Belarus troops, the UK, Ukrainer, RUSSIAN FEDERATION and Russian forces"
    assert [m.group() for m in trie.finditer(text)] == ["Belarusian", "Belarus", "UK", "RUSSIAN FEDERATION"]
