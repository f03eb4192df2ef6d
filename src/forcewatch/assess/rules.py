"""Indicator rules, registered by name: a problem's YAML picks one per indicator.

Each rule is `(indicator, context) -> Finding`. A finding is `met`, `not met`,
`contradicted` (the evidence for it is outweighed or denied by better-supported claims)
or `unknown` (no reporting at all on the area in the window: a collection gap, which is
not evidence of absence). Add a rule with `@rule("name")`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..fuse import ClaimGroup, Fusion
from ..fuse.claim import Claim
from ..fuse.entities import country_name, distance_to_border_km, equipment_category
from ..fuse.groups import GRADE_ORDER, direction
from .problem import Indicator, Match, Problem
from .vocab import find_terms

MET, NOT_MET, CONTRADICTED, UNKNOWN = "met", "not met", "contradicted", "unknown"
BORDER_VOCABULARY = "border-phrases"


@dataclass
class Finding:
    status: str
    confidence: float = 0.0
    groups: list[ClaimGroup] = field(default_factory=list)
    detail: str = ""


@dataclass
class Context:
    """What every rule sees: the problem, the date, and the fused claims visible by then."""

    problem: Problem
    as_of: date
    fusion: Fusion

    def recent(self, days: int) -> list[ClaimGroup]:
        """Groups whose latest report is at most `days` old on the as-of date."""
        return [g for g in self.fusion.groups if g.last and 0 <= (self.as_of - g.last).days <= days]

    def in_area(self, area: str | None) -> bool:
        """Whether a country (any spelling or ISO code) is in the problem's staging area."""
        wanted = {c.casefold() for c in self.problem.area.countries}
        return (country_name(area) or "").casefold() in wanted

    def actor_ok(self, actor: str | None) -> bool:
        """Whether the problem watches this actor; an unnamed actor may be any of them."""
        return actor is None or actor.casefold() in {a.casefold() for a in self.problem.actors}

    def confidence(self, group: ClaimGroup) -> float:
        """Source grade x information credibility x recency (half weight at the window's edge)."""
        scoring = self.problem.scoring
        grade = scoring.grade_weights.get(group.best_grade, scoring.grade_weights.get("F", 0.5))
        cred = scoring.credibility_weights.get(group.credibility, 0.5)
        age = (self.as_of - group.last).days if group.last else self.problem.window_days
        return round(grade * cred * max(0.5, 1 - 0.5 * age / self.problem.window_days), 3)


RULES: dict[str, Callable[[Indicator, Context], Finding]] = {}


def rule(name: str):
    """Decorator: register an indicator rule under `name`, the `rule:` a problem's YAML gives."""
    def register(func):
        RULES[name] = func
        return func
    return register


# --- matching claims -----------------------------------------------------------------

def _event_ok(match: Match, claim: Claim) -> bool:
    if match.modalities:
        return claim.modality in match.modalities or ("denied" in match.modalities and claim.event == "denial")
    if claim.denial:
        return False
    return not match.events or claim.event in match.events


def _what_ok(match: Match, claim: Claim) -> bool:
    if not (match.items or match.categories or match.vocabulary):
        return True
    if claim.item in match.items or set(_categories(claim)) & set(match.categories):
        return True
    return any(find_terms(v, claim.sentence) for v in match.vocabulary)


def _categories(claim: Claim) -> list[str]:
    return [c for c in (equipment_category(name) for name in claim.equipment) if c]


def _border_ok(match: Match, claim: Claim, ctx: Context) -> bool:
    if match.within_km_of_border is None:
        return True
    border = ctx.problem.border
    if claim.point:
        km = distance_to_border_km(claim.point[0], claim.point[1], border.from_, border.to)
        if km is not None:
            return km <= match.within_km_of_border
    where = " ".join(filter(None, [claim.destination, claim.location]))
    return bool(find_terms(BORDER_VOCABULARY, where))


def claim_matches(match: Match, claim: Claim, ctx: Context) -> bool:
    """Whether one claim is evidence for an indicator's `match` (see `problem.Match`)."""
    if match.negated is not None and claim.negated != match.negated:
        return False
    if match.min_grade and GRADE_ORDER.index(claim.grade) > GRADE_ORDER.index(match.min_grade):
        return False
    if not (_event_ok(match, claim) and _what_ok(match, claim) and ctx.actor_ok(claim.actor)):
        return False
    return match.anywhere or (ctx.in_area(claim.area) and _border_ok(match, claim, ctx))


def matching_groups(match: Match, ctx: Context, days: int) -> list[ClaimGroup]:
    """Recent groups (within `days`) with at least one claim that `match` accepts."""
    return [g for g in ctx.recent(days) if any(claim_matches(match, c, ctx) for c in g.claims)]


def place_key(group: ClaimGroup) -> str:
    """Distinct places for "mass" counts: a named site or town, else a ~20 km grid cell."""
    lead = group.lead
    if lead.point:
        return f"{round(lead.point[0] * 5) / 5:.1f},{round(lead.point[1] * 5) / 5:.1f}"
    return lead.place_id if lead.place_kind not in (None, "country") else ""


def _ranked(groups: list[ClaimGroup], ctx: Context) -> list[ClaimGroup]:
    return sorted(groups, key=lambda g: (-ctx.confidence(g), g.id))


# --- rules ---------------------------------------------------------------------------

