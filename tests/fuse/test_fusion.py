"""Fusion on claims from real-style reporting: groups, provenance, contradictions, estimates."""

from __future__ import annotations

from datetime import date

from forcewatch.fuse import fuse

MOD_170 = ("Russia will send some 170 tanks to the southern border of Belarus, which borders Ukraine, "
           "the Belarusian Defense Ministry reported Monday.")


def test_five_outlets_repeating_one_ministry_statement_count_one_origin(make_claim):
    outlets = ["Reuters", "AFP", "TASS", "Belta", "Ukrainska Pravda"]
    claims = [make_claim(MOD_170, "deployment", "tank", doc=f"d{i}", outlet=o, qty=(170, 170, "some 170"),
                         source="Ministry of Defence of Belarus") for i, o in enumerate(outlets)]
    fusion = fuse(claims)
    assert len(fusion.groups) == 1
    group = fusion.groups[0].to_dict()
    assert group["independent_origins"] == 1 and group["repeats"] == 4
    assert group["outlets"] == sorted(outlets)
    assert "170 tanks" in group["statement"] and "Ministry of Defence of Belarus" in group["statement"]


def test_two_voices_of_one_government_are_one_origin(make_claim):
    minsk = make_claim("Up to 9,000 Russian servicemen will arrive in Belarus, Minsk said.", "deployment",
                       "personnel", qty=(None, 9000, "up to 9,000"), source="Minsk")
    mod = make_claim("The deployment of up to 9,000 military personnel is for defensive purposes, the ministry said.",
                     "deployment", "personnel", doc="d2", qty=(None, 9000, "up to 9,000"),
                     source="Ministry of Defence of Belarus")
    group = fuse([minsk, mod]).groups[0]
    assert len(group.claims) == 2 and len(group.origins) == 1


def test_independent_sources_corroborate_and_raise_credibility(make_claim):
    mod = make_claim(MOD_170, "deployment", "tank", qty=(170, 170, "some 170"), source="Ministry of Defence of Belarus")
    hajun = make_claim("Belarusian Hajun counted about 170 Russian tanks unloaded at Belarusian railheads.",
                       "deployment", "tank", doc="d2", qty=(170, 170, "about 170"), source="Belarusian Hajun")
    fusion = fuse([mod, hajun])
    assert len(fusion.groups) == 1
    assert fusion.groups[0].credibility == 2  # probably true: two independent origins
    hajun_record = next(s for s in fusion.sources if s.name == "Belarusian Hajun")
    assert hajun_record.corroborated == 1 and hajun_record.grade == "B"


def test_up_to_9000_and_3200_so_far_are_different_facts(make_claim):
    plan = make_claim("Up to 9,000 Russian servicemen will arrive in Belarus, the ministry said.", "deployment",
                      "personnel", qty=(None, 9000, "up to 9,000"), source="Ministry of Defence of Belarus")
    count = make_claim("Ukraine's military intelligence said about 3,200 Russian soldiers had arrived in Belarus so far.",
                       "deployment", "personnel", doc="d2", qty=(3200, 3200, "about 3,200"),
                       source="Ukrainian military intelligence (GUR)", published="2022-10-26")
    fusion = fuse([plan, count])
    assert len(fusion.groups) == 2
    assert fusion.contradictions == []  # 3,200 fits under "up to 9,000"


def test_3200_vs_10000_to_15000_soldiers_is_a_quantity_contradiction(make_claim):
    gur = make_claim("Ukraine's military intelligence said about 3,200 Russian soldiers had arrived in Belarus so far.",
                     "deployment", "personnel", qty=(3200, 3200, "about 3,200"),
                     source="Ukrainian military intelligence (GUR)", published="2022-10-26")
    analyst = make_claim("An independent analyst estimated that 10,000 to 15,000 Russian soldiers were training in Belarus.",
                         "presence", "personnel", doc="d2", qty=(10000, 15000, "10,000 to 15,000"),
                         source="independent military analyst", published="2022-11-10")
    fusion = fuse([gur, analyst])
    [conflict] = fusion.contradictions
    data = conflict.to_dict()
    assert data["kind"] == "quantity"
    sentences = {data["a"]["claims"][0]["sentence"], data["b"]["claims"][0]["sentence"]}
    assert sentences == {gur["sentence"], analyst["sentence"]}


