"""Provenance: who originally said it, and which reports are only repeating it.

Corroboration counts *independent origins*. The origin of a claim is, in order:
the first poster behind an aggregated observation (`origin_ref`, e.g. the account whose
video an event table geolocated); the attributed source, where all official voices of one
state (ministry, president, army spokesman, "Minsk") count as one; the outlet when the text
attributes the claim to nobody. Five outlets repeating one ministry statement therefore give
one origin, while a ministry and a monitoring group give two.
"""

from __future__ import annotations

from .claim import Claim, to_claims
from .entities import Resolver, country_at, slug

# Source types that speak for a state; KB `Source.type` values, compared case-insensitively.
OFFICIAL_TYPES = frozenset({"government", "ministry", "military", "armed forces", "head of state",
                            "official", "state", "defence ministry", "president", "state media"})
UNGRADED = "F"


def origin_key(claim: Claim, resolver: Resolver) -> str:
    """The independent voice behind a claim (see the module docstring)."""
    if claim.origin_ref:
        return f"ref:{slug(claim.origin_ref)}"
    source = resolver.resolve("source", claim.source)
    if source is not None:
        official = _official_country(source)
        return f"official:{slug(official)}" if official else source.id
    outlet = resolver.resolve("source", claim.outlet)
    return outlet.id if outlet is not None else f"doc:{claim.doc}"


def _official_country(source) -> str | None:
    entry = source.entry
    if entry is None or not getattr(entry, "country", None):
        return None
    kind = (getattr(entry, "type", "") or "").casefold()
    return entry.country if kind in OFFICIAL_TYPES else None


def annotate(claims: list, resolver: Resolver) -> list[Claim]:
    """`Claim`s (from claim-schema dicts or `Claim`s) with their resolved fields filled:
    source id and grade, origin, area, coordinates."""
    claims = to_claims(claims)
    for claim in claims:
        if claim.resolved_by is resolver:
            continue  # done already (assess fuses the same claims at several dates)
        _annotate_source(claim, resolver)
        _annotate_place(claim, resolver)
        claim.origin_key = origin_key(claim, resolver)
        claim.resolved_by = resolver
    return claims


def _annotate_source(claim: Claim, resolver: Resolver) -> None:
    source = resolver.resolve("source", claim.source or claim.outlet)
    if source is None:
        return
    claim.source_id, claim.source_name = source.id, source.name
    grade = getattr(source.entry, "reliability", None) if source.entry is not None else None
    claim.grade = (grade or UNGRADED).upper()[:1]


def _annotate_place(claim: Claim, resolver: Resolver) -> None:
    place = _best_place(claim, resolver)
    entry = place.entry if place is not None else None
    if place is not None:
        claim.place_id, claim.place_kind = place.id, getattr(entry, "kind", None)
    claim.point = claim.coords or _entry_point(entry)
    claim.area = _area(claim, resolver, entry)


def _best_place(claim: Claim, resolver: Resolver):
    """Where the forces are: leaving forces are where they leave from; arriving ones where they go.

    The first name the gazetteer knows wins; a country-level name only when nothing finer is known.
    """
    names = [claim.origin, claim.location] if claim.outbound else [claim.destination, claim.location]
    places = [p for p in (resolver.resolve("place", n) for n in names) if p is not None]
    known = [p for p in places if not p.provisional]
    finer = [p for p in known if getattr(p.entry, "kind", None) != "country"]
    return (finer or known or places or [None])[0]


def _entry_point(entry) -> tuple[float, float] | None:
    if entry is None or getattr(entry, "kind", None) == "country":
        return None  # a country's centroid says nothing about where in it the forces are
    lat, lon = getattr(entry, "lat", None), getattr(entry, "lon", None)
    return (float(lat), float(lon)) if lat is not None and lon is not None else None


def _area(claim: Claim, resolver: Resolver, entry) -> str | None:
    """The country the forces are in: stated, from coordinates, from the place, or from any place name.
    Forces leaving are counted where they left from ("moved from Belarus to Russia": Belarus)."""
    if claim.outbound and claim.origin and (left := resolver.country(claim.origin)):
        return left
    if claim.country and (stated := resolver.country(claim.country)):
        return stated
    if claim.coords and (located := country_at(*claim.coords)):  # point-in-border test: once, and only if needed
        return located
    if entry is not None and (placed := entry.name if entry.kind == "country" else entry.country):
        return placed
    names = [claim.origin, claim.location] if claim.outbound else [claim.location, claim.destination]
    return next((c for c in (resolver.country(n) for n in names if n) if c), None)
