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


def test_bare_btg_mentions_are_units_without_a_number(base):
    text = ("A battalion tactical group was seen near Yelnya, two more BTGs arrived in Belarus "
            "and the BTG at Pogonovo left; other battalion tactical groups stayed.")
    found = base.units.find(text)
    assert [m.text for m in found] == ["battalion tactical group", "BTGs", "BTG", "battalion tactical groups"]
    assert {(m.entry.name, m.entry.echelon, m.entry.ordinal) for m in found} == {
        ("Battalion Tactical Group", "battalion_tactical_group", None)}


def test_a_number_before_plural_btgs_is_a_count_not_an_ordinal(base):
    found = base.units.find("Russia has moved up to 30 BTGs and 100 battalion tactical groups; the 12th BTG stayed.")
    assert [(m.text, m.entry.ordinal) for m in found] == [("BTGs", None), ("battalion tactical groups", None),
                                                         ("12th BTG", 12)]


def test_lowercase_btg_inside_other_words_is_not_a_unit(base):
    assert base.units.find("the subtg tables and btgx codes") == []


def test_maryina_horka_garrison_has_geonames_coordinates(base):
    spb = base.units.get("by-5spb")
    assert abs(spb.lat - 53.51) < 0.05 and abs(spb.lon - 28.15) < 0.05
    assert "GeoNames 625409" in spb.source
