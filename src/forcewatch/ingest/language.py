"""Language detection with langdetect, seeded so the same text always gets the same answer.

langdetect is slow (profiles load once, then ~ms per text), so it reads only the head of
a text, and readers that know their language (event tables, re3d) skip it entirely.
"""

from __future__ import annotations

from functools import cache

SAMPLE_CHARS = 1500
MIN_LETTERS = 20


@cache
def _detector_factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    init_factory()
    return DetectorFactory


def detect(text: str) -> str | None:
    """An ISO 639-1 code ("en", "ru", "uk"), or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    from langdetect import detect as _detect
    from langdetect.lang_detect_exception import LangDetectException

    _detector_factory()
    try:
        return _detect(sample)
    except LangDetectException:
        return None
