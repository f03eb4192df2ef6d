"""Source reliability and information credibility (NATO Admiralty system).

- Source reliability A-F comes from the knowledge base's sources registry (a default grade
  with its reason, which a user can override); beside it we compute a *track record*: how
  often the source's facts were later corroborated by an independent origin, or contradicted
  by a better-supported group.
- Information credibility 1-6 is set per claim group from corroboration and contradiction:
  1 confirmed (3+ independent origins), 2 probably true (2), 3 possibly true (one origin of
  a graded source A-C), 4 doubtful (contradicted by an equally supported group),
  5 improbable (contradicted by a better-supported one), 6 cannot be judged (one origin of
  an ungraded or weak source).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .contradictions import Contradiction
from .entities import Resolver
from .groups import ClaimGroup

TRUSTED_GRADES = frozenset("ABC")


def credibility(group: ClaimGroup, contradictions: list[Contradiction]) -> int:
    """Admiralty information credibility 1-6 of one group (see the module docstring)."""
    return _credibility(group, [c for c in contradictions if c.a is group or c.b is group])


def _credibility(group: ClaimGroup, involved: list[Contradiction]) -> int:
    """`credibility` given the contradictions the group is a side of."""
    mine = len(group.origins)
    rivals = [(c.b if c.a is group else c.a, c) for c in involved]
    if any(len(r.origins) > mine for r, _ in rivals):
        return 5
    if any(len(r.origins) == mine and not _denied_claim(group, c) for r, c in rivals):
        return 4
    if mine >= 3:
        return 1
    if mine == 2:
        return 2
    return 3 if group.best_grade in TRUSTED_GRADES else 6


def rate_groups(groups: list[ClaimGroup], contradictions: list[Contradiction]) -> None:
    """Set each group's information credibility (1-6) in place; contradictions are indexed
    by group once, so rating is linear in groups plus contradictions."""
    involved: dict[int, list[Contradiction]] = defaultdict(list)
    for c in contradictions:
        involved[id(c.a)].append(c)
        if c.b is not c.a:
            involved[id(c.b)].append(c)
    for group in groups:
        group.credibility = _credibility(group, involved.get(id(group), []))


def _denied_claim(group: ClaimGroup, contradiction: Contradiction) -> bool:
    """A denial by an interested party does not by itself make the report it denies doubtful."""
    return contradiction.kind == "denial" and contradiction.a is group


@dataclass
class SourceRecord:
    """One source's grade beside its computed track record."""

    id: str
    name: str
    grade: str
    grade_note: str | None
    claims: int = 0
    facts: int = 0
    corroborated: int = 0
    contradicted: int = 0

    @property
    def track(self) -> float:
        """Share of judged facts that held up, with a Laplace prior so one fact is not 0 or 1."""
        return round((self.corroborated + 1) / (self.corroborated + self.contradicted + 2), 3)

    def to_dict(self) -> dict:
        """The record as JSON-ready data, with the track record."""
        return {"id": self.id, "name": self.name, "grade": self.grade, "grade_note": self.grade_note,
                "claims": self.claims, "facts": self.facts, "corroborated": self.corroborated,
                "contradicted": self.contradicted, "track_record": self.track}


def source_records(groups: list[ClaimGroup], resolver: Resolver) -> list[SourceRecord]:
    """Track records of every source that made a claim, sorted by name."""
    records: dict[str, SourceRecord] = {}
    facts: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        for claim in group.claims:
            key = claim.source_id or "unattributed"
            record = records.get(key) or records.setdefault(key, _new_record(key, claim, resolver))
            record.claims += 1
            if group.id not in facts[key]:
                facts[key].add(group.id)
                _judge(record, group, claim.origin_key)
    return sorted(records.values(), key=lambda r: (r.name.casefold(), r.id))


def _new_record(key: str, claim, resolver: Resolver) -> SourceRecord:
    entity = resolver.resolve("source", claim.source or claim.outlet)
    note = getattr(entity.entry, "reliability_note", None) if entity and entity.entry is not None else None
    return SourceRecord(key, claim.source_name or key, claim.grade, note)


def _judge(record: SourceRecord, group: ClaimGroup, origin: str) -> None:
    record.facts += 1
    if any(o != origin for o in group.origins):
        record.corroborated += 1
    if group.credibility in (4, 5):
        record.contradicted += 1
