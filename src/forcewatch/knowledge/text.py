"""Name normalisation and the alias matcher every catalogue shares.

Names in reporting come in many spellings: "T-72B3", "T72-B3", "T72B3", "Т-72Б3";
"Osipovichi", "Asipovichy", "Осиповичи". We reduce every alias and every text to one
*key*: Cyrillic transliterated to Latin, lower case, split into runs of letters and runs
of digits joined by single spaces ("T72-B3" -> "t 72 b 3"). Matching keys on token
boundaries then finds all spelling variants without listing each one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick

# Russian, Ukrainian and Belarusian letters; one Latin rendering each (BGN/PCGN-like).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
# Ukrainian spelling of the same letters, used to add a second Latin variant of a name.
_UKRAINIAN = {"г": "h", "и": "y", "і": "i", "ї": "yi", "є": "ye", "е": "e", "й": "y"}
_BELARUSIAN = {"г": "h", "і": "i", "ы": "y", "э": "e", "ў": "u"}

_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'", "“": '"', "”": '"'})
_SPECIAL = {"ł": "l", "ß": "ss", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i"}


def transliterate(text: str, scheme: str = "ru") -> str:
    """Cyrillic to Latin; `scheme` "uk" or "be" spells г as h, и as y (Ukrainian, Belarusian)."""
    table = {"uk": _UKRAINIAN, "be": _BELARUSIAN}.get(scheme, {})
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYRILLIC:
            latin = table.get(low, _CYRILLIC[low])
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    return "".join(out)


def _char_key(ch: str) -> str:
    low = ch.lower()
    if low in _CYRILLIC:
        return _CYRILLIC[low]
    if low in _SPECIAL:
        return _SPECIAL[low]
    if low.isascii():
        return low
    # Drop diacritics: "Šiauliai" = "Siauliai", "Tavrijs´ke" = "Tavrijske".
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def _is_alnum(ch: str) -> bool:
    return ch.isalnum() and ch != "'"


def _kind(ch: str) -> str:
    return "d" if ch.isdigit() else "a"


@lru_cache(maxsize=256)  # every catalogue's find() normalises the same sentence
def normalize(text: str) -> tuple[str, list[int]]:
    """The key of `text` and, for each key character, the offset of its source character.

    Apostrophes vanish ("Dovhen'ke" = "Dovhenke"); every other non-alphanumeric run is one
    space; a space also separates letters from digits.
    """
    folded = text.translate(_FOLD)
    if folded.isascii() or all(_separator(ch) for ch in set(_NON_ASCII.findall(folded))):
        return _normalize_latin(folded)
    return _normalize_chars(text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Runs of ASCII letters or of digits; apostrophes inside a run vanish ("Dovhen'ke").
_LATIN_TOKEN = re.compile(r"[A-Za-z]+(?:'+[A-Za-z]+)*|[0-9]+(?:'+[0-9]+)*")
_NOT_APOSTROPHE = re.compile(r"[^']+")


def _separator(ch: str) -> bool:
    """A non-ASCII character that only separates words (dashes, quotes, NBSP)."""
    return not ch.isalnum() and not unicodedata.combining(ch)


def _normalize_latin(text: str) -> tuple[str, list[int]]:
    """`normalize` for text whose letters are all ASCII: token by token, not char by char.

    News text is almost all like this; the result is the same as `_normalize_chars`.
    """
    parts: list[str] = []
    offsets: list[int] = []
    for m in _LATIN_TOKEN.finditer(text):
        if parts:
            parts.append(" ")
            offsets.append(m.start())
        token, start = m.group(), m.start()
        for piece in _NOT_APOSTROPHE.finditer(token) if "'" in token else [None]:
            a, b = (piece.start(), piece.end()) if piece else (0, len(token))
            parts.append(token[a:b].lower())
            offsets.extend(range(start + a, start + b))
    return "".join(parts), offsets


def _normalize_chars(text: str) -> tuple[str, list[int]]:
    """`normalize` character by character, for text with Cyrillic or accented letters."""
    chars: list[str] = []
    offsets: list[int] = []
    prev = " "
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch == "'" or unicodedata.combining(ch):
            continue
        if not _is_alnum(ch):
            if prev != " ":
                chars.append(" ")
                offsets.append(i)
                prev = " "
            continue
        mapped = _char_key(ch)
        if not mapped:
            continue
        if prev != " " and _kind(prev) != _kind(mapped[0]):
            chars.append(" ")
            offsets.append(i)
        for m in mapped:
            chars.append(m)
            offsets.append(i)
        prev = mapped[-1]
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


_KEY_TABLE = str.maketrans({**_CYRILLIC, **_SPECIAL, "'": ""})
_NON_WORD = re.compile(r"[\W_]+")
_LETTER_DIGIT = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")


def key(text: str) -> str:
    """The normalised key of a name: `key("T72-B3") == key("Т-72Б3") == "t 72 b 3"`.

    Same result as `normalize(text)[0]`, computed with str.translate and regexes because
    it runs for every alias at load time.
    """
    low = text.translate(_FOLD).lower().translate(_KEY_TABLE)
    if not low.isascii():
        low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    low = _NON_WORD.sub(" ", low)
    return _LETTER_DIGIT.sub(" ", low).strip()


def plural_keys(k: str) -> list[str]:
    """Keys of the English plural of a name key ("bmp" -> "bmps"); digits end no plural."""
    if not k or not k[-1].isalpha():
        return []
    if k.endswith(("s", "x", "ch", "sh")):
        return [k + "es"]
    if k.endswith("y") and len(k) > 2 and k[-2] not in "aeiou":
        return [k[:-1] + "ies", k + "s"]
    return [k + "s"]


@dataclass
class Match:
    """One catalogue entry found in text; `start`/`end` are offsets in the original text."""

    start: int
    end: int
    text: str
    kind: str
    entry: Any = field(repr=False)


@dataclass
class _Pattern:
    entry: Any
    case_sensitive: str | None  # the alias as written, when its capitals must match


class AliasMatcher:
    """Key -> entries, with an Aho-Corasick automaton for finding every alias in free text.

    Matches are on token boundaries of the key; the longest wins and they never overlap.
    An alias flagged `proper` (a common English word used as a name: "Tor", "Patriot")
    matches only where the text spells it with its capital letter.
    """

    def __init__(self, kind: str):
        self.kind = kind
        self._by_key: dict[str, list[_Pattern]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, alias: str, entry: Any, proper: bool = False, plurals: bool = True) -> None:
        k = key(alias)
        if not k:
            return
        pattern = _Pattern(entry, alias if proper else None)
        keys = [k] + (plural_keys(k) if plurals else [])
        for one in keys:
            bucket = self._by_key.setdefault(one, [])
            if all(p.entry is not entry for p in bucket):
                bucket.append(pattern)
        self._automaton = None

    def add_key(self, k: str, entry: Any, proper: bool = False) -> None:
        """Add a precomputed key; `proper` requires a capital first letter in text."""
        bucket = self._by_key.setdefault(k, [])
        bucket.append(_Pattern(entry, "A" if proper else None))
        self._automaton = None

    def get(self, name: str) -> list[Any]:
        """Entries whose alias has the key of `name` (case-sensitive aliases checked too)."""
        k = key(name)
        patterns = self._by_key.get(k, [])
        return [p.entry for p in patterns if _case_ok(p, name.strip())]

    def keys(self) -> Iterable[str]:
        return self._by_key.keys()

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for k, patterns in self._by_key.items():
            automaton.add_word(" " + k + " ", (len(k), patterns))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[Match]:
        """Every alias in `text`: word-bounded, longest first, non-overlapping, in text order."""
        if not self._by_key:
            return []
        if self._automaton is None:
            self._automaton = self._build()
        normal, offsets = normalize(text)
        padded = " " + normal + " "
        candidates = []
        for end, (length, patterns) in self._automaton.iter(padded):
            kstart = end - length - 1  # `end` is the closing pad; padded[i] is normal[i - 1]
            start, stop = offsets[kstart], offsets[kstart + length - 1] + 1
            surface = text[start:stop]
            chosen = [p for p in patterns if _case_ok(p, surface)]
            if chosen:
                candidates.append((start, stop, chosen[0].entry))
        return self._select(text, candidates)

    def _select(self, text: str, candidates: list[tuple[int, int, Any]]) -> list[Match]:
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        out = []
        for start, stop, entry in candidates:
            if any(start < e and s < stop for s, e in taken):
                continue
            taken.append((start, stop))
            out.append(Match(start, stop, text[start:stop], self.kind, entry))
        return sorted(out, key=lambda m: m.start)


def _case_ok(pattern: _Pattern, surface: str) -> bool:
    want = pattern.case_sensitive
    if want is None:
        return True
    # The first letter carries the proper-noun signal; the rest may be shouted ("TOR-M2").
    if not surface or surface.islower():
        return False
    return surface[0] == want[0] or (want == "A" and surface[0].isupper())


_SPACES = re.compile(r"\s+")


def clean_label(text: str) -> str:
    """Collapse whitespace in a label as the user wrote it."""
    return _SPACES.sub(" ", text).strip()


def non_overlapping(matches: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (earliest on ties), returned in text order."""
    matches = sorted(matches, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Match] = []
    for m in matches:
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def trie_regex(words) -> str:
    """One regex for many words, factored by common prefixes ("bel(?:arus|orussian)").

    Python's regex engine tries an alternation's words one by one at every position; a
    prefix tree rejects a position after a letter or two. Longer words are still tried
    first (each optional tail is greedy). Words are lower-cased: use with IGNORECASE.
    """
    trie: dict = {}
    for word in {w.lower() for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie) if trie else "(?!)"


def _trie_node(node: dict) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body
