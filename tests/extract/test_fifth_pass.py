"""Fifth pass: whose forces (the actor) and which way they move (deployment or withdrawal).
One behaviour per test, on sentences written in the genre (monitoring-group posts, wire copy).
"""

from __future__ import annotations

from forcewatch.extract.claims import extract_claims
from forcewatch.extract.claims.builder import refine_event

PUB = "2022-11-25"


def claims(text: str) -> list[dict]:
    return extract_claims(text, "t", published=PUB, outlet="Test Outlet")


def of_item(found: list[dict], item: str) -> dict:
    hits = [c for c in found if c["item"] == item]
    assert hits, f"no {item} claim in {found}"
    return hits[0]


def country(name: str) -> dict:
    return {"name": name, "kind": "country", "country": name}


def test_nationality_on_the_force_wins_over_the_speakers():
    found = claims("Ukrainian intelligence said 3,000 Russian troops had arrived in the Gomel region.")
    assert of_item(found, "personnel")["actor"] == "Russia"


def test_speakers_nationality_is_not_the_actor():
    found = claims("The Belarusian Hajun project said 40 trucks crossed into the Gomel region.")
    truck = of_item(found, "truck")
    assert truck["actor"] != "Belarus" and "Belarus" not in truck["actors"]


def test_speaker_subject_above_an_infinitive_is_not_the_actor():
    found = claims("The Belarusian Hajun project reported seeing 40 trucks crossing into the Gomel region.")
    assert of_item(found, "truck")["actor"] != "Belarus"


def test_origin_after_means_of_transport_is_not_the_actor():
    found = claims("More than 90 tanks had been moved by rail from Belarus to Russia over the past week.")
    assert of_item(found, "tank")["actor"] is None


def test_agent_country_still_names_the_actor():
    found = claims("About 20 helicopters were sent to the border by Russia last week.")
    assert of_item(found, "helicopter")["actor"] == "Russia"


def test_actor_carried_from_earlier_sentence_about_the_same_forces():
    text = (
        "Some 60 Russian tanks arrived at the Obuz-Lesnovsky training ground in October. "
        "The Hajun project said 40 tanks had since been moved by rail from Belarus to Russia."
    )
    tanks = [c for c in claims(text) if c["item"] == "tank"]
    assert [c["actor"] for c in tanks] == ["Russia", "Russia"]


def test_actor_not_carried_across_paragraphs():
    text = (
        "Some 60 Russian tanks arrived at the Obuz-Lesnovsky training ground in October.\n"
        "The Hajun project said 40 tanks had since been moved by rail from Belarus to Russia."
    )
    tanks = [c for c in claims(text) if c["item"] == "tank"]
    assert [c["actor"] for c in tanks] == ["Russia", None]


def test_moving_from_the_articles_country_to_another_is_a_withdrawal():
    text = (
        "Russian tanks leave Belarus\n"
        "The Belarusian Hajun monitoring project said in a Telegram post that more than 90 tanks "
        "had been moved by rail from Belarus to Russia over the past week."
    )
    tank = of_item(claims(text), "tank")
    assert tank["event"] == "withdrawal"
    assert (tank["origin"]["name"], tank["destination"]["name"]) == ("Belarus", "Russia")


def test_moving_home_is_a_withdrawal():
    found = claims("Russia moved 2,000 Russian troops from Belarus to Russia on Monday.")
    assert of_item(found, "personnel")["event"] == "withdrawal"


def test_moving_into_the_articles_country_stays_a_deployment():
    text = (
        "Belarus receives troops\n"
        "Russia moved 30,000 troops from Russia's Far East to Belarus, the ministry of Belarus said."
    )
    assert of_item(claims(text), "personnel")["event"] == "deployment"


def test_returning_to_permanent_bases_is_a_withdrawal():
    found = claims("The Russian units returned to their permanent bases in Russia after the drills.")
    assert of_item(found, "unit")["event"] == "withdrawal"


def test_leaving_a_country_is_a_withdrawal():
    found = claims("About 1,500 Russian troops left Belarus on Sunday, the ministry said.")
    assert of_item(found, "personnel")["event"] == "withdrawal"


def test_rule_crossing_to_actors_home_is_withdrawal():
    places = {"origin": country("Belarus"), "destination": country("Russia")}
    assert refine_event("movement", places, actor="Russia", main_country="Ukraine") == "withdrawal"


def test_rule_crossing_into_a_foreign_country_is_deployment():
    places = {"origin": country("Russia"), "destination": country("Belarus")}
    assert refine_event("movement", places, actor="Russia", main_country="Belarus") == "deployment"


def test_rule_movement_within_one_country_is_untouched():
    places = {"origin": {"name": "Brest", "kind": "city", "country": "Belarus"}, "destination": country("Belarus")}
    assert refine_event("movement", places, actor="Russia", main_country="Belarus") == "deployment"