@rule("claims")
def claims_rule(ind: Indicator, ctx: Context) -> Finding:
    """Met when enough independent facts match: `min_facts` groups at `min_places` places
    from `min_origins` independent origins; contradicted when they are all discredited or
    outweighed by negated reports of the same thing."""
    days = ind.window_days or ctx.problem.window_days
    found = _ranked(matching_groups(ind.match, ctx, days), ctx)
    origins = {o for g in found for o in g.origins}
    places = {place_key(g) for g in found} - {""}
    detail = f"{len(found)} fact(s) from {len(origins)} independent origin(s) at {len(places)} place(s)"
    if not found:
        return Finding(UNKNOWN if _no_coverage(ctx, days) else NOT_MET, detail="no matching reports in the window")
    best = ctx.confidence(found[0])
    if _discredited(found, ind, ctx, days):
        return Finding(CONTRADICTED, best, found, detail + "; outweighed by contradicting reports")
    places_ok = ind.min_places <= 1 or len(places) >= ind.min_places  # unplaced news reports count as one place
    enough = len(found) >= ind.min_facts and len(origins) >= ind.min_origins and places_ok
    return Finding(MET if enough else NOT_MET, best if enough else 0.0, found, detail)


def _no_coverage(ctx: Context, days: int) -> bool:
    return not any(ctx.in_area(c.area) for g in ctx.recent(days) for c in g.claims)


def _discredited(found: list[ClaimGroup], ind: Indicator, ctx: Context, days: int) -> bool:
    if ind.match.modalities:
        return False  # for a denial, the statement itself is the indicator, true or not
    if all(g.credibility in (4, 5) for g in found):  # 6 is "cannot be judged", not discredited
        return True
    if ind.match.negated is not False:
        return False
    opposite = matching_groups(ind.match.model_copy(update={"negated": True}), ctx, days)
    support = sum(len(g.origins) for g in found)
    return sum(len(g.origins) for g in opposite) > support


@rule("force_size")
def force_size_rule(ind: Indicator, ctx: Context) -> Finding:
    """Met when the force estimate for an item in the area reaches its threshold."""
    points = _estimate_points(ind, ctx)
    if not points:
        return Finding(UNKNOWN, detail="no counted reports of these forces in the area")
    over = [(item, p) for item, p in points if p.value is not None and p.value >= ind.thresholds[item]]
    detail = "; ".join(f"{item}: {_range(p)} (threshold {ind.thresholds[item]:,})" for item, p in points)
    groups = _point_groups([p for _, p in (over or points)], ctx)
    if over and _threshold_disputed(ind, ctx, [i for i, _ in over]):
        return Finding(CONTRADICTED, ctx.confidence(groups[0]) if groups else 0.0, groups, detail + "; figures disputed")
    if over:
        return Finding(MET, max((ctx.confidence(g) for g in groups), default=0.0), groups, detail)
    return Finding(NOT_MET, 0.0, groups, detail)


def _estimate_points(ind: Indicator, ctx: Context) -> list[tuple]:
    found = []
    for est in ctx.fusion.estimates:
        watched = ctx.in_area(est.area) and ctx.actor_ok(est.actor) and est.item in ind.thresholds
        point = est.at(ctx.as_of) if watched else None
        if point is not None and point.value is not None:  # withdrawals alone give no size
            found.append((est.item, point))
    return sorted(found, key=lambda ip: ip[0])


def _range(point) -> str:
    if point.low is not None and point.high is not None and point.low != point.high:
        return f"{point.low:,}-{point.high:,}"
    return f"{point.value:,}" if point.low is not None else f"up to {point.high:,}"


def _point_groups(points, ctx: Context) -> list[ClaimGroup]:
    ids = {gid for p in points for gid in p.groups}
    return _ranked([g for g in ctx.fusion.groups if g.id in ids], ctx)


def _threshold_disputed(ind: Indicator, ctx: Context, items: list[str]) -> bool:
    """A figure over the threshold contradicted by a better-supported one under it."""
    for c in ctx.fusion.contradictions:
        if c.kind != "quantity" or c.a.lead.item not in items:
            continue
        limit = ind.thresholds[c.a.lead.item]
        hi, lo = sorted((c.a, c.b), key=lambda g: g.quantity.value(), reverse=True)
        if hi.quantity.value() >= limit > lo.quantity.value() and len(lo.origins) > len(hi.origins):
            return True
    return False


@rule("exercise_no_return")
def exercise_no_return_rule(ind: Indicator, ctx: Context) -> Finding:
    """Forces that came for an exercise are still reported in the area `min_days` after it
    began, and nobody reports them leaving: the exercise may be cover for staging."""
    days = ind.window_days or ctx.problem.window_days
    min_days = int(ind.params.get("min_days", 7))
    drills = [g for g in matching_groups(ind.match, ctx, days) if (ctx.as_of - g.first).days >= min_days]
    if not drills:
        return Finding(NOT_MET, detail=f"no exercise begun at least {min_days} days ago in the window")
    start = min(g.first for g in drills)
    later = [g for g in ctx.recent(days) if direction(g.lead) == "in" and g.first > start and ctx.in_area(g.lead.area)]
    leaving = [g for g in ctx.recent(days) if direction(g.lead) == "out" and g.first >= start
               and ctx.in_area(g.lead.area)]
    detail = f"{len(drills)} exercise report(s) since {start}, {len(later)} later sighting(s), {len(leaving)} departure(s)"
    if later and not leaving:
        evidence = _ranked(drills, ctx) + _ranked(later, ctx)[:5]
        return Finding(MET, ctx.confidence(evidence[0]), evidence, detail)
    return Finding(NOT_MET, 0.0, _ranked(drills + leaving, ctx), detail)
