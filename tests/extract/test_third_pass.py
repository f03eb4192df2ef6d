"""Behaviours added after the held-out set B (tests/extract/genre_b): one behaviour per test,
on sentences written in the genre (wire copy, transcripts, think-tank notes, loss lists).
"""

from __future__ import annotations

from forcewatch.extract.claims import extract_claims, find_quantities
from forcewatch.extract.nlp import load_nlp

PUB = "2022-10-20"


def claims(text: str, outlet: str | None = None) -> list[dict]:
    return extract_claims(text, "t", published=PUB, outlet=outlet)


def counted(text: str, outlet: str | None = None) -> list[dict]:
    return [c for c in claims(text, outlet) if c["quantity"]]


def source(claim: dict) -> str:
    return (claim["source"] or {}).get("name", "")


# --- numbers that count no forces ----------------------------------------------------------


def test_rule_threshold_in_a_modifier_is_no_force_count():
    text = "Under the OSCE's Vienna Document, exercises involving more than 13,000 troops must be open to foreign observers."
    assert counted(text) == []


def test_count_followed_by_or_more_is_a_threshold():
    text = "The Vienna Document requires notification of exercises involving 9,000 troops or more."
    assert counted(text) == []


def test_real_count_beside_a_modal_still_counts():
    found = counted("Russia must now feed some 9,000 troops stationed in Belarus, the ministry said.")
    assert [c["quantity"]["low"] for c in found] == [9000]


def test_abbreviated_month_before_a_day_makes_a_date():
    quantities = find_quantities("at least 16 trains have arrived in Belarus since Oct. 15, mostly in the Gomel region")
    assert [(q.text, q.trap) for q in quantities] == [("at least 16", None), ("15", "date")]


def test_footnote_marker_is_no_count():
    assert [q.trap for q in find_quantities("arrived at Osipovichi on November 27.[3]") if q.text == "3"] == ["label"]


def test_verb_number_before_a_bound_is_no_label():
    assert [(q.low, q.high) for q in find_quantities("the grouping would number up to 9,000 Russian troops")] == [(None, 9000)]


def test_footnote_marker_ends_its_sentence():
    doc = load_nlp()("The MoD did not say how many troops arrived.[2] Nasha Niva reported that two trains arrived.[3]")
    assert [s.text for s in doc.sents] == [
        "The MoD did not say how many troops arrived.[2]",
        "Nasha Niva reported that two trains arrived.[3]",
    ]


# --- forces -------------------------------------------------------------------------------


def test_coordinated_nationalities_keep_the_force_noun():
    found = counted("Lukashenko said that as many as 30,000 Russian and Belarusian servicemen could take part in the drills.")
    assert [(c["item"], c["quantity"]["high"], c["actors"]) for c in found] == [("personnel", 30000, ["Russia", "Belarus"])]


def test_count_of_the_noun_phrase_after_a_determiner():
    found = counted("The Ukrainian National Guard said it had shot down three of the helicopters.")
    assert [(c["item"], c["quantity"]["low"], c["event"]) for c in found] == [("helicopter", 3, "loss")]


def test_count_in_brackets_counts_the_noun_before_it():
    found = counted("Self-propelled artillery (18, of which destroyed: 9, captured: 9)")
    assert [(c["item"], c["quantity"]["low"], c["event"]) for c in found][0] == ("artillery", 18, "loss")


def test_count_of_losses_counts_the_model_before_it():
    found = counted("The most common type was the T-72B3, with 38 documented losses, followed by 21 T-80BVs.")
    assert [(c["item"], c["quantity"]["low"], c["equipment"]) for c in found] == [
        ("tank", 38, ["T-72B3"]), ("tank", 21, ["T-80BV"])]  # fmt: skip


def test_battalion_set_of_a_model_inherits_the_class_size():
    found = counted("Russia will send one battalion set of T-72B3 tanks to Belarus, the ministry said.")
    assert [(c["quantity"]["low"], c["quantity"]["set"]) for c in found] == [(31, "battalion")]


def test_named_formation_wins_over_a_bare_battalion_tactical_group():
    found = claims("Two battalion tactical groups of the 1st Guards Tank Army arrived in Belarus on Monday.")
    assert {c["unit"] for c in found if c["item"] != "unit"} == {"1st Guards Tank Army"}


# --- events -------------------------------------------------------------------------------


