"""Behaviours that make claim extraction carry over to unseen articles of the genre.

One behaviour per test, on sentences written in the genre (wire copy, ministry statements,
Telegram round-ups, think-tank summaries).
"""

from __future__ import annotations

import pytest

from forcewatch.extract.claims import extract_claims, find_quantities

PUB = "2022-11-20"


def claims(text: str, outlet: str | None = None) -> list[dict]:
    return extract_claims(text, "t", published=PUB, outlet=outlet)


def counted(text: str, outlet: str | None = None) -> list[dict]:
    return [c for c in claims(text, outlet) if c["quantity"]]


def name(place) -> str:
    return (place or {}).get("name", "") if isinstance(place, dict) else (place or "")


# --- quantities -------------------------------------------------------------------------


def test_count_of_them_takes_the_item_of_its_antecedent():
    found = counted("Russia trains its mobilized men in Belarus, with roughly 4,000 of them at training grounds there.")
    assert [(c["item"], c["quantity"]["low"]) for c in found] == [("personnel", 4000)]


def test_bare_count_after_an_earlier_count_takes_its_item():
    found = counted("Satellite imagery showed only four MiG-31K interceptors at the airbase, down from as many as 14 in January.")
    assert [(c["item"], c["quantity"]["high"]) for c in found] == [("aircraft", 4), ("aircraft", 14)]


def test_count_followed_by_a_name_is_linked_to_the_counted_force():
    found = counted("The channel counted around 10,000 Russian servicemen, slightly more than the 9,000 Minsk announced.")
    assert [(c["item"], c["quantity"]["high"]) for c in found] == [("personnel", 10000), ("personnel", 9000)]


def test_estimated_number_without_noun_takes_the_item_counted_before_in_the_paragraph():
    text = "NATO said Russia had moved about 30,000 troops to Belarus. Kyiv has estimated the number at between 9,000 and 10,000."
    found = counted(text)
    assert [(c["item"], c["quantity"]["low"], c["quantity"]["high"]) for c in found][-1] == ("personnel", 9000, 10000)


@pytest.mark.parametrize("text", ["33 trains have arrived since October 15, Hajun said.",
                                  "The troops left between November 25 and 28, Hajun said."])
def test_days_of_dates_are_traps(text):
    assert all(q.trap == "date" for q in find_quantities(text) if q.low in (15, 25, 28))


def test_model_name_after_a_count_is_not_a_unit_of_distance():
    found = counted("Seven Mi-24 helicopters were spotted near Mazyr, the channel said.")
    assert [(c["item"], c["quantity"]["low"]) for c in found] == [("helicopter", 7)]


def test_participle_after_the_counted_noun_ends_its_phrase():
    found = counted("At least 33 trains carrying Russian troops have arrived, Hajun wrote on Telegram.")
    assert [c["item"] for c in found] == ["train"]


def test_catalogue_model_types_the_force_over_its_carrier_noun():
    found = counted("The group spotted two Iskander-M launchers near Luninets.")
    assert [c["item"] for c in found] == ["missile"]


def test_quoted_vague_count_before_of_counts_the_noun_after():
    found = counted('A NATO official said the alliance expected that "tens of thousands" of troops would take part.')
    assert [(c["item"], c["quantity"]["low"]) for c in found] == [("personnel", 10000)]


def test_spelled_number_after_the_names_known_things_and_counts_nothing():
    assert counted("The goal is to increase the compatibility of the two air forces, the ministry said.") == []


# --- events -----------------------------------------------------------------------------


def test_movement_into_a_country_is_a_deployment():
    found = counted("NATO said Russia had moved about 30,000 troops to Belarus.")
    assert found[0]["event"] == "deployment"


def test_movement_to_a_part_of_a_country_stays_a_movement():
    found = claims("Russia has begun the transfer to the south of Belarus of equipment, Hajun said.")
    assert {c["event"] for c in found if c["item"] == "equipment"} == {"movement"}


def test_hedge_in_a_reported_event_keeps_the_event():
    text = "Russia has probably withdrawn most of the combat jets it moved to Belarus, Britain's Ministry of Defence said."
    assert {c["event"] for c in claims(text) if c["item"] == "aircraft"} == {"withdrawal"}


def test_verb_of_a_relative_clause_with_its_own_subject_does_not_type_the_noun():
    found = counted("Ukraine's air force said Russia launched 30 cruise missiles overnight, of which 16 were shot down.")
    assert [(c["quantity"]["low"], c["event"]) for c in found] == [(30, "strike"), (16, "loss")]


def test_what_was_seen_doing_is_the_event():
    found = counted("Seven Mi-8 helicopters were spotted flying towards Mazyr, the channel said.")
    assert found[0]["event"] == "movement"


def test_denial_in_a_participle_clause_of_the_speaker_makes_a_denial():
    text = '"No one is threatening anyone," Kremlin spokesman Dmitry Peskov told reporters, dismissing the claims.'
    assert [c["event"] for c in claims(text)] == ["denial"]


def test_cargo_participle_does_not_type_the_carrier():
    found = counted("At least 12 railway platforms loaded with BMP-3 vehicles were unloaded at Kolosovo station.")
    assert found[0]["event"] == "deployment"


