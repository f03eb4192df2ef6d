"""What claim extraction asks of the knowledge base, in one place.

The knowledge base (`forcewatch.knowledge.kb`) names equipment, units, places and
sources. Two generic patterns of the genre are added here where the base has no entry
yet, so a new training ground or border phrase still gets a location: "<Name> training
ground|range|airfield|air base" and "the <direction> border of/with <country>".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...knowledge import kb
from ...knowledge.lexicons import lexicons


@dataclass
class PlaceHit:
    """A place named in a sentence; offsets relative to the text searched."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def as_json(self) -> dict:
        out = {"name": self.name, "kind": self.kind, "country": self.country}
        if self.text and self.text.lower() != self.name.lower():
            out["text"] = self.text  # the words of the article ("Polissia" for "Polesia")
        if self.lat is not None:
            out.update(lat=round(self.lat, 4), lon=round(self.lon, 4))
        return out


_SITE = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w’'-]+\s+){1,2}(?:training\s+ground|training\s+range|firing\s+range|range|"
    r"airfield|air\s+base|airbase|military\s+base|base|garrison|railway\s+station|station|depot))\b"
)
# "the border" with no country: named from the last border phrase of the document.
_BARE_BORDER = re.compile(r"\bthe\s+((?:north|south|east|west)\w*\s+)?border\b(?!\s+(?:of|with|between)\b)")
_DIRECTION = r"(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+)"


@lru_cache(maxsize=1)
def _country_alternation() -> str:
    """The lexicon's country names as a regex alternation, longest first."""
    return "|".join(sorted(lexicons().actors["countries"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _border_re() -> re.Pattern:
    countries = _country_alternation()
    return re.compile(
        rf"\b(?:the\s+)?(?:{_DIRECTION}?border\s+(?:of|with)\s+(?P<a>{countries})"
        rf"|(?P<b>{countries})(?:n|ian)?\s+border|(?P<c>{_DIRECTION})(?:part\s+of\s+|regions?\s+of\s+)?(?P<d>{countries}))\b",
        re.IGNORECASE,
    )


def _from_kb(text: str) -> list[PlaceHit]:
    hits = []
    for m in kb.places.find(text):
        e = m.entry
        country = getattr(e, "country", None) or (e.name if e.kind == "country" else None)
        hits.append(PlaceHit(m.start, m.end, m.text, e.name, e.kind, country, e.lat, e.lon))
    return hits


def _countries(text: str) -> list[PlaceHit]:
    hits = []
    for name in lexicons().actors["countries"]:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            hits.append(PlaceHit(m.start(), m.end(), m.group(), name, "country", name, *_coords(name)))
    return hits


@lru_cache(maxsize=1024)
def _coords(name: str) -> tuple[float | None, float | None]:
    place = kb.places.resolve(name)
    return (place.lat, place.lon) if place else (None, None)


def _patterns(text: str) -> list[PlaceHit]:
    hits = []
    for m in _border_re().finditer(text):
        country = next(g for g in (m.group("a"), m.group("b"), m.group("d")) if g)
        country = _canonical_country(country)
        hits.append(PlaceHit(m.start(), m.end(), m.group(), _clean_article(m.group()), "border", country))
    for m in _BARE_BORDER.finditer(text):
        hits.append(PlaceHit(m.start(), m.end(), m.group(), "border", "border"))
    for m in _SITE.finditer(text):
        hits.append(PlaceHit(m.start(1), m.end(1), m.group(1), m.group(1), "site"))
    for m in _part_of_re().finditer(text):  # "the south of Belarus": a part of the country, not all of it
        country = _canonical_country(m.group("country"))
        hits.append(PlaceHit(m.start(), m.end(), m.group(), _clean_article(m.group()), "region", country))
    for m in _territory_re().finditer(text):
        country = lexicons().actors["demonyms"][m.group(1).lower()]
        hits.append(PlaceHit(m.start(), m.end(), m.group(), country, "country", country, *_coords(country)))
    return hits


@lru_cache(maxsize=1)
def _part_of_re() -> re.Pattern:
    countries = _country_alternation()
    return re.compile(
        rf"\b(?:the\s+)?(?:north|south|east|west|centre|center)(?:-?east|-?west)?(?:ern)?\s+(?:part\s+)?of\s+"
        rf"(?:the\s+)?(?P<country>{countries})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _territory_re() -> re.Pattern:
    """"Belarusian territory", "Ukrainian cities": a nationality before a territory noun is a place."""
    demonyms = "|".join(re.escape(d) for d in sorted(lexicons().actors["demonyms"], key=len, reverse=True) if len(d) > 3)
    nouns = "|".join(re.escape(n) for n in lexicons().actors["territory_nouns"])
    return re.compile(rf"\b({demonyms})\s+(?:{nouns})\b", re.IGNORECASE)


def _clean_article(text: str) -> str:
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def _canonical_country(name: str) -> str:
    for known in lexicons().actors["countries"]:
        if known.lower() == name.lower():
            return known
    return name


@lru_cache(maxsize=4096)
def places_in(text: str) -> list[PlaceHit]:
    """Places in `text`: border phrases and sites first, then the KB, then country names.
    Cached by text: every stage of a sentence asks again (callers must not mutate)."""
    chosen: list[PlaceHit] = []
    for hit in _patterns(text) + _from_kb(text) + _countries(text):
        if not any(hit.start < c.end and c.start < hit.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


@lru_cache(maxsize=4096)
def equipment_in(text: str):
    """Equipment catalogue matches in `text` (`Match.entry` has `.name`, `.item`)."""
    return kb.equipment.find(text)


@lru_cache(maxsize=4096)
def units_in(text: str):
    return kb.units.find(text)


@lru_cache(maxsize=4096)
def sources_in(text: str):
    return kb.sources.find(text)


@lru_cache(maxsize=4096)
def place_country(name: str) -> str | None:
    """The country a place name lies in, when the gazetteer knows it."""
    place = kb.places.resolve(name)
    return getattr(place, "country", None) if place else None


def set_size(phrase: str, echelon: str) -> int | None:
    """Pieces of `phrase` ("tanks", "T-72B3") in one `echelon` set, when the catalogue knows
    (a model without its own size inherits its class's: T-72B3 -> tank -> 31 a battalion)."""
    return kb.equipment.set_size(phrase, echelon)  # the class's size when the model has none
