"""Contradictions between claim groups, each with both sides and their evidence.

Four kinds, each a function in `DETECTORS` (add one by appending):

- `quantity`: incompatible figures for the same actor, item, area and window
  (3,200 soldiers vs 10,000-15,000 soldiers);
- `direction`: forces arriving vs the same forces leaving the same area in the window;
- `denial`: an official denial vs claims of the activity it denies;
- `negation`: "no tanks arrived" vs "tanks arrived".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations

from .groups import ClaimGroup, direction, polarity, quantities_compatible

QUANTITY_WINDOW_DAYS = 45  # estimates of one grouping stay comparable for about six weeks
DIRECTION_WINDOW_DAYS = 14
DENIAL_WINDOW_DAYS = 30
# A denial of "preparing an offensive" answers reports of forces gathering or readying,
# not exercises nor analysts' judgements (which may well agree with it).
DENIABLE_EVENTS = frozenset({"deployment", "movement", "presence", "readiness"})
# What an assessment says is not typed, so "no indicators" vs an assessment is not a contradiction.
NEGATABLE_EVENTS = frozenset({"deployment", "movement", "presence", "withdrawal", "readiness", "exercise", "strike"})


@dataclass
class Contradiction:
    """Two claim groups that cannot both be true, and why; in a denial or negation `a` is the
    report and `b` the denial or negation of it."""

    kind: str
    a: ClaimGroup
    b: ClaimGroup
    note: str

    def to_dict(self) -> dict:
        """Both sides with their statements, credibility and evidence."""
        return {"kind": self.kind, "note": self.note, "a": _side(self.a), "b": _side(self.b)}


def _side(group: ClaimGroup) -> dict:
    return {"group": group.id, "statement": group.statement, "credibility": group.credibility,
            "independent_origins": len(group.origins), "claims": [c.evidence() for c in group.claims]}


def _days_apart(a: ClaimGroup, b: ClaimGroup) -> int:
    """Days between the two groups' date spans; 0 when they overlap or a date is unknown."""
    if not (a.first and b.first):
        return 0
    return max(0, (max(a.first, b.first) - min(a.last, b.last)).days)


def _same_area(a: ClaimGroup, b: ClaimGroup) -> bool:
    return not (a.lead.area and b.lead.area and a.lead.area != b.lead.area)


def _same_actor(a: ClaimGroup, b: ClaimGroup) -> bool:
    x, y = (a.lead.actor or "").casefold(), (b.lead.actor or "").casefold()
    return not x or not y or x == y


def _items_match(general: ClaimGroup, specific: ClaimGroup) -> bool:
    """A statement without an item ("no forces", a blanket denial) covers every item."""
    return not general.lead.item or general.lead.item == specific.lead.item


def quantity_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """Incompatible figures for one actor, item and area within `QUANTITY_WINDOW_DAYS`."""
    counted = [g for g in groups if g.quantity and direction(g.lead) == "in" and polarity(g.lead) == "affirmed"]
    for a, b in combinations(counted, 2):
        if (a.lead.item == b.lead.item and _same_actor(a, b) and _same_area(a, b)
                and _days_apart(a, b) <= QUANTITY_WINDOW_DAYS and not quantities_compatible(a.quantity, b.quantity)):
            yield Contradiction("quantity", a, b, f"{a.quantity.describe()} vs {b.quantity.describe()} "
                                f"{a.lead.item} in {a.lead.area or 'the same area'}")


def direction_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """The same forces reported arriving in and leaving one area within `DIRECTION_WINDOW_DAYS`."""
    affirmed = [g for g in groups if polarity(g.lead) == "affirmed"]
    arriving = [g for g in affirmed if direction(g.lead) == "in"]
    leaving = [g for g in affirmed if direction(g.lead) == "out"]
    for a in arriving:
        for b in leaving:
            if (a.lead.item == b.lead.item and _same_actor(a, b) and _same_area(a, b)
                    and _days_apart(a, b) <= DIRECTION_WINDOW_DAYS):
                yield Contradiction("direction", a, b, f"{a.lead.item} reported arriving and leaving "
                                    f"{a.lead.area or 'the area'} within {DIRECTION_WINDOW_DAYS} days")


def denial_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """Official denials against affirmed reports of the activity they deny."""
    denials = [g for g in groups if polarity(g.lead) == "denied"]
    claims = [g for g in groups if polarity(g.lead) == "affirmed" and g.lead.event in DENIABLE_EVENTS]
    for denial in denials:
        for claim in claims:
            if _items_match(denial, claim) and _same_actor(denial, claim) and _same_area(denial, claim) and _days_apart(denial, claim) <= DENIAL_WINDOW_DAYS:
                yield Contradiction("denial", claim, denial, f"official denial by {denial.lead.source or 'an official'}"
                                    f" against: {claim.statement}")


def negation_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """"No tanks arrived" against "tanks arrived" in the same area and window."""
    negated = [g for g in groups if polarity(g.lead) == "negated" and g.lead.event in NEGATABLE_EVENTS]
    affirmed = [g for g in groups if polarity(g.lead) == "affirmed"]
    for neg in negated:
        for pos in affirmed:
            if (direction(neg.lead) == direction(pos.lead) and _items_match(neg, pos)
                    and _same_actor(neg, pos) and _same_area(neg, pos) and _days_apart(neg, pos) <= DENIAL_WINDOW_DAYS):
                yield Contradiction("negation", pos, neg, f"{neg.statement} vs {pos.statement}")


DETECTORS: dict[str, Callable[[list[ClaimGroup]], Iterator[Contradiction]]] = {
    "quantity": quantity_conflicts,
    "direction": direction_conflicts,
    "denial": denial_conflicts,
    "negation": negation_conflicts,
}


def find_contradictions(groups: list[ClaimGroup]) -> list[Contradiction]:
    """Every contradiction the detectors find, in detector order then group order."""
    return [found for detect in DETECTORS.values() for found in detect(groups)]