def test_judgement_beside_a_force_claim_is_a_claim_of_its_own():
    text = "The number of Russian servicemen in Belarus is growing, but no strike groups have been formed there, Demchenko said."
    assert "assessment" in {c["event"] for c in claims(text)}


def test_count_in_a_clause_coordinated_with_a_judgement_is_not_judged():
    text = '"The number of Russian troops in Belarus remains around 12,000, and this is not enough for an attack," Demchenko said.'
    assert [c["event"] for c in counted(text)] == ["presence"]


def test_leaving_one_site_for_another_is_a_movement():
    found = counted("About 600 Russian soldiers left the Brestsky training ground and moved to the Lida airfield.")
    assert found[0]["event"] == "movement"


# --- actors -------------------------------------------------------------------------------


def test_coordinated_nationalities_are_all_actors():
    found = claims("Russian and Belarusian troops are holding joint drills at the Brestsky training ground.")
    assert found[0]["actor"] == "Russia" and found[0]["actors"] == ["Russia", "Belarus"]


# --- places -------------------------------------------------------------------------------


def test_left_country_for_country_gives_origin_and_destination():
    found = counted("About 1,000 mobilized servicemen left Belarus for Russia on Sunday, Hajun said.")
    c = found[0]
    assert (name(c["origin"]), name(c["destination"])) == ("Belarus", "Russia") and name(c["location"]) != "Belarus"


def test_dateline_city_is_not_a_location():
    found = claims("KYIV, Oct 20 (Reuters) - Russia has been pulling troops out of Belarus, Ukraine's military said.")
    assert all("Kyiv" not in str(c.get(k)) for c in found for k in ("location", "origin", "destination"))


def test_place_where_the_speaker_spoke_is_not_the_location():
    found = claims("Khrenin told reporters at the Obuz-Lesnovsky training ground that Russian troops would leave Belarus.")
    assert all("Obuz" not in str(c["location"]) for c in found)


def test_place_in_a_relative_clause_on_the_destination_does_not_replace_it():
    found = counted("Russia will send some 170 tanks to the southern border of Belarus, which borders Ukraine, Minsk said.")
    assert "Ukraine" not in name(found[0]["location"]) and "border" in name(found[0]["destination"])


def test_first_name_of_a_person_is_not_a_place():
    found = claims("Lukashenko agreed to the grouping with the Russian Vladimir Putin, and Russian troops arrived in Belarus.")
    assert all("Vladimir" not in str(c[k]) for c in found for k in ("location", "origin", "destination"))


def test_visit_to_a_country_gives_no_destination():
    found = claims("Following a visit to Belarus, Putin approved the transfer of Russian soldiers closer to the border with Ukraine.")
    assert all(name(c["destination"]) != "Belarus" for c in found)


def test_nationality_before_territory_names_the_country():
    found = counted("Minsk said 12,800 troops are training on Belarusian territory, while the rest train at ranges in Russia.")
    assert name(found[0]["location"]) == "Belarus"


def test_live_blog_entry_heading_gives_the_location():
    text = ("10:42 GMT\nUK intelligence update\n\nJets were seen over Kyiv, the ministry said.\n\n09:58 GMT\n"
            "Belarus to check combat readiness of its army\n\nAbout 4,500 servicemen will be involved, the ministry said.")
    found = counted(text)
    assert name(found[-1]["location"]) == "Belarus"


# --- attribution ----------------------------------------------------------------------------


def test_country_qualified_ministry_is_a_source_of_its_own():
    text = ("Hajun reported new trains on Monday.\n\n"
            "Only four MiG-31K jets remain at Machulishchy, Britain's Ministry of Defence said on Twitter.")
    assert "Britain" in str(counted(text)[-1]["source"])


def test_appositive_speaker_before_said_is_the_source():
    text = ("Roughly 4,000 mobilized men are at Belarusian training grounds, Vadym Skibitskyi, deputy head of "
            "Ukraine's military intelligence (HUR), said on Thursday.")
    assert counted(text)[0]["source"]["name"] == "Ukrainian military intelligence (GUR)"


def test_speaker_who_cites_others_stays_the_source():
    found = counted("Seven Mi-8 helicopters were spotted near Mazyr, the channel said, citing residents.")
    assert "residents" not in str(found[0]["source"])


def test_new_paragraph_narrating_a_named_actor_is_the_outlet():
    text = ("Russian troops will stay in Belarus, Khrenin said.\n\n"
            "Lukashenko allowed Russia to use Belarus when tens of thousands of Russian soldiers crossed into Ukraine.")
    assert counted(text, outlet="Reuters")[-1]["source"]["name"] == "Reuters"


def test_headline_buttons_are_no_source():
    text = "Show key events only\n\nFour MiG-31K jets remain at Machulishchy airbase, the ministry wrote."
    assert "key events" not in str(counted(text)[0]["source"])


def test_link_teaser_line_gives_no_claim():
    assert claims("Read also: Russia fired 12 Kalibr missiles from the Black Sea on Monday, the Navy says") == []
