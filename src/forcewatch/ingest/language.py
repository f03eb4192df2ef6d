"""Language detection: a cheap marker test first, langdetect (seeded) when it cannot tell.

langdetect is slow (1.3 s to load its profiles, then ~10 ms per text whatever its length),
so readers that know their language (event tables, re3d) skip detection, and a text
whose letters and function words leave no doubt (`data/language_markers.yaml`: English
news, where ~20% of the words are "the", "of", "and"...) is decided without it.
Everything else, Cyrillic texts and mixed posts included, goes to langdetect.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

SAMPLE_CHARS = 1500
MIN_LETTERS = 20
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Markers:
    code: str
    letters: re.Pattern
    min_letters_share: float
    words: frozenset[str]
    min_share: float
    min_words: int


@cache
def markers() -> tuple[Markers, ...]:
    """The marker tests of `data/language_markers.yaml`, in file order."""
    text = resources.files("forcewatch.ingest").joinpath("data/language_markers.yaml").read_text("utf-8")
    return tuple(
        Markers(code, re.compile(spec["letters"]), float(spec["min_letters_share"]),
                frozenset(w.casefold() for w in spec["words"]), float(spec["min_share"]), int(spec["min_words"]))
        for code, spec in yaml.safe_load(text).items()
    )


@cache
def _detector_factory():
    """langdetect's factory with its 55 shipped profiles, loaded in half the time its own loader takes.

    langdetect's `init_factory` also fills a row for every longer word of each profile,
    which detection never reads (it looks up 1- to 3-grams only), and reads the files in
    directory order; this loads the same 1- to 3-gram probabilities in sorted order.
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    factory = DetectorFactory()
    names = sorted(p for p in os.listdir(PROFILES_DIRECTORY) if not p.startswith("."))
    for index, name in enumerate(names):
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as fh:
            _add_profile(factory, json.load(fh), index, len(names))
    return factory


def _add_profile(factory, profile: dict, index: int, size: int) -> None:
    factory.langlist.append(profile["name"])
    table, n_words = factory.word_lang_prob_map, profile["n_words"]
    for gram, count in profile["freq"].items():
        if 1 <= len(gram) <= 3:
            row = table.get(gram)
            if row is None:
                row = table[gram] = [0.0] * size
            row[index] = count / n_words[len(gram) - 1]


def detect(text: str) -> str | None:
    """An ISO 639-1 code ("en", "ru", "uk"), or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return None
    return by_markers(sample, letters) or by_langdetect(sample)


def by_markers(sample: str, letters: int | None = None) -> str | None:
    """The language whose marker test `sample` passes, or None when no test is conclusive."""
    letters = letters if letters is not None else sum(ch.isalpha() for ch in sample)
    words = _WORD.findall(sample.casefold())
    for spec in markers():
        if len(words) < spec.min_words or len(spec.letters.findall(sample)) < spec.min_letters_share * letters:
            continue
        if sum(word in spec.words for word in words) >= spec.min_share * len(words):
            return spec.code
    return None


def by_langdetect(sample: str) -> str | None:
    """langdetect's answer for `sample`, or None when it has none."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(sample)
    try:
        return detector.detect()
    except LangDetectException:
        return None
