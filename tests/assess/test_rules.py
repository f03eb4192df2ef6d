"""Each indicator rule of the belarus-ukraine problem on claims from real-style sentences."""

from __future__ import annotations

import pytest

from forcewatch.assess import assess

MAZYR = {"name": "Mazyr", "country": "Belarus", "lat": 52.0416, "lon": 29.2163}  # ~60 km from Ukraine
RECHYTSA = {"name": "Rechytsa", "country": "Belarus", "lat": 52.3617, "lon": 30.3916}  # ~50 km from Ukraine
MINSK = {"name": "Minsk", "country": "Belarus", "lat": 53.9, "lon": 27.5667}  # ~240 km from Ukraine
AS_OF = "2022-02-20"


def status(claims: list[dict], indicator: str, as_of: str = AS_OF) -> str:
    result = assess("belarus-ukraine", claims, as_of, trend=False)
    return next(r.status for r in result.indicators if r.indicator.id == indicator)


@pytest.fixture
def seen(make_claim):
    """An observation in the Eyes on Russia style, published the day it was seen."""
    def build(title: str, event: str, item: str | None, day: str, place: dict = MAZYR, **kw) -> dict:
        return make_claim(title, event, item, location=place, date=day, published=day, modality="asserted",
                          source=kw.pop("source", "Eyes on Russia (CIR/Bellingcat)"), **kw)
    return build


def test_tanks_near_the_border_meet_the_heavy_equipment_indicator(seen):
    claims = [seen("Russian tanks on the move near Mazyr", "movement", "tank", "2022-02-10", origin_ref="a"),
              seen("Convoy of tanks parked in field", "presence", "tank", "2022-02-16", RECHYTSA, origin_ref="b")]
    assert status(claims, "heavy-equipment-to-border") == "met"


def test_two_sightings_at_one_place_are_one_fact_not_two(seen):
    claims = [seen("Russian tanks on the move near Mazyr", "movement", "tank", "2022-02-10", origin_ref="a"),
              seen("Convoy of tanks parked in field near Mazyr", "presence", "tank", "2022-02-16", origin_ref="b")]
    assert status(claims, "heavy-equipment-to-border") == "not met"


def test_tanks_far_from_the_border_do_not_meet_it(seen):
    claims = [seen("Russian tanks on the move near Minsk", "movement", "tank", "2022-02-10", MINSK, origin_ref="a"),
              seen("Convoy of tanks parked in field", "presence", "tank", "2022-02-16", MINSK, origin_ref="b")]
    assert status(claims, "heavy-equipment-to-border") == "not met"


def test_no_reporting_in_the_area_is_unknown_not_absence(seen):
    claims = [seen("Russian tanks on the move", "movement", "tank", "2022-02-10",
                   {"name": "Kursk", "country": "Russia", "lat": 51.73, "lon": 36.19})]
    assert status(claims, "heavy-equipment-to-border") == "unknown"


def test_reports_older_than_the_window_do_not_count(seen):
    claims = [seen("Russian tanks on the move near Mazyr", "movement", "tank", "2021-12-01", origin_ref="a"),
              seen("Convoy of tanks parked in field", "presence", "tank", "2021-12-02", origin_ref="b")]
    assert status(claims, "heavy-equipment-to-border") == "unknown"


def test_force_size_over_threshold_is_met_and_under_is_not(make_claim):
    big = make_claim("NATO said some 30,000 Russian combat troops were now in Belarus.", "presence", "personnel",
                     qty=(30000, 30000, "some 30,000"), source="NATO", published="2022-02-03", date="2022-02-03")
    small = make_claim("Up to 9,000 Russian servicemen will arrive in Belarus, the ministry said.", "deployment",
                       "personnel", qty=(None, 9000, "up to 9,000"), source="Ministry of Defence of Belarus",
                       published="2022-02-03", date="2022-02-03")
    assert status([big], "force-size") == "met"
    assert status([small], "force-size") == "not met"


