"""Behaviours added after the held-out set C (tests/extract/genre_c): one behaviour per test,
on sentences written in the genre (agency items, wire copy, translated analysis).
"""

from __future__ import annotations

from forcewatch.extract.claims import extract_claims

PUB = "2022-12-20"


def claims(text: str) -> list[dict]:
    return extract_claims(text, "t", published=PUB, outlet="Test Outlet")


def place_names(claim: dict) -> str:
    return " ".join((claim.get(k) or {}).get("name", "") for k in ("location", "origin", "destination"))


def test_handing_over_a_system_is_a_deployment():
    found = claims("Russia has handed over to Belarus an Iskander-M missile system, the spokesman said.")
    assert any(c["event"] == "deployment" and c["item"] == "missile" for c in found)


def test_recipient_of_handed_is_the_destination():
    found = claims("Russia has already handed Belarus an Iskander-M missile system.")
    missile = [c for c in found if c["item"] == "missile"]
    assert missile and missile[0]["event"] == "deployment"
    assert (missile[0]["destination"] or {}).get("name") == "Belarus"


def test_negated_participation_is_a_denial():
    found = claims("The Belarusian Defence Ministry said that no Belarusian units were taking part in the operation.")
    assert [c["event"] for c in found] == ["denial"]


def test_participation_without_negation_is_no_denial():
    found = claims("The Belarusian Defence Ministry said that Belarusian units were taking part in the drills.")
    assert found and all(c["event"] != "denial" for c in found)


def test_transfer_with_no_stated_place_is_a_deployment_into_the_story_country():
    text = ("Russia has moved about 4,000 servicemen to Belarus, the General Staff said.\n\n"
            "In addition, the enemy transferred about 30 tanks, the general said.")
    tanks = [c for c in claims(text) if c["item"] == "tank"]
    assert tanks and tanks[0]["event"] == "deployment"


def test_transfer_to_a_border_stays_a_movement():
    found = claims("The Belarusian army transferred 20 tanks to the border with Ukraine, the ministry said.")
    tanks = [c for c in found if c["item"] == "tank"]
    assert tanks and tanks[0]["event"] == "movement"


def test_a_concern_is_a_judgement():
    found = claims('"The movement of forces to Belarus is a concern," State Department spokesman Ned Price told reporters.')
    assert found and found[0]["event"] == "assessment"


def test_this_was_stated_by_points_back_to_the_previous_paragraph():
    text = ("Russia has moved about 4,000 servicemen to the territory of Belarus.\n\n"
            "This was stated by Brigadier General Oleksii Hromov of the General Staff at a briefing.")
    first = [c for c in claims(text) if c["quantity"]][0]
    assert "Hromov" in (first["source"] or {}).get("name", "") or "General Staff" in (first["source"] or {}).get("name", "")


def test_site_furniture_headings_do_not_choose_the_main_country():
    text = ("Kyiv Herald\nKyiv | Lviv | Odesa | Kharkiv\nKyiv weather\nKyiv events\n\n"
            "Minsk said the joint grouping of troops would number up to 9,000 Russian troops in Belarus.\n\n"
            "The grouping would also have about 170 tanks, the ministry said.")
    tanks = [c for c in claims(text) if c["item"] == "tank"]
    assert tanks and "Belarus" in place_names(tanks[0])


def test_route_by_rail_keeps_its_origin_and_destination():
    found = claims("The monitoring group said more than 90 tanks had been moved by rail from Belarus to Russia.")
    tanks = [c for c in found if c["item"] == "tank"]
    assert tanks and (tanks[0]["origin"] or {}).get("name") == "Belarus"
    assert (tanks[0]["destination"] or {}).get("name") == "Russia"


def test_a_visit_to_a_country_still_gives_no_destination():
    found = claims("Russian troops arrived in Belarus ahead of Putin's visit to Minsk, the ministry said.")
    assert all((c["destination"] or {}).get("name") != "Minsk" for c in found)
