"""Fusion: resolve entities, group claims that state one fact, find contradictions, rate
sources and information, and estimate forces over time.

    from forcewatch.fuse import fuse
    fusion = fuse(claims)            # claims: claim-schema dicts or `Claim`s
    fusion.groups, fusion.contradictions, fusion.estimates, fusion.sources
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .claim import Claim, Quantity
from .contradictions import Contradiction, find_contradictions
from .entities import Entity, Resolver
from .estimates import AreaFilter, EstimatePoint, ForceEstimate, estimate_series
from .groups import ClaimGroup, GroupingOptions, group_claims
from .provenance import annotate
from .reliability import SourceRecord, rate_groups, source_records


@dataclass
class Fusion:
    """Everything fusion found in one set of claims."""

    claims: list[Claim]
    groups: list[ClaimGroup]
    contradictions: list[Contradiction]
    estimates: list[ForceEstimate]
    sources: list[SourceRecord]
    provisional: list[Entity] = field(default_factory=list)
    _by_claim: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def group_of(self, claim_id: str) -> ClaimGroup | None:
        """The group a claim landed in, by claim id; None for an unknown id.

        The claim -> group map is built on the first lookup (a scan per lookup was
        quadratic for callers that look up every claim)."""
        if not self._by_claim and self.groups:
            self._by_claim.update((c.id, g) for g in reversed(self.groups) for c in g.claims)
        return self._by_claim.get(claim_id)

    def to_dict(self) -> dict:
        """Everything fusion found, as plain JSON-ready data."""
        return {"groups": [g.to_dict() for g in self.groups],
                "contradictions": [c.to_dict() for c in self.contradictions],
                "estimates": [e.to_dict() for e in self.estimates],
                "sources": [s.to_dict() for s in self.sources],
                "provisional_entities": [{"id": e.id, "name": e.name, "kind": e.kind} for e in self.provisional]}


def fuse(claims: list, options: GroupingOptions | None = None, resolver: Resolver | None = None) -> Fusion:
    """Fuse claims (dicts in the claim schema or `Claim`s) into groups, contradictions, estimates."""
    resolver = resolver or Resolver()
    items = annotate(claims, resolver)
    groups = group_claims(items, options)
    contradictions = find_contradictions(groups)
    rate_groups(groups, contradictions)
    return Fusion(items, groups, contradictions, estimate_series(groups), source_records(groups, resolver),
                  resolver.provisional())


__all__ = ["fuse", "Fusion", "Claim", "Quantity", "ClaimGroup", "GroupingOptions", "Contradiction", "ForceEstimate",
           "EstimatePoint", "AreaFilter", "SourceRecord", "Resolver", "Entity", "estimate_series"]
