"""Quantities in a sentence: the schema's {low, high, approx, text}, or a trap.

Every number found is returned: counts of forces-to-be ("up to 200", "some 170",
"thousands of", "10,000 to 15,000", "12x", "one battalion set") and traps that count no
forces (distances, percentages, money, durations, odds, years, model numbers, ordinals).
Whether a count becomes a claim depends on the noun it counts (see `items.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge.lexicons import lexicons
from .numbers import Word, digit_value, glued, scale_value, split_words, word_value


@dataclass
class Quantity:
    """A number expression; `start`/`end` are offsets in the text it was read from."""

    start: int
    end: int
    low: int | None
    high: int | None
    approx: bool
    text: str
    multiplier: bool = False
    echelon: str | None = None  # "battalion" in "one battalion set of tanks"
    trap: str | None = None  # why it counts no forces: distance, percent, year, odds, model...

    def as_schema(self) -> dict:
        """The claim-schema quantity object."""
        out = {"low": self.low, "high": self.high, "approx": self.approx, "text": self.text}
        if self.echelon:
            out["set"] = self.echelon
        return out


@dataclass
class _Number:
    value: int
    next: int  # index of the first word after the number
    multiplier: bool = False
    trap: str | None = None


_INDEXES: dict[int, tuple[object, dict[str, list[tuple[list[str], str]]]]] = {}


def _by_first_word(phrases) -> dict[str, list[tuple[list[str], str]]]:
    """Phrases grouped by their first word, longest first (built once per lexicon list)."""
    cached = _INDEXES.get(id(phrases))
    if cached is not None and cached[0] is phrases:
        return cached[1]
    index: dict[str, list[tuple[list[str], str]]] = {}
    for phrase in phrases:
        parts = phrase.split()
        index.setdefault(parts[0], []).append((parts, phrase))
    for group in index.values():
        group.sort(key=lambda pair: -len(pair[0]))
    _INDEXES[id(phrases)] = (phrases, index)
    return index


def _phrase_at(words: list[Word], i: int, phrases) -> tuple[str, int] | None:
    """The longest phrase of `phrases` starting at word `i`, with the index after it."""
    if i >= len(words):
        return None
    for parts, phrase in _by_first_word(phrases).get(words[i].low, ()):
        if [w.low for w in words[i : i + len(parts)]] == parts:
            return phrase, i + len(parts)
    return None


def _digits(text: str, words: list[Word], i: int) -> _Number | None:
    word = words[i]
    value = digit_value(word.text)
    if value is None:
        return None
    if _footnote(text, word):
        return _Number(int(value), i + 1, trap="label")
    left, right = glued(text, word)
    if left.isalpha() or (left == "-" and word.start >= 2 and text[word.start - 2].isalpha()):
        return _Number(int(value), i + 1, trap="model")  # "M109", "S-400", "Su-34"
    nxt = words[i + 1] if i + 1 < len(words) else None
    if right.isalpha() and nxt is not None:
        if nxt.low == "x":
            return _Number(int(value), i + 2, multiplier=True)  # "12x 2S3 Akatsiya"
        if scale_value(nxt.low) and len(nxt.low) <= 3:
            return _Number(int(value * scale_value(nxt.low)), i + 2)  # "15k", "1.5m"
        return _Number(int(value), i + 1, trap="model")  # "2S19", "93rd", "19FortyFive"
    return _scaled(words, i + 1, value)


def _scaled(words: list[Word], j: int, value: float) -> _Number:
    """Apply "hundred/thousand/million" and "dozen" words after a number."""
    while j < len(words):
        scale = scale_value(words[j].low) if len(words[j].low) > 2 else None
        if scale:
            value *= scale
        elif words[j].low == "dozen":
            value *= lexicons().numbers["dozen"]
        else:
            break
        j += 1
    return _Number(int(round(value)), j)


def _spelled(words: list[Word], i: int) -> _Number | None:
    low = words[i].low
    nxt = words[i + 1].low if i + 1 < len(words) else ""
    if low in ("a", "an"):
        if nxt == "dozen" or (scale_value(nxt) and len(nxt) > 2):
            return _scaled(words, i + 1, 1)
        return None
    value = word_value(low)
    if value is None:
        return None
    j = i + 1
    if j < len(words) and words[j].low == "hundred":
        value, j = value * 100, j + 1
        if j + 1 < len(words) and words[j].low == "and" and word_value(words[j + 1].low):
            value, j = value + word_value(words[j + 1].low), j + 2
    return _scaled(words, j, value)


def _number_at(text: str, words: list[Word], i: int) -> _Number | None:
    if i >= len(words):
        return None
    if words[i].text[0].isdigit():
        return _digits(text, words, i)
    return _spelled(words, i)


def _trap_after(words: list[Word], j: int) -> str | None:
    if j < len(words) - 1 and words[j].text == "-" and words[j].end == words[j + 1].start:
        j += 1  # "25-year-old", "20-km"
    if j >= len(words):
        return None
    if j + 2 < len(words) and words[j + 1].text == "-" and words[j + 1].start == words[j].end and words[j + 2].text[0].isdigit():
        return None  # "Seven Mi-24": a model name, not "mi" (miles)
    low = words[j].low
    for kind, cues in lexicons().traps["after"].items():
        if low in cues or low.split("-")[-1] in cues:
            return kind
    return None


def _trap_before(words: list[Word], i: int, bounded: bool = False) -> str | None:
    """The trap a word before the number marks; "Oct. 15" is read as "oct." + number.
    Labels ("number 5") only mark a bare number: "would number up to 9,000" is a verb."""
    if i == 0:
        return None
    low = words[i - 1].low
    if low == "." and i >= 2 and words[i - 2].end == words[i - 1].start:
        low = words[i - 2].low + "."
    for kind, cues in lexicons().traps["before"].items():
        if low in cues and not (bounded and kind == "label"):
            return kind
    return None


def _footnote(text: str, word: Word) -> bool:
    """"[3]" after a sentence (ISW, Wikipedia): a reference marker, not a count."""
    left, right = glued(text, word)
    return left == "[" and right == "]"


def _is_year(word: Word, number: _Number) -> bool:
    return len(word.text) == 4 and word.text.isdigit() and 1900 <= number.value <= 2100


class _Scanner:
    """One pass over the words of a sentence."""

    def __init__(self, text: str):
        self.text = text
        self.words = split_words(text)
        self.nums = lexicons().numbers
        self.out: list[Quantity] = []

    def run(self) -> list[Quantity]:
        i = 0
        while i < len(self.words):
            i = self._at(i)
        return self.out

    def _at(self, i: int) -> int:
        vague = _phrase_at(self.words, i, self.nums["vague"])
        if vague:
            return self._vague(i, *vague)
        bound_kind, j = self._bound(i)
        opener = _phrase_at(self.words, j, self.nums["range_openers"])
        k = opener[1] if opener else j
        first = _number_at(self.text, self.words, k)
        if first is None:
            return i + 1
        return self._emit(i, k, first, bound_kind, bool(opener))

    def _bound(self, i: int) -> tuple[str | None, int]:
        best = None
        for kind, phrases in self.nums["bounds"].items():
            hit = _phrase_at(self.words, i, phrases)
            if hit and (best is None or hit[1] > best[1]):
                best = (kind, hit[1])
        return best if best else (None, i)

    def _vague(self, i: int, phrase: str, j: int) -> int:
        spec = self.nums["vague"][phrase]
        start, end = self.words[i].start, self.words[j - 1].end
        self.out.append(Quantity(start, end, spec["low"], spec["high"], True, self.text[start:end]))
        return j

    def _range_end(self, number: _Number, opened: bool) -> _Number | None:
        j = number.next
        if j >= len(self.words) or self.words[j].low not in self.nums["range_joiners"]:
            return None
        if self.words[j].low == "and" and not opened:
            return None
        second = _number_at(self.text, self.words, j + 1)
        return second if second and not second.trap else None

    def _emit(self, i: int, k: int, first: _Number, bound: str | None, opened: bool) -> int:
        second = None if first.trap else self._range_end(first, opened)
        last = second or first
        trap = first.trap or _trap_after(self.words, last.next) or _trap_before(self.words, i, bound is not None or opened)
        trap = trap or self._chained(i)
        odds = self._odds(last)
        trap = trap or ("odds" if odds else None) or ("year" if not bound and _is_year(self.words[k], first) else None)
        low, high, approx = self._bounds(first, second, bound)
        end_word, echelon, after = self._set(last.next)
        if odds:
            end_word = after = odds
        start, end = self.words[i].start, self.words[end_word - 1].end
        q = Quantity(start, end, low, high, approx, self.text[start:end], first.multiplier, echelon, trap)
        self.out.append(q)
        return after

    def _chained(self, i: int) -> str | None:
        """"November 25 and 28": a number joined to a date's day is a day too."""
        prev = self.out[-1] if self.out else None
        if prev is None or prev.trap != "date" or i == 0:
            return None
        joiner = self.words[i - 1]
        return "date" if joiner.low in self.nums["range_joiners"] and joiner.start >= prev.end else None

    def _bounds(self, first: _Number, second: _Number | None, bound: str | None):
        if second is not None:
            low = first.value
            if second.value >= 1000 and low < 1000 and low * 1000 <= second.value:
                low *= 1000  # "10 to 15 thousand"
            return low, second.value, False
        value = first.value
        if bound == "high":
            return None, value, False
        if bound == "low":
            return value, None, False
        return value, value, bound == "approx"

    def _set(self, j: int) -> tuple[int, str | None, int]:
        """Extend over "battalion set(s)" after a number; return (end word, echelon, next)."""
        echelons = lexicons().items["set_echelons"]
        words = self.words
        if j + 1 < len(words) and words[j].low in echelons and words[j + 1].low in ("set", "sets"):
            return j + 2, words[j].low, j + 2
        if j < len(words) and words[j].low.split("-")[0] in echelons and words[j].low.endswith("-set"):
            return j + 1, words[j].low.split("-")[0], j + 1
        return j, None, j

    def _odds(self, number: _Number) -> int | None:
        """The word index after "in three" in "one in three", or None."""
        hit = _phrase_at(self.words, number.next, lexicons().traps["odds_joiners"])
        other = _number_at(self.text, self.words, hit[1]) if hit else None
        return other.next if other else None


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in `text`, traps included (their `trap` says why)."""
    return _Scanner(text).run()


def force_counts(text: str) -> list[Quantity]:
    """The number expressions of `text` that may count forces (no trap)."""
    return [q for q in find_quantities(text) if q.trap is None]
