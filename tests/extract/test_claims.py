"""Claims from sentences in the style of defence reporting, one behaviour per test.

Sentences are written for these tests in the genre (wire copy, ministry statements,
monitoring-group posts, ISW/UK MoD assessments); the two sample articles are scored in
test_eval_gate.py.
"""

from __future__ import annotations

import pytest

from forcewatch.extract.claims import extract_claims

PUB = "2022-12-22"  # a Thursday


def claims(text: str, outlet: str | None = "Reuters", published: str | None = PUB) -> list[dict]:
    return extract_claims(text, "t", published=published, outlet=outlet)


def only(text: str, **kw) -> dict:
    found = [c for c in claims(text, **kw) if c["quantity"]]
    assert len(found) == 1, found
    return found[0]


def name(value) -> str | None:
    return value.get("name") if isinstance(value, dict) else value


def test_coordinated_list_gives_one_claim_per_item():
    text = "Russia will send some 170 tanks, up to 200 armored combat vehicles and up to 100 artillery pieces to Belarus."
    found = [(c["item"], c["quantity"]["text"]) for c in claims(text) if c["quantity"]]
    assert found == [("tank", "some 170"), ("armoured_vehicle", "up to 200"), ("artillery", "up to 100")]


def test_send_is_a_planned_deployment_with_destination():
    c = only("Russia will send 9,000 soldiers to the southern border of Belarus, the ministry said.")
    assert (c["event"], c["modality"], c["actor"]) == ("deployment", "planned", "Russia")
    assert name(c["destination"]) == "southern border of Belarus"
    assert name(c["location"]) == "Belarus"


def test_leaving_is_a_withdrawal():
    c = only("More than 90 tanks left Belarus for Russia last week, Hajun said.")
    assert c["event"] == "withdrawal" and c["item"] == "tank"


def test_distance_is_not_a_claim():
    assert [c for c in claims("The camp lies about 40 kilometers from the Ukrainian border.") if c["quantity"]] == []


def test_percentage_is_not_a_claim():
    assert [c for c in claims("About 20 percent of the Russian troops in Belarus are conscripts.") if c["quantity"]] == []


def test_prison_term_is_not_a_claim():
    assert [c for c in claims("A court in Minsk sentenced a railway worker to 16 years in prison.") if c["quantity"]] == []


def test_odds_are_not_a_claim():
    text = "Nearly one in three mobilized soldiers had no proper training, the UK Ministry of Defence said."
    assert [c for c in claims(text) if c["quantity"]] == []


def test_people_who_are_not_forces_are_not_a_claim():
    text = "Colonel Valeri Revenko briefed 19 foreign military attachés on the reinforcement of the border."
    assert [c for c in claims(text) if c["quantity"]] == []


def test_unit_ordinal_is_not_a_quantity():
    found = claims("The 93rd Mechanized Brigade repelled an assault near Bakhmut, the General Staff said.")
    assert all(c["quantity"] is None for c in found)


def test_model_number_is_not_a_quantity():
    assert all(c["quantity"] is None for c in claims("Belarus moved S-400 systems and M109 howitzers to Gomel."))


def test_according_to_names_the_source():
    c = only("According to Ukrainian military intelligence, about 3,200 Russian soldiers have arrived in Belarus.")
    assert "intelligence" in (c["source"]["name"] + c["source"]["text"]).lower()
    assert c["modality"] == "reported"


def test_reporting_verb_subject_is_the_source_not_the_outlet():
    c = only("The Belarusian Defense Ministry reported on Monday that 2,000 Russian troops had arrived.")
    assert "Belarus" in c["source"]["name"] and c["outlet"] == "Reuters"


def test_speaker_after_quote_is_the_source():
    text = "“About 1,500 Russian soldiers are training at the Obuz-Lesnovsky range,” said Andriy Demchenko."
    assert only(text)["source"]["name"] == "State Border Guard Service of Ukraine"


def test_person_affiliation_from_lexicon():
    text = "Brigadier General Oleksiy Gromov said 20 Iskander launchers had been moved to Belarus."
    assert only(text)["source"]["name"] == "General Staff of the Armed Forces of Ukraine"


def test_source_carries_to_next_sentence_of_paragraph():
    text = "Hajun said 30 military trucks crossed into Belarus on Sunday. Another 12 tanks followed on Monday."
    found = [c for c in claims(text) if c["quantity"]]
    assert [c["source"]["how"] for c in found] == ["explicit", "carried"]
    assert found[1]["source"]["name"] == found[0]["source"]["name"]


