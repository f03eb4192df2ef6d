"""Fusion's indexes change how much work it does, never its answers: order independence,
and the indexed contradiction search against a plain pairwise reference."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from forcewatch.extract.structured import claims_from_table
from forcewatch.fuse import fuse
from forcewatch.fuse.contradictions import (
    DENIABLE_EVENTS,
    DENIAL_WINDOW_DAYS,
    DIRECTION_WINDOW_DAYS,
    NEGATABLE_EVENTS,
    QUANTITY_WINDOW_DAYS,
    _days_apart,
    _items_match,
    _same_actor,
    _same_area,
)
from forcewatch.fuse.groups import direction, polarity, quantities_compatible


def _near(a, b, days: int) -> bool:
    return _same_actor(a, b) and _same_area(a, b) and _days_apart(a, b) <= days


def pairwise_contradictions(groups) -> list[tuple[str, str, str]]:
    """The reference: every pair of groups tested, as the detectors did before they were indexed."""
    found = []
    counted = [g for g in groups if g.quantity and direction(g.lead) == "in" and polarity(g.lead) == "affirmed"]
    found += [("quantity", a.id, b.id) for a, b in combinations(counted, 2) if a.lead.item == b.lead.item
              and _near(a, b, QUANTITY_WINDOW_DAYS) and not quantities_compatible(a.quantity, b.quantity)]
    affirmed = [g for g in groups if polarity(g.lead) == "affirmed"]
    found += [("direction", a.id, b.id) for a in affirmed if direction(a.lead) == "in"
              for b in affirmed if direction(b.lead) == "out" and a.lead.item == b.lead.item
              and _near(a, b, DIRECTION_WINDOW_DAYS)]
    found += [("denial", c.id, d.id) for d in groups if polarity(d.lead) == "denied"
              for c in affirmed if c.lead.event in DENIABLE_EVENTS and _items_match(d, c)
              and _near(d, c, DENIAL_WINDOW_DAYS)]
    found += [("negation", p.id, n.id) for n in groups if polarity(n.lead) == "negated"
              and n.lead.event in NEGATABLE_EVENTS for p in affirmed
              if direction(n.lead) == direction(p.lead) and _items_match(n, p) and _near(n, p, DENIAL_WINDOW_DAYS)]
    return found


def shape(fusion) -> dict:
    """What fusion decided, by claim ids (group ids and names of provisional sources aside)."""
    members = {g.id: tuple(sorted(c.id for c in g.claims)) for g in fusion.groups}
    return {"groups": sorted((members[g.id], g.credibility, tuple(g.origins)) for g in fusion.groups),
            "contradictions": sorted((c.kind, members[c.a.id], members[c.b.id]) for c in fusion.contradictions),
            "estimates": [(e.area, e.actor, e.item, [(p.day, p.low, p.high) for p in e.points])
                          for e in fusion.estimates]}


def test_fusion_of_shuffled_claims_gives_the_same_groups_contradictions_and_estimates(claims_all):
    # the counted news claims again three weeks later, so figures meet across dates too
    claims = claims_all + [dict(c, id=f"{c['id']}-late", published="2022-11-10", date="2022-11-10")
                           for c in claims_all if c.get("quantity")]
    expected = shape(fuse(claims))
    assert expected["contradictions"], "the real claims should hold some contradictions to compare"
    for seed in (1, 2, 3):
        shuffled = list(claims)
        random.Random(seed).shuffle(shuffled)
        assert shape(fuse(shuffled)) == expected


@pytest.fixture(scope="module")
def table_claims(corpus):
    """Every Eyes on Russia row up to the invasion, read by the structured extractor (counts included)."""
    claims = claims_from_table(corpus / "eyesonrussia" / "events.csv").claims
    return [c for c in claims if (c.get("date") or "9") <= "2022-02-24"]


def test_indexed_contradiction_search_finds_exactly_what_pairwise_search_finds(claims_news, table_claims):
    # The news claims, then again a week and a month later with figures doubled, so figures,
    # arrivals, departures and denials meet across dates and windows; and the feed's rows.
    later = [dict(c, id=f"{c['id']}+{days}", published=f"2022-11-{days:02d}", date=f"2022-11-{days:02d}",
                  quantity=_doubled(c.get("quantity"))) for days in (1, 8, 30) for c in claims_news]
    fusion = fuse(claims_news + later + table_claims)
    indexed = [(c.kind, c.a.id, c.b.id) for c in fusion.contradictions]
    assert {kind for kind, _, _ in indexed} >= {"quantity", "direction", "denial"}
    assert indexed == pairwise_contradictions(fusion.groups)


def _doubled(quantity: dict | None) -> dict | None:
    if not quantity:
        return quantity
    return {**quantity, **{k: quantity[k] * 2 for k in ("low", "high") if quantity.get(k) is not None}, "text": ""}
