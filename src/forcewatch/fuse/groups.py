"""Claim groups: claims across documents that state the same fact.

Two claims state the same fact when they have the same actor, item, direction (forces in
vs forces out, or the same other event) and polarity, in the same country, within a time
window, at compatible places (within `radius_km` when both are geolocated), with the same
figure within rounding (`same_figure`) and no conflicting equipment models. Grouping is
greedy in date order, so it is deterministic for a given input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .claim import Claim, Quantity
from .geo import haversine_km, haversine_rad, radians_of

GRADE_ORDER = "ABCDEF"
QUANTITY_TOLERANCE = 0.1  # reports round: 3,000 and "some 3,200" are one figure

ITEM_WORDS = {
    "personnel": "personnel", "tank": "tanks", "armoured_vehicle": "armoured vehicles", "artillery": "artillery pieces",
    "rocket_artillery": "rocket launchers", "air_defence": "air-defence systems", "aircraft": "aircraft",
    "helicopter": "helicopters", "missile": "missile systems", "drone": "drones", "truck": "trucks",
    "train": "trains", "engineering": "engineering vehicles", "ship": "ships", "unit": "units",
    "equipment": "military equipment",
}


@dataclass
class GroupingOptions:
    """How close in time (days after a group's last report) and space two reports of one fact are."""

    window_days: int = 14
    radius_km: float = 25.0


@dataclass(eq=False)
class ClaimGroup:
    """Claims that state one fact, with their canonical statement and provenance.

    Groups compare by identity (`eq=False`): two groups are one only if they are the same
    object, and membership tests stay O(1) instead of comparing every member claim.
    """

    id: str
    claims: list[Claim]
    origins: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    statement: str = ""
    credibility: int = 6  # Admiralty information credibility 1-6, set by `reliability`
    # (members seen, lead, first, last), brought up to date as members are appended
    _stats: tuple | None = field(default=None, init=False, repr=False)

    def _summary(self) -> tuple:
        """Lead, first and last day; groups only grow, so only members added since are looked at."""
        seen, lead, first, last = self._stats if self._stats and self._stats[0] <= len(self.claims) else (0, None, None, None)
        for claim in self.claims[seen:]:
            if lead is None or _lead_rank(claim) < _lead_rank(lead):  # ties keep the earlier, as `min` does
                lead = claim
            if claim.day:
                first = claim.day if first is None else min(first, claim.day)
                last = claim.day if last is None else max(last, claim.day)
        self._stats = (len(self.claims), lead, first, last)
        return self._stats

    @property
    def lead(self) -> Claim:
        """The member that speaks for the group: best-graded source, then with a number, then earliest."""
        lead = self._summary()[1]
        if lead is None:
            raise ValueError(f"claim group {self.id} has no claims, so it has no lead; add claims before reading it")
        return lead

    @property
    def first(self) -> date | None:
        """The earliest day any member reports; None when no member is dated."""
        return self._summary()[2]

    @property
    def last(self) -> date | None:
        """The latest day any member reports; None when no member is dated."""
        return self._summary()[3]

    @property
    def quantity(self) -> Quantity | None:
        """The lead's figure, else the first member's that gives one."""
        return self.lead.quantity if self.lead.quantity else next((c.quantity for c in self.claims if c.quantity), None)

    @property
    def best_grade(self) -> str:
        """The best Admiralty source grade among the members (F when none is graded)."""
        return min((c.grade for c in self.claims), key=GRADE_ORDER.index, default="F")

    def to_dict(self) -> dict:
        """The group as JSON-ready data: statement, provenance, credibility, evidence."""
        lead = self.lead
        return {"id": self.id, "statement": self.statement, "event": lead.event, "actor": lead.actor,
                "item": lead.item, "negated": lead.negated, "area": lead.area,
                "quantity": _quantity_dict(self.quantity), "first": _iso(self.first), "last": _iso(self.last),
                "origins": self.origins, "independent_origins": len(self.origins), "outlets": self.outlets,
                "repeats": len(self.claims) - len(self.origins), "credibility": self.credibility,
                "claims": [c.evidence() for c in self.claims]}


def _lead_rank(claim: Claim) -> tuple:
    return (GRADE_ORDER.index(claim.grade), claim.quantity is None, claim.day or date.max, claim.id)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _quantity_dict(q: Quantity | None) -> dict | None:
    return None if q is None else {"low": q.low, "high": q.high, "approx": q.approx, "text": q.describe()}


def direction(claim: Claim) -> str:
    """"in" for forces arriving or present, "out" for leaving, else the event itself."""
    return "in" if claim.inbound else ("out" if claim.outbound else claim.event)


def polarity(claim: Claim) -> str:
    """"denied", "negated" or "affirmed": a denial never groups with what it denies."""
    return "denied" if claim.denial else ("negated" if claim.negated else "affirmed")


def group_key(claim: Claim) -> tuple:
    """What two claims must share to state one fact: actor, item, direction, polarity, area."""
    return ((claim.actor or "").casefold(), claim.item or "", direction(claim), polarity(claim), claim.area or "")


def quantities_compatible(a: Quantity | None, b: Quantity | None, tolerance: float = QUANTITY_TOLERANCE) -> bool:
    """True when either is missing or their (tolerance-widened) intervals overlap."""
    if a is None or b is None:
        return True
    a_low, a_high = a.interval(tolerance)
    b_low, b_high = b.interval(tolerance)
    return a_low <= b_high and b_low <= a_high


def same_figure(a: Quantity | None, b: Quantity | None) -> bool:
    """Whether two figures can be one report of one fact: missing, or within rounding of each other.

    Overlap is not enough: "up to 9,000" and "about 3,200 so far" are compatible figures
    (see `quantities_compatible`) but two different facts.
    """
    if a is None or b is None:
        return True
    tolerance = 0.25 if (a.approx or b.approx) else 0.15
    va, vb = a.value(), b.value()
    return abs(va - vb) <= tolerance * max(va, vb)


def places_compatible(a: Claim, b: Claim, radius_km: float) -> bool:
    """Whether two claims can be at one place: within `radius_km` when both have points, the
    same gazetteer place when both name one finer than a country, else yes (one names only a country)."""
    if a.point and b.point:
        return haversine_km(a.point, b.point) <= radius_km
    if a.place_id and b.place_id and a.place_kind not in (None, "country") and b.place_kind not in (None, "country"):
        return a.place_id == b.place_id
    return True  # one side names only the country: it may be the same place


def equipment_compatible(a: Claim, b: Claim) -> bool:
    """False only when both name equipment models and share none."""
    return not (a.equipment and b.equipment and not set(a.equipment) & set(b.equipment))


def fits(claim: Claim, group: ClaimGroup, options: GroupingOptions) -> bool:
    """Whether `claim` states the same fact as every claim already in `group`."""
    return _Grouper(options).fits(claim, group)


# Slack for float rounding in the triangle-inequality shortcut, far below any real distance.
_ROUNDING_KM = 1e-6
CLUSTER_KM = 3.0  # members this close to a cluster's anchor are measured through the anchor


@dataclass
class _Cluster:
    """Geolocated members of a group near one anchor member, and the farthest one's distance."""

    anchor: tuple[float, float, float]
    reach: float = 0.0
    members: list[tuple[float, float, float]] = field(default_factory=list)


@dataclass
class _Spread:
    """Where a group's members are: geolocated ones in clusters, and those without a point."""

    seen: int = 0
    clusters: list[_Cluster] = field(default_factory=list)
    unpointed: list[Claim] = field(default_factory=list)
    plain: bool = True  # no member gives a figure or equipment models

    def add(self, point: tuple[float, float, float]) -> None:
        for cluster in self.clusters:
            gap = haversine_rad(cluster.anchor, point)
            if gap <= CLUSTER_KM:
                cluster.reach = max(cluster.reach, gap)
                cluster.members.append(point)
                return
        self.clusters.append(_Cluster(point, 0.0, [point]))


class _Grouper:
    """`fits`, fast: each claim's radians once, and each group's spread kept as it grows.

    A claim within `radius - reach` of a cluster's anchor is within `radius` of every member of
    the cluster (triangle inequality on the sphere), so big groups at one site are not
    re-measured member by member; only clusters near the limit get the exact test per member.
    """

    def __init__(self, options: GroupingOptions) -> None:
        self.options = options
        self._trig: dict[int, tuple[float, float, float]] = {}
        self._spread: dict[int, _Spread] = {}

    def trig(self, claim: Claim) -> tuple[float, float, float]:
        found = self._trig.get(id(claim))
        if found is None:
            found = self._trig[id(claim)] = radians_of(claim.point)
        return found

    def spread(self, group: ClaimGroup) -> _Spread:
        spread = self._spread.setdefault(id(group), _Spread())
        for member in group.claims[spread.seen:]:
            spread.plain = spread.plain and member.quantity is None and not member.equipment
            if member.point:
                spread.add(self.trig(member))
            else:
                spread.unpointed.append(member)
        spread.seen = len(group.claims)
        return spread

    def fits(self, claim: Claim, group: ClaimGroup) -> bool:
        last = group.last
        if claim.day and last and (claim.day - last).days > self.options.window_days:
            return False
        spread = self.spread(group)
        if not self.places_fit(claim, group, spread):
            return False
        if spread.plain or (claim.quantity is None and not claim.equipment):
            return True  # no figure or models on one side: `same_figure` and `equipment_compatible` hold
        return all(same_figure(claim.quantity, m.quantity) and equipment_compatible(claim, m) for m in group.claims)

    def places_fit(self, claim: Claim, group: ClaimGroup, spread: _Spread) -> bool:
        """`places_compatible` with every member."""
        radius = self.options.radius_km
        if not claim.point:
            return all(places_compatible(claim, m, radius) for m in group.claims)
        if not all(places_compatible(claim, m, radius) for m in spread.unpointed):
            return False
        here, near_limit = self.trig(claim), []
        for cluster in spread.clusters:
            gap = haversine_rad(here, cluster.anchor)
            if gap > radius:
                return False  # the anchor is a member
            if gap + cluster.reach > radius - _ROUNDING_KM:
                near_limit.append(cluster)
        return all(haversine_rad(here, point) <= radius for cluster in near_limit for point in cluster.members)


def group_claims(claims: list[Claim], options: GroupingOptions | None = None) -> list[ClaimGroup]:
    """Group claims that state the same fact; each claim lands in exactly one group.

    Claims come in date order, so a group whose last report is more than `window_days`
    before the current claim can take no later claim either: it is dropped from the open
    candidates (keeping their order), which keeps grouping linear in the claims per window.
    """
    grouper = _Grouper(options or GroupingOptions())
    window = grouper.options.window_days
    open_groups: dict[tuple, tuple[date | None, list[ClaimGroup]]] = {}
    groups: list[ClaimGroup] = []
    for claim in sorted(claims, key=lambda c: (c.day or date.min, c.id)):
        key = group_key(claim)
        pruned, candidates = open_groups.get(key) or (None, [])
        if claim.day and claim.day != pruned:
            candidates = [g for g in candidates if not g.last or (claim.day - g.last).days <= window]
        target = next((g for g in candidates if grouper.fits(claim, g)), None)
        if target is None:
            target = ClaimGroup(id=f"g{len(groups) + 1}", claims=[])
            candidates.append(target)
            groups.append(target)
        target.claims.append(claim)
        open_groups[key] = (claim.day, candidates)
    for group in groups:
        finish(group)
    return groups


def finish(group: ClaimGroup) -> None:
    """Provenance and the canonical statement, once the members are known."""
    group.origins = sorted({c.origin_key for c in group.claims})
    group.outlets = sorted({c.outlet for c in group.claims if c.outlet})
    group.statement = statement(group)


def statement(group: ClaimGroup) -> str:
    """One plain sentence for the fact: "Russia: deployment of some 170 tanks to Belarus (2022-10-17), per ..."."""
    lead = group.lead
    what = ITEM_WORDS.get(lead.item or "", "forces")
    if group.quantity:
        what = f"{group.quantity.describe()} {what}"
    if lead.equipment:
        what += f" ({', '.join(lead.equipment)})"
    text = f"{lead.actor or 'unattributed forces'}: {'no ' if lead.negated else ''}{lead.event} of {what}"
    text += _where(lead)
    text += f" ({_iso(group.first)})" if group.first else ""
    source = lead.source_name or lead.source or lead.outlet
    return text + (f", per {source}" if source else "") + _repeat_note(group)


def _where(claim: Claim) -> str:
    if claim.outbound:
        origin = claim.origin or claim.location or claim.area
        return (f" from {origin}" if origin else "") + (f" to {claim.destination}" if claim.destination else "")
    if claim.destination:
        return f" to {claim.destination}"
    place = claim.location or claim.area
    return f" in {place}" if place else ""


def _repeat_note(group: ClaimGroup) -> str:
    extra_origins, repeats = len(group.origins) - 1, len(group.claims) - len(group.origins)
    notes = [f"{extra_origins} more independent source(s)"] if extra_origins > 0 else []
    notes += [f"{repeats} repeat(s)"] if repeats > 0 else []
    return f" [{'; '.join(notes)}]" if notes else ""
