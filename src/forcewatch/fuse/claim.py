"""The claim as fusion sees it: a typed view over a claim-schema dict.

Extraction hands over plain dicts (see docs `claim-schema.md`); fusion needs dates,
intervals and names it can compare. `Claim.from_dict` accepts any dict with the schema's
fields (missing ones default to null) and keeps the original for evidence output.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import MalformedInput

# Events that put forces into an area, or keep them there; withdrawal takes them out.
INBOUND_EVENTS = frozenset({"deployment", "movement", "presence"})
OUTBOUND_EVENTS = frozenset({"withdrawal"})


@dataclass(frozen=True)
class Quantity:
    """`{"low", "high", "approx", "text"}` from the schema; either bound may be missing."""

    low: int | None = None
    high: int | None = None
    approx: bool = False
    text: str = ""

    @classmethod
    def from_value(cls, value: Any) -> Quantity | None:
        """The schema's quantity object (or a bare number); None when it gives no bound."""
        if not value:
            return None
        if isinstance(value, (int, float)):
            return cls(int(value), int(value))
        low, high = value.get("low"), value.get("high")
        if low is None and high is None:
            return None
        return cls(_int_or_none(low), _int_or_none(high), bool(value.get("approx")), value.get("text") or "")

    def interval(self, tolerance: float = 0.0) -> tuple[float, float]:
        """Closed interval the quantity allows, widened by `tolerance` (share of the bound).

        "up to 9,000" is [0, 9000]; "more than 90" is [90, inf); approximate figures get
        twice the tolerance because "some 170" may well be 160 or 185.
        """
        tol = tolerance * (2 if self.approx else 1)
        low = 0.0 if self.low is None else self.low * (1 - tol)
        high = math.inf if self.high is None else self.high * (1 + tol)
        return low, high

    def value(self) -> float:
        """One representative figure: the midpoint of a range, else the bound given."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return float(self.high if self.high is not None else self.low)

    def describe(self) -> str:
        """The figure as the text gave it, else as a range or an open bound."""
        if self.text:
            return self.text
        if self.low is not None and self.high is not None:
            return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"
        return f"up to {self.high}" if self.high is not None else f"more than {self.low}"


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def name_of(value: Any) -> str | None:
    """A location or source may be a string or an object with `name`; give the name."""
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get("name") or value.get("text") or None
    return str(value).strip() or None


def date_span(value: Any) -> tuple[date, date] | None:
    """First and last day an ISO date, datetime or partial date can mean ("2022-09" -> Sep 1..30).

    None for anything else, including a year that is not four digits ("22" is no year).
    """
    if not value:
        return None
    parts = str(value)[:10].split("-")
    if len(parts[0]) != 4 or len(parts) > 3:
        return None
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
        return day, day
    except ValueError:
        return None


def parse_day(value: Any) -> date | None:
    """ISO date or datetime, full or partial ("2022-10" is its first day); else None."""
    span = date_span(value)
    return span[0] if span else None


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def coords_of(value: Any) -> tuple[float, float] | None:
    """`{"lat", "lon"}` or a `[lat, lon]` pair, when both are numbers in range; else None."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        lat, lon = _float(value[0]), _float(value[1])
    elif isinstance(value, dict):
        lat, lon = _float(value.get("lat")), _float(value.get("lon"))
    else:
        return None
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _coords(raw: dict) -> tuple[float, float] | None:
    """`location_coords` as {lat, lon} or [lat, lon], else the location object's lat/lon."""
    return coords_of(raw.get("location_coords")) or coords_of(raw.get("location"))


@dataclass
class Claim:
    """One attributed statement about forces, with the fields fusion compares."""

    id: str
    doc: str
    sentence: str
    event: str
    actor: str | None
    item: str | None
    equipment: list[str]
    unit: str | None
    quantity: Quantity | None
    location: str | None
    destination: str | None
    origin: str | None
    source: str | None
    outlet: str | None
    modality: str
    negated: bool
    day: date | None  # when the fact happened: the claim's date, else publication
    published: date | None  # when the report became known: publication, else the date
    coords: tuple[float, float] | None
    country: str | None  # country named with the location, when the claim gives one
    origin_ref: str | None = None  # the first poster behind an aggregated report (event tables)
    raw: dict = field(default_factory=dict, repr=False)
    # Filled by `provenance.annotate` once entities are resolved:
    source_id: str | None = None
    source_name: str | None = None
    grade: str = "F"  # Admiralty source reliability A-F; F = cannot be judged
    origin_key: str = ""  # independent origin: two claims with one key are one voice
    area: str | None = None  # country the forces are in
    point: tuple[float, float] | None = None  # coordinates, from the claim or the gazetteer
    place_id: str | None = None
    place_kind: str | None = None
    # The resolver that filled the fields above: annotating again with it would change nothing.
    resolved_by: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_dict(cls, raw: dict, index: int = 0) -> Claim:
        """Build from a claim-schema dict; `index` makes an id when the dict has none."""
        if not isinstance(raw, dict) or not raw.get("event"):
            raise MalformedInput(f"claim #{index}", "a claim needs at least an 'event' field",
                                 "pass dicts shaped like docs/claim-schema.md")
        claimed, published = parse_day(raw.get("date")), parse_day(raw.get("published"))
        location = raw.get("location")
        return cls(
            id=str(raw.get("id") or f"{raw.get('doc', 'claim')}:{raw.get('start', index)}:{index}"),
            doc=str(raw.get("doc") or ""),
            sentence=raw.get("sentence") or "",
            event=raw["event"],
            actor=raw.get("actor") or None,
            item=raw.get("item") or None,
            equipment=list(raw.get("equipment") or []),
            unit=name_of(raw.get("unit")),
            quantity=Quantity.from_value(raw.get("quantity")),
            location=name_of(location),
            destination=name_of(raw.get("destination")),
            origin=name_of(raw.get("origin")),
            source=name_of(raw.get("source")),
            outlet=raw.get("outlet") or None,
            modality=raw.get("modality") or "asserted",
            negated=bool(raw.get("negated")),
            day=claimed or published,
            published=published or claimed,
            coords=_coords(raw),
            country=location.get("country") if isinstance(location, dict) else None,
            origin_ref=raw.get("origin_ref") or None,
            raw=raw,
        )

    @property
    def inbound(self) -> bool:
        """Forces arriving in or present in the area."""
        return self.event in INBOUND_EVENTS

    @property
    def outbound(self) -> bool:
        """Forces leaving the area."""
        return self.event in OUTBOUND_EVENTS

    @property
    def denial(self) -> bool:
        """An official denial: the event itself, or a claim reported as denied."""
        return self.event == "denial" or self.modality == "denied"

    def visible_on(self, as_of: date) -> bool:
        """Known by `as_of`: published (or, for dated events, observed) by then."""
        return self.published is not None and self.published <= as_of

    def evidence(self) -> dict:
        """What an analyst needs to check the claim: document, sentence, who said it."""
        return {"claim": self.id, "doc": self.doc, "sentence": self.sentence, "source": self.source,
                "outlet": self.outlet, "date": self.day.isoformat() if self.day else None}


def to_claims(claims: list[Any]) -> list[Claim]:
    """Accept dicts or `Claim`s; dicts are converted, so callers can pass extractor output."""
    return [c if isinstance(c, Claim) else Claim.from_dict(c, i) for i, c in enumerate(claims)]