def test_generic_speaker_resolves_to_last_named_source():
    text = ("The news was first reported by the monitoring group Belarusian Hajun.\n\n"
            "“Ten Russian tanks were unloaded at the Luninets station,” a Telegram post said.")
    c = only(text)
    assert c["source"]["name"] == "Belarusian Hajun" and "Telegram" in c["source"]["text"]


def test_outlet_is_the_source_only_when_nobody_is_named():
    c = only("Around 5,000 Russian soldiers arrived in Belarus in October.")
    assert (c["source"]["name"], c["source"]["how"], c["modality"]) == ("Reuters", "outlet", "asserted")


def test_date_weekday_resolves_against_publication():
    c = only("On Monday, 300 Russian paratroopers landed at Machulishchy, Hajun reported.")
    assert c["date"] == "2022-12-19"


def test_month_resolves_to_partial_date():
    assert only("In November, 4,000 Russian soldiers arrived in Belarus.")["date"] == "2022-11"


def test_negated_no_tanks():
    found = claims("Hajun said no tanks or personnel carriers were moved to the border on Sunday.")
    tanks = [c for c in found if c["item"] == "tank"]
    assert tanks and all(c["negated"] for c in tanks)


def test_no_indicators_is_a_negated_assessment():
    text = "ISW has observed no indicators that Russian forces in Belarus are forming a strike group."
    found = claims(text)
    assert found and all(c["event"] == "assessment" for c in found)
    assert any(c["negated"] for c in found)


def test_denial_sentence_is_a_denial():
    found = claims("The Kremlin dismissed the reports of new deployments as groundless fabrications.")
    assert found and found[0]["event"] == "denial" and found[0]["modality"] == "denied"


def test_exercise_drills_without_numbers_is_a_claim():
    found = claims("Russian and Belarusian troops are holding joint drills at the Brestsky training ground.")
    assert [(c["event"], c["item"]) for c in found][:1] == [("exercise", "personnel")]
    assert "Brestsky" in name(found[0]["location"])


def test_missile_launch_during_exercise_is_exercise():
    found = claims("The activities will include live-fire exercises and guided missile launches, the ministry said.")
    assert found and {c["event"] for c in found} == {"exercise"}


def test_attack_stays_a_strike_even_near_exercises():
    found = claims("In February, Russia attacked Ukraine from Belarus after conducting exercises.")
    assert "strike" in {c["event"] for c in found}


def test_readiness_check_is_readiness():
    found = claims("Lukashenko ordered a snap combat-readiness check of the Belarusian army on Tuesday.")
    assert found and found[0]["event"] == "readiness"


def test_equipment_model_with_multiplier_is_named():
    c = only("Hajun spotted 12x 2S3 Akatsiya self-propelled howitzers near Rechitsa on Sunday.")
    assert c["item"] == "artillery" and c["equipment"] and c["quantity"]["low"] == 12


def test_battalion_set_is_converted_with_the_catalogue_or_kept():
    c = only("Russia plans to deploy one battalion set of tanks to the Brest region.")
    assert c["quantity"]["text"] == "one battalion set" and c["quantity"]["low"] >= 1


def test_two_regiments_count_units():
    c = only("Moscow will send two regiments to Belarus next week.")
    assert (c["item"], c["quantity"]["low"], c["actor"]) == ("unit", 2, "Russia")


def test_place_in_person_name_is_no_location():
    c = only("Vladimir Putin said 5,000 troops would stay in Belarus.")
    assert name(c["location"]) == "Belarus"


def test_every_claim_has_every_schema_field():
    fields = {"doc", "sentence", "start", "end", "event", "actor", "item", "equipment", "unit", "quantity",
              "location", "origin", "destination", "date", "source", "outlet", "modality", "negated"}
    for c in claims("Russia will send some 170 tanks to Belarus, the ministry said."):
        assert fields <= set(c)


def test_sentence_offsets_point_into_the_text():
    text = "Minsk news.\n\nRussia will send some 170 tanks to Belarus, the ministry said."
    for c in claims(text):
        assert text[c["start"] : c["end"]] == c["sentence"]
        qs, qe = c["evidence"]["quantity"]
        assert text[qs:qe] == "some 170"


@pytest.mark.parametrize("modal, expected", [("will", "planned"), ("could", "expected"), ("allegedly", "alleged")])
def test_modality_from_hedges(modal, expected):
    verb = {"will": "will move", "could": "could move", "allegedly": "allegedly moved"}[modal]
    text = f"Russia {verb} 400 tanks to the border with Ukraine."
    assert only(text)["modality"] == expected
