"""The STIX 2.1 bundle parses with the stix2 library and carries each claim's evidence."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import stix2

from forcewatch.export import claim_id, export

CREATED = datetime(2022, 12, 31, tzinfo=UTC)


def _parse(path):
    return stix2.parse(path.read_text(encoding="utf-8"), allow_custom=True)


def test_bundle_parses_and_has_report_identities_locations_notes(tmp_path, claims_all):
    export(claims_all, "stix", tmp_path / "bundle.json", created=CREATED)
    bundle = _parse(tmp_path / "bundle.json")
    kinds = {}
    for obj in bundle.objects:
        kinds.setdefault(obj.type, []).append(obj)
    assert len(kinds["report"]) == 1
    notes = [n for n in kinds["note"] if "forcewatch-claim" in n.labels]
    assert len(notes) == len(claims_all)
    names = {i.name for i in kinds["identity"]}
    assert {"forcewatch", "Ministry of Defence of Belarus", "Belarusian Hajun",
            "Centre for Information Resilience"} <= names
    assert any(loc.get("country") == "BY" and abs(loc.get("latitude", 0) - 52.429772) < 1e-6 for loc in kinds["location"])
    ids = {o.id for o in bundle.objects}
    assert set(kinds["report"][0].object_refs) <= ids
    for note in notes:
        assert set(note.object_refs) <= ids


def test_claim_note_holds_sentence_and_whole_claim(tmp_path, claims_news):
    export(claims_news, "stix", tmp_path / "bundle.json", created=CREATED)
    notes = {n.x_forcewatch_claim["id"]: n for n in _parse(tmp_path / "bundle.json").objects
             if n.type == "note" and "forcewatch-claim" in n.labels}
    tanks = claims_news[0]
    note = notes[tanks["id"]]
    assert "some 170 tanks" in note.content
    assert note.x_forcewatch_claim == json.loads(json.dumps(tanks))
    assert note.authors == ["Ministry of Defence of Belarus"]
    assert note.external_references[0].external_id == "002"


def test_contradiction_becomes_note_over_both_claims(tmp_path, claims_news):
    arriving, not_enough = claims_news[7], claims_news[8]
    contradictions = [{"claims": [claim_id(arriving), claim_id(not_enough)],
                       "reason": "tanks moved to the border vs. too small for an offensive"}]
    export(claims_news, "stix", tmp_path / "bundle.json", created=CREATED, contradictions=contradictions)
    objects = _parse(tmp_path / "bundle.json").objects
    claim_notes = {o.x_forcewatch_claim["id"]: o.id for o in objects if o.type == "note" and "forcewatch-claim" in o.labels}
    found = [o for o in objects if o.type == "note" and "contradiction" in o.labels]
    assert len(found) == 1
    assert set(found[0].object_refs) == {claim_notes[arriving["id"]], claim_notes[not_enough["id"]]}
    assert "too small" in found[0].content


def test_same_claims_give_same_ids(tmp_path, claims_news):
    export(claims_news, "stix", tmp_path / "a.json", created=CREATED)
    export(claims_news, "stix", tmp_path / "b.json", created=CREATED)
    ids_a = [o["id"] for o in json.loads((tmp_path / "a.json").read_text())["objects"]]
    ids_b = [o["id"] for o in json.loads((tmp_path / "b.json").read_text())["objects"]]
    assert ids_a == ids_b
