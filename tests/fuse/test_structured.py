"""Event-table rows (Eyes on Russia) straight into claims."""

from __future__ import annotations

import pytest

from forcewatch.extract.structured import claims_from_document, claims_from_table, origin_ref


def row(title: str, group: str = "Russian Military Presence January 2022", **meta) -> dict:
    base = {"table": "eyesonrussia", "event_group": group, "lat": 52.085241, "lon": 29.235666,
            "country": "Belarus", "town": "Mazyr", "link": "https://twitter.com/4emberlen/status/1488497810324475909"}
    return {"doc_id": "eor-UW0001", "text": title, "published": "2022-01-24", "meta": {**base, **meta}}


def test_train_row_is_a_movement_with_coordinates_and_collector():
    [claim] = claims_from_document(row("Train transporting russian military equipment"))
    assert claim["event"] == "movement" and claim["actor"] == "Russia" and claim["item"] == "equipment"
    assert claim["location_coords"] == {"lat": 52.085241, "lon": 29.235666}
    assert claim["source"] == "Eyes on Russia (CIR/Bellingcat)" and claim["date"] == "2022-01-24"


def test_arms_cell_counts_become_quantities_per_item():
    claims = claims_from_document(row("Train transporting russian military equipment",
                                      arms="1x MT-LB, 12x 2S3 Akatsiya, 1x 1V13-16, R-330BMV"))
    artillery = next(c for c in claims if c["item"] == "artillery")
    assert artillery["quantity"]["low"] == 12 and "2S3 Akatsiya" in artillery["equipment"]


def test_class_words_in_title_give_items_when_no_model_is_named():
    items = {c["item"] for c in claims_from_document(row("Large number of tanks gathered"))}
    assert items == {"tank"}


def test_row_about_a_mass_grave_makes_no_claim():
    assert claims_from_document(row("Mass grave found near the church", group="Mass grave or Burial")) == []


def test_possible_sighting_is_alleged():
    claims = claims_from_document(row("Possible 40N6-series radar mast for an S-300 or S-400"))
    assert "air_defence" in {c["item"] for c in claims}
    assert {c["modality"] for c in claims} == {"alleged"}
    assert {c["modality"] for c in claims_from_document(row("S-400 launchers unloaded"))} == {"asserted"}


def test_convoy_headed_to_border_gets_a_destination():
    [claim] = claims_from_document(row("Military convoy headed to border", group="Russian Military Presence February 2022"))
    assert claim["destination"] == "toward the border" and claim["event"] == "movement"


def test_origin_ref_is_the_first_poster_account():
    assert origin_ref("https://twitter.com/GirkinGirkin/status/1488544876908187650") == "twitter.com/GirkinGirkin"
    assert origin_ref("https://www.tiktok.com/@kostyan_1986_/video/70597") == "tiktok.com/@kostyan_1986_"


def test_whole_eyes_on_russia_table_becomes_claims(corpus):
    result = claims_from_table(corpus / "eyesonrussia" / "events.csv")
    assert len(result.claims) > 6000
    belarus_jan = [c for c in result.claims if c["date"] and c["date"] < "2022-02-01"
                   and (c["location"] or {}).get("country") == "Belarus"]
    assert len(belarus_jan) >= 30
    assert all(c["location_coords"] for c in belarus_jan)


def test_missing_table_is_a_clear_error(tmp_path):
    from forcewatch.errors import MissingInput

    with pytest.raises(MissingInput, match="no such event table"):
        claims_from_table(tmp_path / "nope.csv")
