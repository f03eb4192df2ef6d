"""Force estimates: for an area and actor, a dated series of ranges per item.

Reports of forces in an area are estimates of one *stock*, not increments: "up to 9,000",
"about 3,200 so far" and "10,000 to 15,000" are three views of one grouping, so the
estimate is their envelope (lowest stated lower bound to highest stated upper bound) over
the reports still current (`VALID_DAYS`). Repeats of one fact are one claim group and are
never summed. Withdrawals with a number move the stock down from the newest stock report;
a newer stock report supersedes the withdrawals before it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .geo import haversine_km
from .groups import ClaimGroup, direction, polarity

VALID_DAYS = 90  # a count of a grouping is stale after about a quarter


@dataclass
class EstimatePoint:
    day: date
    low: int | None
    high: int | None
    groups: list[str]
    claims: list[dict]
    note: str = ""

    def to_dict(self) -> dict:
        """The point as JSON-ready data, with the claims behind it."""
        return {"date": self.day.isoformat(), "low": self.low, "high": self.high, "note": self.note,
                "groups": self.groups, "claims": self.claims}

    @property
    def value(self) -> int | None:
        """The upper end where given: the warning question is what the force *could* be."""
        return self.high if self.high is not None else self.low


@dataclass
class ForceEstimate:
    area: str | None
    actor: str | None
    item: str
    points: list[EstimatePoint] = field(default_factory=list)

    def at(self, day: date) -> EstimatePoint | None:
        """The latest point on or before `day` that is still current."""
        known = [p for p in self.points if p.day <= day and (day - p.day).days <= VALID_DAYS]
        return known[-1] if known else None

    def to_dict(self) -> dict:
        """The estimate's key and its dated series."""
        return {"area": self.area, "actor": self.actor, "item": self.item, "series": [p.to_dict() for p in self.points]}


@dataclass
class AreaFilter:
    """Where to estimate: a country, or a radius around a point (both optional)."""

    country: str | None = None
    center: tuple[float, float] | None = None
    radius_km: float | None = None

    def contains(self, group: ClaimGroup) -> bool:
        """Whether the group's lead claim lies in the country and within the radius."""
        lead = group.lead
        if self.country and (lead.area or "").casefold() != self.country.casefold():
            return False
        if self.center and self.radius_km is not None:
            return lead.point is not None and haversine_km(lead.point, self.center) <= self.radius_km
        return True


def counted(group: ClaimGroup) -> bool:
    """Whether the group gives a figure of forces arriving, present or leaving."""
    return group.quantity is not None and polarity(group.lead) == "affirmed" and direction(group.lead) in ("in", "out")


def estimate_series(groups: list[ClaimGroup], area: AreaFilter | None = None,
                    actor: str | None = None) -> list[ForceEstimate]:
    """One estimate per (area, actor, item) among the groups that fall in `area` and `actor`."""
    area = area or AreaFilter()
    buckets: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for group in groups:
        lead = group.lead
        if counted(group) and group.first and area.contains(group) and _actor_ok(lead.actor, actor):
            buckets[(area.country or lead.area, lead.actor, lead.item or "equipment")].append(group)
    return [_series(key, members) for key, members in sorted(buckets.items(), key=lambda kv: tuple(map(str, kv[0])))]


def _actor_ok(found: str | None, wanted: str | None) -> bool:
    return wanted is None or (found or "").casefold() == wanted.casefold()


def _series(key: tuple, groups: list[ClaimGroup]) -> ForceEstimate:
    estimate = ForceEstimate(*key)
    days = sorted({g.first for g in groups})
    for day in days:
        estimate.points.append(_point(day, [g for g in groups if g.first <= day]))
    return estimate


def _point(day: date, known: list[ClaimGroup]) -> EstimatePoint:
    stock = [g for g in known if direction(g.lead) == "in" and (day - g.first).days <= VALID_DAYS]
    newest = max((g.first for g in stock), default=date.min)
    outs = [g for g in known if direction(g.lead) == "out" and g.first >= newest]
    low, high = _envelope(stock)
    removed = sum(int(g.quantity.value()) for g in outs)
    used = stock + outs
    note = f"{removed} reported leaving since the last count" if removed else ""
    return EstimatePoint(day, _minus(low, removed), _minus(high, removed), [g.id for g in used],
                         [c.evidence() for g in used for c in g.claims], note)


def _envelope(stock: list[ClaimGroup]) -> tuple[int | None, int | None]:
    lows = [g.quantity.low for g in stock if g.quantity.low is not None]
    highs = [g.quantity.high for g in stock if g.quantity.high is not None]
    # the high end is the highest figure stated at all: "more than 90" says at least 90
    return (min(lows) if lows else None), (max(highs + lows) if highs or lows else None)


def _minus(value: int | None, removed: int) -> int | None:
    return None if value is None else max(0, value - removed)
