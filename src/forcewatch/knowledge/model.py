"""Typed entries of the knowledge base; the schema every data file is validated against.

Each entry keeps `source` (where its facts come from) and `origin_file`/`line` (where it
was read), so an error or a surprising answer can be traced to one line of one file.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ITEMS = (
    "personnel", "tank", "armoured_vehicle", "artillery", "rocket_artillery", "air_defence",
    "aircraft", "helicopter", "missile", "drone", "truck", "train", "engineering", "ship",
    "unit", "equipment",
)  # fmt: skip
Item = Literal[
    "personnel", "tank", "armoured_vehicle", "artillery", "rocket_artillery", "air_defence",
    "aircraft", "helicopter", "missile", "drone", "truck", "train", "engineering", "ship",
    "unit", "equipment",
]  # fmt: skip
PlaceKind = Literal["country", "region", "city", "site", "area", "border"]
Grade = Literal["A", "B", "C", "D", "E", "F"]

_WIKI = "https://en.wikipedia.org/wiki/"


def expand_source(value: str) -> str:
    """`wp:T-72` is shorthand for the English Wikipedia article of that title."""
    value = value.strip()
    if value.startswith("wp:"):
        return _WIKI + value[3:].strip().replace(" ", "_")
    return value


def slug(text: str) -> str:
    """A stable id from a name: lower case, runs of other characters as one hyphen."""
    from .text import transliterate

    return re.sub(r"[^a-z0-9]+", "-", transliterate(text).lower()).strip("-")


class Entry(BaseModel):
    """Fields every entry has."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    id: str = ""
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    source: str = Field(min_length=1)
    note: str | None = None
    origin_file: str = ""
    line: int = 0

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        return expand_source(value)

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value):
        return [value] if isinstance(value, str) else (value or [])

    @model_validator(mode="after")
    def _default_id(self):
        if not self.id:
            self.id = slug(self.name)
        return self

    def names(self) -> list[str]:
        """The canonical name first, then every alias."""
        return [self.name, *self.aliases]


class Equipment(Entry):
    """A weapon system or vehicle model, or a generic class word ("tanks") when `generic`."""

    item: Item
    category: str = "equipment"
    operators: list[str] = Field(default_factory=list)
    origin: str | None = None
    parent: str | None = None
    set_sizes: dict[str, int] = Field(default_factory=dict)
    generic: bool = False
    proper: list[str] = Field(default_factory=list)  # aliases that are also English words

    @field_validator("set_sizes")
    @classmethod
    def _positive(cls, value: dict[str, int]) -> dict[str, int]:
        bad = [k for k, v in value.items() if v <= 0]
        if bad:
            raise ValueError(f"set size for {bad} must be a positive count")
        return value


class EchelonSize(Entry):
    """How many personnel or vehicles an echelon ("battalion tactical group") usually has."""

    echelon: str
    country: str | None = None
    personnel_low: int | None = None
    personnel_high: int | None = None
    tanks: int | None = None
    armoured_vehicles: int | None = None


class Unit(Entry):
    """A named formation; `parent` is another unit's id."""

    echelon: str | None = None
    type: str | None = None
    country: str | None = None
    parent: str | None = None
    ordinal: int | None = None
    honorifics: list[str] = Field(default_factory=list)
    garrison: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class Place(Entry):
    """A country, region, city, military site, area or border stretch with coordinates."""

    kind: PlaceKind
    country: str | None = None
    admin1: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    population: int | None = None
    category: str | None = None
    borders: list[str] = Field(default_factory=list)  # for kind=border: the two countries
    side: str | None = None  # for border/area: north|south|east|west|...
    iso: str | None = None
    geonames_id: int | None = None
    admin1_code: str | None = None

    @model_validator(mode="after")
    def _coordinates(self):
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if self.kind in ("city", "site") and self.lat is None:
            raise ValueError(f"a {self.kind} needs lat and lon")
        return self


class Source(Entry):
    """Who asserts a claim: outlet, government, military, intelligence service, analyst..."""

    type: str
    country: str | None = None
    party: bool = False
    reliability: Grade = "F"
    reliability_note: str = Field(min_length=1)
    proper: list[str] = Field(default_factory=list)


KINDS: dict[str, type[Entry]] = {
    "equipment": Equipment,
    "echelons": EchelonSize,
    "units": Unit,
    "places": Place,
    "sources": Source,
}
