"""STIX 2.1 bundle, built with the `stix2` library, for OpenCTI, MISP and TAXII feeds.

Layout:
- one `identity` for forcewatch (creator of everything) and one per claim source;
- one `location` per place that has a country or coordinates;
- one `note` per claim: the sentence is the evidence (`content`), the structured claim
  is kept whole in the custom property `x_forcewatch_claim`, the document is an external
  reference; the note refers to the source identity and the location;
- one `note` labelled `contradiction` per contradiction, referring to the claims' notes;
- one `report` over all of it.
Ids are UUIDv5 of the claim/source/place, so exporting the same claims twice gives the
same ids and a consumer updates rather than duplicates.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .claims import (
    attributed_to,
    claim_date,
    claim_id,
    normalise_contradictions,
    place_name,
    quantity_parts,
    source_name,
)
from .geo import claim_place, country_iso2
from .registry import ExportResult, register

NAMESPACE = uuid.UUID("6f1c1f0e-2b0c-4f6e-9a35-6f6f72636577")  # fixed: ids stay stable across runs
PRODUCER = "forcewatch"


def stix_id(kind: str, key: str) -> str:
    """A deterministic STIX id for an object of `kind` made from `key`."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _common(created: datetime, creator: str) -> dict[str, Any]:
    return {"created": created, "modified": created, "created_by_ref": creator, "allow_custom": True}


def producer_identity(created: datetime):
    """forcewatch itself, the creator of every object in the bundle."""
    import stix2

    return stix2.Identity(id=stix_id("identity", PRODUCER), name=PRODUCER, identity_class="system",
                          description="forcewatch: attributed claims about military forces",
                          created=created, modified=created)


def source_identity(name: str, created: datetime, creator: str):
    """An organisation identity for a claim's source."""
    import stix2

    return stix2.Identity(id=stix_id("identity", f"source:{name}"), name=name,
                          identity_class="organization", **_common(created, creator))


def claim_location(claim: dict, created: datetime, creator: str):
    """A STIX Location for the claim's place, or None when it has neither country nor coordinates."""
    import stix2

    place = claim_place(claim)
    fields: dict[str, Any] = {}
    if place.lat is not None:
        fields.update(latitude=place.lat, longitude=place.lon)
    code = country_iso2(place.country)
    if code:
        fields["country"] = code
    if not fields:
        return None
    if place.admin1:
        fields["administrative_area"] = place.admin1
    key = f"{place.name}|{place.lat}|{place.lon}|{code}"
    return stix2.Location(id=stix_id("location", key), name=place.name or place.country,
                          **fields, **_common(created, creator))


def claim_abstract(claim: dict) -> str:
    """A one-line summary of a claim: event, actor, figure, item and place."""
    text = quantity_parts(claim)[3]
    what = " ".join(p for p in (text, claim.get("item") or "forces") if p)
    where = place_name(claim.get("location")) or place_name(claim.get("destination")) or "unknown place"
    neg = "no " if claim.get("negated") else ""
    return f"{claim.get('event')}: {neg}{claim.get('actor') or ''} {what} at {where}".replace("  ", " ")


def claim_note(claim: dict, refs: list[str], created: datetime, creator: str, docs: dict[str, dict]):
    """The Note that carries one claim and its evidence sentence."""
    import stix2

    source = source_name(claim.get("source"))
    doc = docs.get(str(claim.get("doc")), {})
    external = [{"source_name": "forcewatch-document", "external_id": str(claim.get("doc")),
                 **({"url": doc["url"]} if doc.get("url") else {}),
                 "description": f"characters {claim.get('start')}-{claim.get('end')}"}]
    content = (f"{claim.get('sentence', '').strip()}\n\nsource: {source or 'unattributed'}; "
               f"modality: {claim.get('modality')}; date: {claim_date(claim)}")
    return stix2.Note(id=stix_id("note", claim_id(claim)), abstract=claim_abstract(claim), content=content,
                      authors=[source] if source else None, object_refs=refs, external_references=external,
                      labels=["forcewatch-claim", claim.get("event")],
                      x_forcewatch_claim=json.loads(json.dumps(claim, default=str)), **_common(created, creator))


def contradiction_note(entry: dict, note_ids: dict[str, str], created: datetime, creator: str):
    """A Note labelled `contradiction` over the notes of the claims that disagree."""
    import stix2

    refs = [note_ids[c] for c in entry["claims"] if c in note_ids]
    if len(refs) < 2:
        return None
    reason = entry.get("reason") or "the claims disagree"
    return stix2.Note(id=stix_id("note", "contradiction:" + "|".join(sorted(refs))), abstract="Contradiction",
                      content=reason, object_refs=refs, labels=["contradiction"], **_common(created, creator))


class _Builder:
    """Collects objects once each, in the order they are first needed."""

    def __init__(self, created: datetime, docs: dict[str, dict]):
        self.created, self.docs = created, docs
        self.producer = producer_identity(created)
        self.objects: dict[str, Any] = {self.producer.id: self.producer}
        self.note_ids: dict[str, str] = {}

    def add(self, obj) -> str:
        """Keep `obj` unless an object with its id is already kept; give its id."""
        self.objects.setdefault(obj.id, obj)
        return obj.id

    def add_claim(self, claim: dict) -> None:
        """Add the claim's note with its source identity and location."""
        refs = []
        source = attributed_to(claim)
        if source:
            refs.append(self.add(source_identity(source, self.created, self.producer.id)))
        location = claim_location(claim, self.created, self.producer.id)
        if location is not None:
            refs.append(self.add(location))
        note = claim_note(claim, refs or [self.producer.id], self.created, self.producer.id, self.docs)
        self.note_ids[claim_id(claim)] = self.add(note)


def build_bundle(claims: list[dict], context: dict[str, Any]):
    """The STIX 2.1 Bundle for `claims`; context may hold `contradictions`, `documents`,
    `title`, `created`."""
    import stix2

    created = context.get("created") or datetime.now(UTC).replace(microsecond=0)
    if isinstance(created, str):
        created = datetime.fromisoformat(created)
    docs = {str(d.get("id")): d for d in context.get("documents") or []}
    builder = _Builder(created, docs)
    for claim in claims:
        builder.add_claim(claim)
    for entry in normalise_contradictions(context.get("contradictions")):
        note = contradiction_note(entry, builder.note_ids, created, builder.producer.id)
        if note is not None:
            builder.add(note)
    refs = [oid for oid in builder.objects if oid != builder.producer.id] or [builder.producer.id]
    report = stix2.Report(id=stix_id("report", json.dumps(sorted(builder.note_ids), default=str)),
                          name=context.get("title") or f"forcewatch claims ({len(claims)})",
                          published=created, report_types=["threat-report"], object_refs=refs,
                          **_common(created, builder.producer.id))
    return stix2.Bundle(*builder.objects.values(), report, allow_custom=True)


@register("stix", ".json", "STIX 2.1 bundle for OpenCTI, MISP and TAXII")
def write_stix(claims: list[dict], path: Path, context: dict[str, Any]) -> ExportResult:
    """Write the claims (and the contradictions in `context`) as one STIX 2.1 bundle."""
    bundle = build_bundle(claims, context)
    path.write_text(bundle.serialize(pretty=False), encoding="utf-8")
    return ExportResult("stix", path, written=len(claims))
