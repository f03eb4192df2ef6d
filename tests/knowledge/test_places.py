"""Gazetteer: spelling variants, sites, border and direction phrases, and border geometry."""

from __future__ import annotations

import pytest

from forcewatch.knowledge.geo import haversine_km


@pytest.mark.parametrize(
    "variants, lat, lon",
    [
        (["Gomel", "Homel", "Homyel'", "Гомель"], 52.43, 30.98),
        (["Rechitsa", "Rechytsa", "Рэчыца", "Речица"], 52.36, 30.39),
        (["Osipovichi", "Asipovichy", "Осиповичи"], 53.31, 28.63),
        (["Mozyr", "Mazyr", "Мозырь"], 52.04, 29.22),
        (["Kyiv", "Kiev", "Київ"], 50.45, 30.52),
    ],
)
def test_transliteration_variants_resolve_to_one_town(base, variants, lat, lon):
    for name in variants:
        place = base.places.resolve(name)
        assert place is not None, name
        assert haversine_km(place.lat, place.lon, lat, lon) < 5, name


def test_military_sites_resolve_with_coordinates_and_source(base):
    site = base.places.resolve("Obuz-Lesnovsky")
    assert site.kind == "site" and site.country == "Belarus" and "wikipedia" in site.source
    assert base.places.resolve("Zyabrovka airfield").name == "Zyabrovka air base"


def test_region_hint_picks_the_right_homonym(base):
    donetsk = base.places.resolve("Novoselivka", country="Ukraine", region="Donets'ka oblast")
    poltava = base.places.resolve("Novoselivka", country="Ukraine", region="Poltava Oblast")
    assert (donetsk.admin1, poltava.admin1) == ("Donetsk Oblast", "Poltava Oblast")


@pytest.mark.parametrize(
    "phrase, kind, borders",
    [
        ("the southern border of Belarus", "border", ["Belarus", "Ukraine"]),
        ("Belarus' southern border", "border", None),
        ("near the Ukraine border", "border", ["Ukraine"]),
        ("the Belarus-Ukraine border", "border", ["Belarus", "Ukraine"]),
        ("northern Ukraine", "area", None),
        ("southern Belarus", "area", None),
    ],
)
def test_border_and_direction_phrases_become_places(base, phrase, kind, borders):
    place = base.places.resolve(phrase)
    assert place is not None and place.kind == kind
    if borders is not None:
        assert place.borders == borders


def test_southern_border_of_belarus_lies_on_the_belarus_ukraine_border(base):
    place = base.places.resolve("the southern border of Belarus")
    assert base.places.distance_to_border_km(place.lat, place.lon, "Belarus", "Ukraine") < 60
    assert 51.0 < place.lat < 52.5


def test_find_reads_places_and_phrases_from_a_report(base):
    text = "Russia will send 170 tanks to the southern border of Belarus, near Mozyr and Рэчыца, and to northern Ukraine."
    found = [m.entry.name for m in base.places.find(text)]
    assert found == ["Russia", "southern border of Belarus", "Mazyr", "Rechytsa", "northern Ukraine"]


def test_distance_to_border_and_country_at(base):
    assert base.places.country_at(53.90, 27.56) == "Belarus"  # Minsk
    assert base.places.country_at(50.45, 30.52) == "Ukraine"  # Kyiv
    assert base.places.country_at(44.95, 34.10) == "Ukraine"  # Simferopol, drawn as Ukraine
    assert base.places.country_at(0.0, 0.0) is None
    gomel = base.places.distance_to_border_km(52.4345, 30.9754, "Belarus", "Ukraine")
    minsk = base.places.distance_to_border_km(53.90, 27.56, "Belarus", "Ukraine")
    assert 20 < gomel < 50 and minsk > 200


def test_borders_geojson_is_a_feature_collection_of_polygons(base):
    doc = base.places.borders_geojson(["Belarus", "Ukraine"])
    assert doc["type"] == "FeatureCollection"
    assert sorted(f["properties"]["name"] for f in doc["features"]) == ["Belarus", "Ukraine"]
    assert doc["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_phrases_are_found_at_their_offsets_in_long_text_with_other_letters(base):
    text = "İstanbul talks aside, " + "troops moved on. " * 20 + "They massed along the borders of Ukraine."
    found = [m for m in base.places.find(text) if m.entry.kind == "border"]
    assert [(m.text, m.entry.name) for m in found] == [("borders of Ukraine", "Ukraine border")]
    assert text[found[0].start:found[0].end] == "borders of Ukraine"


def test_text_without_border_or_direction_words_has_no_phrase(base):
    assert [m for m in base.places.find("Russia and Belarus held talks in Minsk.") if m.entry.kind in ("border", "area")] == []