def test_tanks_arriving_and_leaving_within_two_weeks_is_a_direction_contradiction(make_claim):
    arriving = make_claim("Trains with Russian tanks arrived at the Obuz-Lesnovsky training ground.", "deployment", "tank",
                          source="Ministry of Defence of Belarus", published="2022-11-20")
    leaving = make_claim("Belarusian Hajun said more than 90 tanks had been moved by rail from Belarus to Russia.",
                         "withdrawal", "tank", doc="d2", qty=(90, None, "more than 90"), source="Belarusian Hajun",
                         origin="Belarus", destination="Russia", location=None, published="2022-11-25")
    kinds = [c.kind for c in fuse([arriving, leaving]).contradictions]
    assert kinds == ["direction"]


def test_official_denial_contradicts_movement_without_making_it_doubtful(make_claim):
    moved = make_claim("Belarusian Hajun reported a column of military trucks moving toward Mozyr, near the border.",
                       "movement", "truck", source="Belarusian Hajun", destination="Mozyr", published="2022-12-22")
    denial = make_claim("Kremlin spokesman Dmitry Peskov dismissed reports of a new offensive from Belarus as "
                        "groundless fabrications.", "denial", None, doc="d2", source="Kremlin", modality="denied",
                        published="2022-12-22")
    fusion = fuse([moved, denial])
    [conflict] = fusion.contradictions
    assert conflict.kind == "denial"
    assert fusion.group_of(fusion.claims[0].id).credibility == 3  # Hajun (B), one origin: possibly true


def test_negated_claim_contradicts_the_affirmed_one(make_claim):
    seen = make_claim("Russian tanks were seen at the border crossing near Komarin.", "presence", "tank",
                      source="Belarusian Hajun")
    none = make_claim("The State Border Guard Service said no tanks or personnel carriers were at the border.",
                      "presence", "tank", doc="d2", negated=True, source="State Border Guard Service of Ukraine")
    assert [c.kind for c in fuse([seen, none]).contradictions] == ["negation"]


def test_force_estimate_takes_the_envelope_and_withdrawals_move_it(make_claim):
    claims = [
        make_claim(MOD_170, "deployment", "tank", qty=(170, 170, "some 170"), source="Ministry of Defence of Belarus"),
        make_claim(MOD_170, "deployment", "tank", doc="d2", qty=(170, 170, "some 170"),
                   source="Ministry of Defence of Belarus", outlet="Reuters"),
        make_claim("Belarusian Hajun said more than 90 tanks had been moved by rail from Belarus to Russia.",
                   "withdrawal", "tank", doc="d3", qty=(90, None, "more than 90"), source="Belarusian Hajun",
                   origin="Belarus", destination="Russia", location=None, published="2022-11-25"),
    ]
    [estimate] = fuse(claims).estimates
    first, second = estimate.points
    assert (first.low, first.high) == (170, 170)  # the repeat is not added
    assert (second.low, second.high) == (80, 80) and "90" in second.note
    assert estimate.at(date(2022, 11, 1)).high == 170


def test_spelling_variants_of_an_unknown_source_become_one_provisional_entity(make_claim):
    a = make_claim(MOD_170, "deployment", "tank", qty=(170, 170, "some 170"), source="Polesie Monitoring Watch")
    b = make_claim(MOD_170, "deployment", "tank", doc="d2", qty=(170, 170, "some 170"),
                   source="Polesie Monitoring Watch group")
    fusion = fuse([a, b])
    assert fusion.claims[0].source_id == fusion.claims[1].source_id
    assert fusion.claims[0].source_id.startswith("prov:source:")
    assert len(fusion.groups[0].origins) == 1


def test_blank_coordinates_are_ignored_and_the_gazetteer_places_the_claim(make_claim):
    """A claim from a table row with empty lat/lon cells is placed by its name, not rejected."""
    mazyr = {"name": "Mazyr", "country": "Belarus", "lat": "", "lon": ""}
    [claim] = fuse([make_claim("Russian tanks were seen near Mazyr.", "presence", "tank", location=mazyr)]).claims
    assert claim.coords is None
    assert claim.area == "Belarus" and claim.point is not None


def test_forces_leaving_count_in_the_country_they_left(make_claim):
    """A withdrawal located at its destination still belongs to the area the forces left."""
    russia = {"name": "Russia", "kind": "country", "country": "Russia", "lat": 55.75, "lon": 37.62}
    leaving = make_claim("Belarusian Hajun said more than 90 tanks had been moved by rail from Belarus to Russia.",
                         "withdrawal", "tank", actor=None, qty=(90, None, "more than 90"), location=russia,
                         origin={"name": "Belarus", "kind": "country", "country": "Belarus"}, destination=russia,
                         location_coords={"lat": 55.75, "lon": 37.62}, source="Belarusian Hajun")
    fused = fuse([leaving])
    assert [c.area for g in fused.groups for c in g.claims] == ["Belarus"]
