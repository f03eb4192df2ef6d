"""Contradictions between claim groups, each with both sides and their evidence.

Four kinds, each a function in `DETECTORS` (add one by appending):

- `quantity`: incompatible figures for the same actor, item, area and window
  (3,200 soldiers vs 10,000-15,000 soldiers);
- `direction`: forces arriving vs the same forces leaving the same area in the window;
- `denial`: an official denial vs claims of the activity it denies;
- `negation`: "no tanks arrived" vs "tanks arrived".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

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


class _Window:
    """Groups indexed by item and first day, to find the ones within `days` of a group.

    A superset of the pairs within the window comes back (every detector still applies
    its full test), so the index changes how many pairs are looked at, never the answer.
    Undated groups are within any window (`_days_apart` is 0 for them), so they always come back.
    """

    def __init__(self, groups: list[ClaimGroup]) -> None:
        self._by_item: dict[str, tuple[list, list[ClaimGroup], int]] = {}
        self._undated: dict[str, list[ClaimGroup]] = defaultdict(list)
        dated: dict[str, list[ClaimGroup]] = defaultdict(list)
        for g in groups:
            (dated if g.first else self._undated)[g.lead.item or ""].append(g)
        for item, members in dated.items():
            members.sort(key=lambda g: g.first)
            longest = max((g.last - g.first).days for g in members)
            self._by_item[item] = ([g.first for g in members], members, longest)

    def near(self, group: ClaimGroup, days: int, items: list[str]) -> Iterator[ClaimGroup]:
        """Groups of one of `items` at most `days` apart from `group`."""
        for item in items:
            yield from self._undated.get(item, ())
            if item not in self._by_item:
                continue
            starts, members, longest = self._by_item[item]
            if not group.first:
                yield from members
                continue
            lo = bisect_left(starts, group.first - timedelta(days=days + longest))
            hi = bisect_right(starts, group.last + timedelta(days=days))
            yield from members[lo:hi]

    def items(self) -> list[str]:
        """Every item some indexed group has ("" for none)."""
        return sorted(set(self._by_item) | set(self._undated))


def _pairs(left: list[ClaimGroup], right: list[ClaimGroup], days: int, general: bool,
           test: Callable[[ClaimGroup, ClaimGroup], bool]) -> list[tuple[ClaimGroup, ClaimGroup]]:
    """Pairs (l, r) with `test(l, r)`, in the order nested loops over `left` then `right`
    give them; `general`: a left group without an item pairs with every item."""
    window, rank = _Window(right), {id(g): n for n, g in enumerate(right)}
    every = window.items()
    found = []
    for a in left:
        item = a.lead.item or ""
        near = window.near(a, days, every if general and not item else [item])
        found += sorted(((a, b) for b in near if b is not a and test(a, b)), key=lambda ab: rank[id(ab[1])])
    return found


def _within(days: int) -> Callable[[ClaimGroup, ClaimGroup], bool]:
    return lambda a, b: _same_actor(a, b) and _same_area(a, b) and _days_apart(a, b) <= days


def quantity_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """Incompatible figures for one actor, item and area within `QUANTITY_WINDOW_DAYS`."""
    counted = [g for g in groups if g.quantity and direction(g.lead) == "in" and polarity(g.lead) == "affirmed"]
    rank = {id(g): n for n, g in enumerate(counted)}
    near = _within(QUANTITY_WINDOW_DAYS)

    def test(a: ClaimGroup, b: ClaimGroup) -> bool:  # each unordered pair once, as `combinations` gives it
        return rank[id(a)] < rank[id(b)] and a.lead.item == b.lead.item and near(a, b) \
            and not quantities_compatible(a.quantity, b.quantity)

    for a, b in _pairs(counted, counted, QUANTITY_WINDOW_DAYS, False, test):
        yield Contradiction("quantity", a, b, f"{a.quantity.describe()} vs {b.quantity.describe()} "
                            f"{a.lead.item} in {a.lead.area or 'the same area'}")


def direction_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """The same forces reported arriving in and leaving one area within `DIRECTION_WINDOW_DAYS`."""
    affirmed = [g for g in groups if polarity(g.lead) == "affirmed"]
    arriving = [g for g in affirmed if direction(g.lead) == "in"]
    leaving = [g for g in affirmed if direction(g.lead) == "out"]
    near = _within(DIRECTION_WINDOW_DAYS)
    test = lambda a, b: a.lead.item == b.lead.item and near(a, b)  # noqa: E731
    for a, b in _pairs(arriving, leaving, DIRECTION_WINDOW_DAYS, False, test):
        yield Contradiction("direction", a, b, f"{a.lead.item} reported arriving and leaving "
                            f"{a.lead.area or 'the area'} within {DIRECTION_WINDOW_DAYS} days")


def denial_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """Official denials against affirmed reports of the activity they deny."""
    denials = [g for g in groups if polarity(g.lead) == "denied"]
    claims = [g for g in groups if polarity(g.lead) == "affirmed" and g.lead.event in DENIABLE_EVENTS]
    near = _within(DENIAL_WINDOW_DAYS)
    test = lambda denial, claim: _items_match(denial, claim) and near(denial, claim)  # noqa: E731
    for denial, claim in _pairs(denials, claims, DENIAL_WINDOW_DAYS, True, test):
        yield Contradiction("denial", claim, denial, f"official denial by {denial.lead.source or 'an official'}"
                            f" against: {claim.statement}")


def negation_conflicts(groups: list[ClaimGroup]) -> Iterator[Contradiction]:
    """"No tanks arrived" against "tanks arrived" in the same area and window."""
    negated = [g for g in groups if polarity(g.lead) == "negated" and g.lead.event in NEGATABLE_EVENTS]
    affirmed = [g for g in groups if polarity(g.lead) == "affirmed"]
    near = _within(DENIAL_WINDOW_DAYS)
    test = lambda neg, pos: direction(neg.lead) == direction(pos.lead) and _items_match(neg, pos) and near(neg, pos)  # noqa: E731
    for neg, pos in _pairs(negated, affirmed, DENIAL_WINDOW_DAYS, True, test):
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
