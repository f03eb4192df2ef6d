"""Words of a sentence and the numbers they spell: "9,000", "nine thousand", "a dozen", "15k".

The scanner works on its own light word split (not spaCy tokens) so quantities are found
the same way whatever model parses the sentence; offsets are into the text given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...knowledge.lexicons import lexicons

# A number token keeps its separators ("10,000", "1.5", "10/17/2022", "10:30") so dates
# and times can be recognised as such and skipped.
_WORD = re.compile(r"\d[\d,./:]*\d|\d|[^\W\d_]+(?:[-.'’][^\W\d_]+)*|[%$€£₽#–—-]|\S")
_PLAIN_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    low: str = ""  # lower case, computed once: the scanner compares it at every position

    def __post_init__(self):
        if not self.low:
            object.__setattr__(self, "low", self.text.lower())


def split_words(text: str) -> list[Word]:
    """The words of `text` with their character offsets."""
    return [Word(m.group(), m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def digit_value(token: str) -> float | None:
    """The value of "9,000" or "1.5"; None for dates, times and codes ("10/17/2022")."""
    if not _PLAIN_NUMBER.match(token):
        return None
    return float(token.replace(",", ""))


def word_value(word: str) -> int | None:
    """The value of a cardinal word below a hundred: "nine", "twenty-five"."""
    nums = lexicons().numbers
    parts = word.lower().split("-")
    if len(parts) == 2 and parts[0] in nums["tens"] and parts[1] in nums["units"]:
        return nums["tens"][parts[0]] + nums["units"][parts[1]]
    if len(parts) == 1:
        return nums["tens"].get(parts[0], nums["units"].get(parts[0]))
    return None


def scale_value(word: str) -> int | None:
    return lexicons().numbers["scales"].get(word.lower())


def glued(text: str, word: Word) -> tuple[str, str]:
    """The characters touching `word` on the left and right ('' at a space or the edge)."""
    left = text[word.start - 1] if word.start > 0 else ""
    right = text[word.end] if word.end < len(text) else ""
    return left.strip(), right.strip()