def test_logistics_convoys_meet_the_logistics_indicator(seen):
    claims = [seen("Logistics movement along the highway", "movement", "equipment", "2022-02-02"),
              seen("Fuel tankers and ammunition trucks seen on the M10", "movement", "truck", "2022-02-12")]
    assert status(claims, "logistics") == "met"


def test_field_hospital_meets_the_medical_indicator(seen):
    claims = [seen("Military camp and field hospital visible in satellite imagery", "presence", "equipment",
                   "2022-02-19")]
    assert status(claims, "medical") == "met"


def test_bridge_built_near_the_border_meets_bridging(seen):
    dovlyady = {"name": "Dovlyady", "country": "Belarus", "lat": 51.5327, "lon": 29.86593}
    claims = [seen("Satellite imagery of bridge constructed over the Pripyat", "presence", None, "2022-02-15",
                   dovlyady)]
    assert status(claims, "bridging") == "met"


def test_combat_readiness_check_meets_readiness(make_claim):
    claims = [make_claim("Belarus launched a snap combat readiness check of its armed forces, the ministry said.",
                         "readiness", "personnel", actor="Belarus", source="Ministry of Defence of Belarus",
                         published="2022-02-10")]
    assert status(claims, "readiness-mobilisation") == "met"


def test_iskander_arriving_meets_air_and_missile_assets(seen):
    claims = [seen("Iskander missile systems at Asipovicky training ground", "presence", "missile", "2022-01-30",
                   {"name": "Asipovichy", "country": "Belarus", "lat": 53.3, "lon": 28.64})]
    assert status(claims, "air-missile-assets") == "met"


def test_command_post_vehicles_meet_command_posts(seen):
    claims = [seen("Train with an R-166 signals vehicle and a 1V13 battery command post unloaded", "deployment",
                   "equipment", "2022-02-14")]
    assert status(claims, "command-posts") == "met"


def test_military_camp_near_the_border_is_an_assembly_area(seen):
    claims = [seen("Russian military camp in southern Belarus", "presence", None, "2022-02-15",
                   {"name": "Dublin", "country": "Belarus", "lat": 51.75, "lon": 30.29})]
    assert status(claims, "assembly-near-border") == "met"


def test_exercise_without_return_is_met_until_forces_are_seen_leaving(seen):
    drill = seen("Iskander missile system spotted for alleged exercise", "exercise", "missile", "2022-01-21")
    stay = seen("Heavy weaponry being transported", "movement", "equipment", "2022-02-16")
    leave = seen("Russian tanks leaving Belarus by train", "withdrawal", "tank", "2022-02-18")
    assert status([drill, stay], "exercise-no-return") == "met"
    assert status([drill, stay, leave], "exercise-no-return") == "not met"


def test_kremlin_denial_meets_the_denial_indicator(make_claim):
    claims = [make_claim("Kremlin spokesman Dmitry Peskov dismissed reports of an offensive from Belarus as "
                         "groundless fabrications.", "denial", None, location=None, source="Kremlin",
                         modality="denied", published="2022-02-15")]
    assert status(claims, "official-denial") == "met"


def test_tanks_leaving_meet_the_counter_indicator(make_claim):
    claims = [make_claim("Belarusian Hajun said more than 90 tanks had been moved by rail from Belarus to Russia.",
                         "withdrawal", "tank", qty=(90, None, "more than 90"), source="Belarusian Hajun",
                         origin="Belarus", destination="Russia", location=None, published="2022-02-10")]
    assert status(claims, "equipment-leaving") == "met"


def test_no_indicators_finding_counts_only_from_credible_sources(make_claim):
    sentence = "The Institute for the Study of War observed no indicators that Russian forces were forming a strike group."
    isw = make_claim(sentence, "assessment", None, negated=True, source="Institute for the Study of War",
                     published="2022-02-10")
    kremlin = make_claim("The Kremlin said there were no signs of any offensive, only exercises.", "assessment", None,
                         negated=True, source="Kremlin", published="2022-02-10")
    assert status([isw], "no-strike-force-assessment") == "met"
    assert status([kremlin], "no-strike-force-assessment") == "not met"
