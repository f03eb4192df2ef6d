"""Equipment lookups in Latin and Cyrillic, spelling variants, class words and set sizes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("Т-72Б3", "T-72B3"),
        ("T72-B3", "T-72B3"),
        ("t-72b3", "T-72B3"),
        ("MSTA-S", "2S19 Msta-S"),
        ("Мста-С", "2S19 Msta-S"),
        ("Iskender", "9K720 Iskander"),
        ("Искандер-М", "9K720 Iskander"),
        ("BMP3", "BMP-3"),
        ("Tocha U", "OTR-21 Tochka"),
        ("Geran-2", "Shahed-136"),
        ("BTR-82As", "BTR-82A"),
        ("T-80BV's", "T-80BV"),
    ],
)
def test_lookup_finds_the_model_in_any_spelling(base, text, canonical):
    assert base.equipment.lookup(text).name == canonical


def test_lookup_of_unknown_model_is_none(base):
    assert base.equipment.lookup("Zx-9000 Gizmo") is None


def test_class_words_map_to_claim_items(base):
    assert base.equipment.lookup("howitzers").item == "artillery"
    assert base.equipment.lookup("armored combat vehicles").item == "armoured_vehicle"
    assert base.equipment.lookup("MLRS").item == "rocket_artillery"
    assert base.equipment.lookup("military trucks").item == "truck"


def test_find_takes_the_longest_non_overlapping_matches_in_a_report(base):
    text = "Russia will send some 170 tanks, up to 200 armored combat vehicles and 2S19 Msta-S howitzers + T72B3m"
    found = [(m.text, m.entry.name) for m in base.equipment.find(text)]
    assert found == [
        ("tanks", "tanks"),
        ("armored combat vehicles", "armoured vehicles"),
        ("2S19 Msta-S", "2S19 Msta-S"),
        ("howitzers", "artillery"),
        ("T72B3m", "T-72B3M"),
    ]


def test_proper_name_aliases_need_their_capital_letter(base):
    assert [m.entry.name for m in base.equipment.find("A Tor-M2 launcher near Yelsk")] == ["Tor-M2", "missiles"]
    assert base.equipment.find("the tor was wet") == []


def test_set_size_turns_a_battalion_set_of_tanks_into_a_number(base):
    assert base.equipment.set_size("tanks", "battalion") == 31
    assert base.equipment.set_size("T-72B3", "company") == 10  # inherited from the tank class
    assert base.equipment.set_size("Iskander", "brigade") == 12
    assert base.equipment.set_size("Orlan-10", "battalion") is None


def test_echelon_sizes_give_btg_strength(base):
    btg = base.equipment.echelon_size("battalion tactical group")
    assert btg.personnel_low <= 700 <= btg.personnel_high