def test_host_is_a_deployment():
    found = counted("Belarus has agreed to host up to 9,000 Russian military personnel, the ministry said.")
    assert [c["event"] for c in found] == ["deployment"]


def test_ready_to_respond_is_readiness():
    found = claims('Muraveiko added that the joint regional grouping of troops, which is deployed in the republic, "is ready to respond to any provocation".')
    assert {c["event"] for c in found} == {"readiness"}


def test_what_we_see_is_an_assessment():
    found = claims('"What we see is a training presence, not an invasion force," said Konrad Muzyka of Rochan Consulting.')
    assert found and {c["event"] for c in found} == {"assessment"}


def test_growing_number_of_troops_is_a_deployment():
    found = claims("The number of Russian troops in Belarus continues to grow, the State Border Guard Service said.")
    assert [(c["item"], c["event"]) for c in found] == [("personnel", "deployment")]


def test_present_stative_passive_is_presence():
    found = counted("One A-50 is almost certainly based at Machulishchy permanently, the UK MoD said.")
    assert [c["event"] for c in found] == ["presence"]


def test_capable_of_after_a_noun_describes_it_and_judges_nothing():
    found = claims("Russia has handed Belarus an Iskander-M missile system capable of carrying nuclear warheads, and Belarusian crews trained in Russia.")
    assert "assessment" not in {c["event"] for c in found}


def test_realistic_possibility_is_an_assessment():
    found = claims("There is a realistic possibility that Russia is using the exercise to tie down Ukrainian forces in the north.")
    assert {c["event"] for c in found} == {"assessment"}


# --- attribution --------------------------------------------------------------------------


def test_speaker_of_a_coordinated_clause_does_not_source_the_other():
    found = counted("Russia massed 100,000 troops near the border, and U.S. officials estimate that 30,000 more are in Belarus.", outlet="AFP")
    assert source(found[0]) == "AFP"


def test_each_clause_takes_its_own_reporting_speaker():
    text = ("Lukashenko said that Minsk had offered to host Wagner fighters, and the Security Council's Pavel Muraveiko "
            "later said that up to 10,000 Wagner fighters could be accommodated in Belarus.")  # fmt: skip
    found = {c["quantity"]["high"] if c["quantity"] else None: source(c) for c in claims(text) if c["item"] == "personnel"}
    assert found == {None: "Government of Belarus", 10000: "Security Council of Belarus"}


def test_bare_ministry_of_defence_is_the_ministry_of_the_paragraphs_country():
    text = ("Belarusian President Alexander Lukashenko ordered a snap inspection of the armed forces, the state news agency "
            "BelTA reported. About 4,500 servicemen will be involved, the ministry of defence said.")  # fmt: skip
    assert [source(c) for c in counted(text)] == ["Ministry of Defence of Belarus"]


def test_transcript_label_speaks_for_its_paragraph():
    text = "MR. KIRBY: What I can tell you is that the Russians have more than 150,000 troops arrayed along Ukraine's borders."
    assert [source(c) for c in counted(text)] == ["US Department of Defense"]


def test_quoted_name_after_according_to_is_the_source():
    found = counted('According to the "Belarusian Hajun" monitoring project, 43 units of Russian military equipment arrived at Luninets.')
    assert [source(c) for c in found] == ["Belarusian Hajun"]


def test_maintain_with_an_object_reports_nothing():
    found = counted("Russia has maintained a force of approximately 9,000 personnel in Belarus since October.", outlet="UK MoD")
    assert [(source(found[0]), found[0]["event"])] == [("UK MoD", "presence")]


# --- places -------------------------------------------------------------------------------


def test_place_named_inside_a_model_name_is_no_location():
    found = counted("Russia also lost at least four Pantsir-S1 air defence systems near Kyiv.")
    assert [c["location"]["name"] for c in found] == ["Kyiv"]


def test_place_in_the_force_phrase_wins_its_role():
    text = "US officials estimated that Russia had massed 190,000 personnel in and around Ukraine, including about 30,000 in Belarus."
    assert [c["location"]["name"] for c in counted(text)] == ["Ukraine", "Belarus"]


def test_coordinated_subject_country_is_an_actor_not_a_location():
    found = claims("On 16 January, Belarus and Russia began a joint air force exercise.")
    assert all(not c["location"] or c["location"].get("inferred") or c["location"]["name"] != "Russia" for c in found)
