"""Military formations: a grammar for their names and a catalogue of known ones.

The grammar reads "1st Guards Tank Army", "1st GTA", "4th Guards Tank Division",
"93rd Mechanized Brigade" into parts (ordinal, honorifics, type, echelon). A formation's
*signature* is (ordinal, type, echelon) without honorifics, so "1st Tank Army",
"1st Guard Tank Army" and "1st GTA" all reach the catalogue's one entry. The grammar's
words (echelons, types, honorifics, abbreviations) come from `data/units/grammar.yaml`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .model import Unit, slug
from .text import AliasMatcher, Match, key, non_overlapping, trie_regex

_WORD_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}  # fmt: skip


@dataclass
class ParsedName:
    """The parts of a formation name the grammar recognised."""

    ordinal: int | None
    honorifics: list[str] = field(default_factory=list)
    type: str | None = None
    echelon: str | None = None

    def signature(self) -> tuple:
        return (self.ordinal, self.type, self.echelon)


def ordinal_suffix(n: int) -> str:
    """English ordinal: 1 -> "1st", 12 -> "12th", 22 -> "22nd"."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))


class UnitGrammar:
    """Parses formation names with words taken from the grammar data file."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.echelons = _invert(doc.get("echelons", {}))
        self.types = _invert(doc.get("types", {}))
        self.honorifics = _invert(doc.get("honorifics", {}))
        self.labels = {**_labels(doc.get("echelons", {})), **_labels(doc.get("types", {}))}
        self.abbreviations = {k: v for k, v in (doc.get("abbreviations") or {}).items() if k != "__line__"}
        self._full = self._full_pattern()
        self._abbr = self._abbr_pattern()
        self._bare = self._bare_patterns(doc.get("bare_echelons") or [])
        # Where a numbered name can start: a digit or an ordinal word (see `scan`).
        self._ordinal_start = re.compile(r"\b(?:\d|" + trie_regex(_WORD_ORDINALS) + ")", re.IGNORECASE)

    def _ordinal_re(self) -> str:
        return r"(?P<ord>\d{1,3}(?:st|nd|rd|th|-?(?:я|й|ая|ый|ой|а))?|" + _alternation(_WORD_ORDINALS) + ")"

    def _full_pattern(self) -> re.Pattern:
        hon = r"(?P<hon>(?:(?:" + _alternation(self.honorifics) + r")[\s-]+)*)"
        typ = r"(?P<type>(?:(?:" + _alternation(self.types) + r")[\s-]+)*)"
        ech = r"(?P<ech>" + _alternation(self.echelons) + ")"
        return re.compile(r"\b" + self._ordinal_re() + r"[\s-]+" + hon + typ + ech + r"\b", re.IGNORECASE)

    def _abbr_pattern(self) -> re.Pattern:
        return re.compile(r"\b" + self._ordinal_re() + r"[\s-]?(?P<abbr>" + _alternation(self.abbreviations) + r")\b")

    def _bare_patterns(self, echelons: list[str]) -> list[re.Pattern]:
        """Unnumbered mentions of the `bare_echelons` ("BTGs", "battalion tactical group")."""
        wanted = set(echelons)
        words = [w for w, e in self.echelons.items() if e in wanted and len(w) > 3]
        abbrs = [a for a, spec in self.abbreviations.items() if spec.get("echelon") in wanted and not spec.get("type")]
        out = []
        if words:  # words are keys ("battalion tactical group"): any case, any separator
            out.append(re.compile(r"\b(?P<bare>" + _alternation(words) + r")\b", re.IGNORECASE))
        if abbrs:  # abbreviations only as written, capitals included ("BTG", "BTGs")
            out.append(re.compile(r"\b(?P<bare>(?:" + _alternation(abbrs) + r")s?)\b"))
        return out

    def parse(self, text: str) -> ParsedName | None:
        """Parts of a whole formation name, or None when `text` is not one."""
        text = text.strip()
        for pattern in (self._full, self._abbr, *self._bare):
            m = pattern.fullmatch(text)
            if m:
                return self._parts(m)
        return None

    def scan(self, text: str):
        """(start, end, ParsedName) for each grammatical formation name in `text`.

        "30 BTGs" and "40 battalion tactical groups" are counts, not the 30th or 40th
        formation: a plain number before a plural echelon word is skipped (the bare
        pattern then finds the plural on its own).
        """
        starts = [m.start() for m in self._ordinal_start.finditer(text)]
        numbered = (p.match(text, i) for p in (self._full, self._abbr) for i in starts)
        bare = (m for p in self._bare for m in p.finditer(text))
        for m in itertools.chain(numbered, bare):
            if m and not self._is_count(m):
                yield m.start(), m.end(), self._parts(m)

    def _is_count(self, m: re.Match) -> bool:
        groups = m.groupdict()
        number, word = groups.get("ord"), groups.get("ech") or groups.get("abbr")
        if not number or not number.isdigit() or not word:
            return False
        return _is_plural(key(word), self.echelons)

    def _parts(self, m: re.Match) -> ParsedName:
        groups = m.groupdict()
        if groups.get("bare"):
            return ParsedName(None, echelon=self._bare_echelon(groups["bare"]))
        parsed = ParsedName(_ordinal(groups["ord"]))
        if groups.get("abbr"):
            spec = self.abbreviations[groups["abbr"]]
            parsed.honorifics = list(spec.get("honorifics", []))
            parsed.type, parsed.echelon = spec.get("type"), spec.get("echelon")
            return parsed
        parsed.honorifics = self._words(groups["hon"], self.honorifics)
        types = self._words(groups["type"], self.types)
        parsed.type = " ".join(types) if types else None
        parsed.echelon = self.echelons[key(groups["ech"])]
        return parsed

    def _bare_echelon(self, text: str) -> str:
        spec = self.abbreviations.get(text) or self.abbreviations.get(text[:-1]) or {}
        return spec.get("echelon") or self.echelons[key(text)]

    def _words(self, text: str, table: dict[str, str]) -> list[str]:
        out: list[str] = []
        rest = key(text or "")
        names = sorted(table, key=len, reverse=True)
        while rest:
            hit = next((n for n in names if rest == n or rest.startswith(n + " ")), None)
            if hit is None:
                break
            if table[hit] not in out:
                out.append(table[hit])
            rest = rest[len(hit) :].strip()
        return out

    def canonical(self, parsed: ParsedName) -> str:
        """"1st Guards Tank Army" from its parts."""
        parts = [ordinal_suffix(parsed.ordinal)] if parsed.ordinal else []
        parts += parsed.honorifics
        if parsed.type:
            parts += [self.labels.get(t, t.replace("_", " ").title()) for t in parsed.type.split()]
        if parsed.echelon:
            parts.append(self.labels.get(parsed.echelon, parsed.echelon.title()))
        return " ".join(parts)


def _is_plural(word: str, table: dict[str, str]) -> bool:
    """Whether an echelon word is the plural of another word of the table ("btgs", "armies")."""
    if word.endswith("ies") and word[:-3] + "y" in table:
        return True
    return word.endswith("s") and word[:-1] in table


def _ordinal(text: str) -> int | None:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else _WORD_ORDINALS.get(text.lower())


def _invert(table: dict) -> dict[str, str]:
    """{"tank": {"label": "Tank", "words": ["tank", "armoured"]}} -> {"tank": "tank", "armoured": "tank"}."""
    out = {}
    for canon, spec in table.items():
        if canon == "__line__":
            continue
        words = spec.get("words", []) if isinstance(spec, dict) else spec
        for word in [canon.replace("_", " "), *words]:
            out[key(word)] = canon
    return out


def _labels(table: dict) -> dict[str, str]:
    return {c: s["label"] for c, s in table.items() if isinstance(s, dict) and "label" in s}


class UnitCatalogue:
    """Known formations, reached by name, alias, abbreviation or grammatical variant."""

    def __init__(self, entries: list[Unit], grammar: UnitGrammar):
        self.grammar = grammar
        self.entries = {e.id: e for e in entries}
        self._matcher = AliasMatcher("unit")
        self._by_signature: dict[tuple, list[Unit]] = {}
        for entry in entries:
            self._index(entry)

    def _index(self, entry: Unit) -> None:
        for name in entry.names():
            self._matcher.add(name, entry, plurals=False)
            parsed = self.grammar.parse(name)
            if parsed is not None:
                bucket = self._by_signature.setdefault(parsed.signature(), [])
                if entry not in bucket:
                    bucket.append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries.values())

    def get(self, id: str) -> Unit | None:
        """The entry with this id."""
        return self.entries.get(id)

    def parse(self, text: str, country: str | None = None) -> Unit | None:
        """The formation named by `text`: a catalogue entry, or one built by the grammar."""
        found = self._matcher.get(text)
        if found:
            return _prefer(found, country)
        parsed = self.grammar.parse(text)
        if parsed is None:
            return None
        return self._from_parsed(parsed, country)

    def _from_parsed(self, parsed: ParsedName, country: str | None) -> Unit:
        known = self._by_signature.get(parsed.signature())
        if not known and parsed.type is None:
            known = [u for sig, us in self._by_signature.items() for u in us if sig[0] == parsed.ordinal and sig[2] == parsed.echelon]
        if known:
            return _prefer(known, country)
        name = self.grammar.canonical(parsed)
        return Unit(
            id="grammar:" + slug(name), name=name, echelon=parsed.echelon, type=parsed.type,
            ordinal=parsed.ordinal, honorifics=parsed.honorifics, country=country,
            source="forcewatch unit grammar (data/units/grammar.yaml); not in the catalogue",
        )  # fmt: skip

    def find(self, text: str, country: str | None = None) -> list[Match]:
        """Every formation named in `text`: catalogue aliases and grammatical names."""
        matches = self._matcher.find(text)
        for start, end, parsed in self.grammar.scan(text):
            unit = self._from_parsed(parsed, country)
            matches.append(Match(start, end, text[start:end], "unit", unit))
        return non_overlapping(matches)


def _prefer(units: list[Unit], country: str | None) -> Unit:
    if country:
        for unit in units:
            if unit.country == country:
                return unit
    return units[0]

