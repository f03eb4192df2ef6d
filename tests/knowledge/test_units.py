"""The unit grammar on real formation names, and its links to the catalogue."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, unit_id",
    [
        ("1st Guards Tank Army", "ru-1gta"),
        ("1st Tank Army", "ru-1gta"),
        ("1st Guard Tank Army", "ru-1gta"),
        ("1st GTA", "ru-1gta"),
        ("2nd Guards Motor Rifle Division", "ru-2gmrd"),
        ("4th Guards Tank Division", "ru-4gtd"),
        ("4th GTD", "ru-4gtd"),
        ("93rd Mechanized Brigade", "ua-93mb"),
        ("93rd Mechanised Brigade", "ua-93mb"),
        ("Kalinovsky regiment", "by-kalinouski"),
        ("Kalinouski Regiment", "by-kalinouski"),
        ("76th Guards Air Assault Division", "ru-76gaad"),
        ("20th CAA", "ru-20cca"),
    ],
)
def test_names_and_abbreviations_reach_one_catalogue_id(base, text, unit_id):
    assert base.units.parse(text).id == unit_id


def test_unknown_formation_is_built_by_the_grammar(base):
    unit = base.units.parse("57th Motor Rifle Brigade")
    assert unit.id.startswith("grammar:")
    assert (unit.name, unit.echelon, unit.type, unit.ordinal) == ("57th Motor Rifle Brigade", "brigade", "motor_rifle", 57)


def test_abbreviation_expands_to_full_canonical_name(base):
    assert base.units.parse("5th MRD").name == "5th Motor Rifle Division"
    assert base.units.parse("12th BTG").echelon == "battalion_tactical_group"


def test_plain_words_are_not_units(base):
    assert base.units.parse("the army") is None
    assert base.units.parse("tanks") is None


def test_find_reads_units_out_of_a_sentence(base):
    text = ("Elements of the 1st GTA and the 4th Guards Tank Division moved toward Belgorod, "
            "while Ukraine's 93rd Mechanized Brigade held Okhtyrka.")
    assert [m.entry.id for m in base.units.find(text)] == ["ru-1gta", "ru-4gtd", "ua-93mb"]


def test_catalogue_units_have_parent_country_and_garrison_coordinates(base):
    gtd = base.units.get("ru-4gtd")
    assert gtd.parent == "ru-1gta" and gtd.country == "Russia"
    assert 55.0 < gtd.lat < 55.8 and 36.3 < gtd.lon < 37.2  # Naro-Fominsk
