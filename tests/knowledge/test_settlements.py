"""Ukrainian villages from the KATOTTG codifier, and the Latin spellings of Cyrillic names."""

from __future__ import annotations

import pytest

from forcewatch.knowledge.build.romanize import kmu2010, latin_forms, russian_style
from forcewatch.knowledge.text import key


@pytest.mark.parametrize(
    "cyrillic, latin",
    # Examples from the table of the Cabinet of Ministers of Ukraine resolution No. 55 (2010).
    [("Згорани", "Zghorany"), ("Єнакієве", "Yenakiieve"), ("Їжакевич", "Yizhakevych"), ("Кадиївка", "Kadyivka"),
     ("Йосипівка", "Yosypivka"), ("Стрий", "Stryi"), ("Олексій", "Oleksii"), ("Юрій", "Yurii"),
     ("Корюківка", "Koriukivka"), ("Яготин", "Yahotyn"), ("Ічня", "Ichnia"), ("Знам'янка", "Znamianka"),
     ("Біла Церква", "Bila Tserkva"), ("Запоріжжя", "Zaporizhzhia"), ("Гоща", "Hoshcha")],
)
def test_kmu2010_transliteration_matches_the_official_examples(cyrillic, latin):
    assert kmu2010(cyrillic) == latin


def test_latin_forms_cover_older_ukrainian_russian_style_and_soft_sign_spellings():
    forms = {key(f) for f in latin_forms("Новомихайлівка", "UA")}
    assert {"novomykhailivka", "novomykhaylivka", "novomikhaylovka"} <= forms
    assert russian_style("Донецьке") == "Donetskoe"
    assert "maryina horka" in {key(f) for f in latin_forms("Мар'іна Горка", "BY")}


@pytest.mark.parametrize(
    "name, region",
    [("Sulyhivka", "Kharkiv Oblast"), ("Yahidne", "Chernihiv Oblast"), ("Zdvyzhivka", "Kyiv Oblast"),
     ("Verkhn'okam'yanka", "Luhansk Oblast"), ("Dovhen'ke", "Kharkiv Oblast")],
)
def test_villages_missing_from_cities500_resolve_from_the_codifier_in_their_oblast(base, name, region):
    place = base.places.resolve(name, country="Ukraine", region=region)
    assert place.id.startswith("katottg:UA")
    assert place.admin1 == region and place.note.startswith("approximate")
    assert base.places.country_at(place.lat, place.lon) in ("Ukraine", "Russia")  # occupied areas lie near the line
    assert base.places.get(place.id).name == place.name


def test_a_geonames_position_wins_over_an_estimated_one_of_the_same_name(base):
    towns = base.places.geonames
    tables = {towns.paths[towns.origin[i]].name for i in towns.candidates("novoselivka")}
    assert tables == {"geonames.tsv", "settlements_ua.tsv"}
    assert base.places.resolve("Novoselivka", country="Ukraine").id.startswith("geonames:")


def test_settlements_are_not_searched_for_in_running_text(base):
    # Villages named like common words must not turn up in prose: only towns of 5,000+ are found.
    found = [m.entry.id for m in base.places.find("Troops crossed near Myrne and Zelene, then Kharkiv.")]
    assert all(not i.startswith("katottg:") for i in found)
    assert any(m.text == "Kharkiv" for m in base.places.find("then Kharkiv."))
