"""Each export format, validated by the tool its users read it with."""

from __future__ import annotations

import csv
import json

import pytest

from forcewatch.errors import ConfigError
from forcewatch.export import claim_id, export, formats, read_claims
from forcewatch.export.acled import ACLED_COLUMNS
from forcewatch.export.table import COLUMN_NAMES


def test_registry_offers_every_documented_format():
    assert set(formats()) >= {"json", "csv", "parquet", "geojson", "stix", "acled"}


def test_unknown_format_names_the_choices(tmp_path, claims_news):
    with pytest.raises(ConfigError, match="choose one of .*stix"):
        export(claims_news, "kml", tmp_path / "out.kml")


def test_missing_output_folder_is_a_clear_error_and_writes_nothing(tmp_path, claims_news):
    with pytest.raises(ConfigError, match="does not exist"):
        export(claims_news, "csv", tmp_path / "nowhere" / "out.csv")
    assert not (tmp_path / "nowhere").exists()


def test_json_round_trip_keeps_every_field(tmp_path, claims_all):
    result = export(claims_all, "json", tmp_path / "claims.json", filters={"region": "Belarus"})
    batch = read_claims(result.path)
    assert batch.rejects == []
    assert batch.claims == claims_all
    assert json.loads(result.path.read_text())["filters"] == {"region": "Belarus"}


def test_import_records_bad_claims_and_keeps_the_rest(tmp_path, claims_news):
    bad = dict(claims_news[0], event="invasion")
    lines = [json.dumps(claims_news[1]), "{not json", json.dumps(bad), json.dumps(claims_news[2])]
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = read_claims(path)
    assert batch.claims == [claims_news[1], claims_news[2]]
    reasons = sorted(str(e) for e in batch.rejects)
    assert len(reasons) == 2
    assert any(":2: invalid JSON line" in r for r in reasons)
    assert any("unknown event 'invasion'" in r and ":3" in r for r in reasons)


def test_csv_has_one_row_per_claim_with_quantity_bounds(tmp_path, claims_news):
    export(claims_news, "csv", tmp_path / "claims.csv")
    with open(tmp_path / "claims.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMN_NAMES
    assert len(rows) == len(claims_news)
    armour = next(r for r in rows if r["item"] == "armoured_vehicle")
    assert (armour["quantity_low"], armour["quantity_high"], armour["quantity_text"]) == ("", "200", "up to 200")
    assert armour["source"] == "Ministry of Defence of Belarus"
    assert "200 armored combat vehicles" in armour["sentence"]


def test_parquet_schema_and_values_read_back_with_pyarrow(tmp_path, claims_all):
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(claims_all, "parquet", tmp_path / "claims.parquet", filters={"since": "2022-01-01"})
    table = pq.read_table(tmp_path / "claims.parquet")
    assert table.num_rows == len(claims_all)
    assert table.schema.field("quantity_high").type == pa.int64()
    assert table.schema.field("equipment").type == pa.list_(pa.string())
    assert table.schema.field("location_lat").type == pa.float64()
    rows = table.to_pylist()
    tanks = next(r for r in rows if r["item"] == "tank" and r["doc"] == "002")
    assert (tanks["quantity_low"], tanks["quantity_high"], tanks["quantity_approx"]) == (170, 170, True)
    krasukha = [r for r in rows if "Krasukha-4" in r["equipment"]]
    assert krasukha and krasukha[0]["location_country"] == "Belarus"
    assert json.loads(table.schema.metadata[b"forcewatch.filters"]) == {"since": "2022-01-01"}


def test_empty_parquet_export_still_has_the_schema(tmp_path):
    import pyarrow.parquet as pq

    export([], "parquet", tmp_path / "empty.parquet")
    assert tuple(pq.read_schema(tmp_path / "empty.parquet").names) == COLUMN_NAMES


def test_geojson_points_are_lon_lat_with_every_claim_field(tmp_path, claims_all):
    result = export(claims_all, "geojson", tmp_path / "claims.geojson")
    data = json.loads(result.path.read_text())
    assert data["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in data["features"]}
    gomel = next(c for c in claims_all if c["doc"] == "eor-UW0068")
    feature = by_id[gomel["id"]]
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.991183, 52.429772]}
    for name in ("doc", "sentence", "start", "end", "event", "actor", "item", "equipment", "unit", "quantity",
                 "location", "origin", "destination", "date", "source", "outlet", "modality", "negated"):
        assert name in feature["properties"]
    assert feature["properties"]["location"]["name"] == "Gomel"
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert result.written + len(result.skipped) == len(claims_all)
    assert all(reason == "no coordinates for its place" for _, reason in result.skipped)


def test_acled_rows_map_events_and_skip_statements(tmp_path, claims_all):
    result = export(claims_all, "acled", tmp_path / "acled.csv")
    with open(result.path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert tuple(reader.fieldnames[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    skipped = dict(result.skipped)
    denial = next(c for c in claims_all if c["event"] == "denial")
    assessment = next(c for c in claims_all if c["event"] == "assessment")
    assert "negated" in skipped[claim_id(denial)]
    assert "not an ACLED event" in skipped[claim_id(assessment)]
    assert len(rows) == result.written == len(claims_all) - len(result.skipped)
    gomel = next(r for r in rows if r["fw_doc"] == "eor-UW0068")
    assert gomel["event_date"] == "2022-02-01" and gomel["time_precision"] == "1"
    assert gomel["event_type"] == "Strategic developments"
    assert gomel["sub_event_type"] == "Change to group/activity"
    assert gomel["actor1"] == "Military Forces of Russia" and gomel["inter1"] == "8"
    assert gomel["country"] == "Belarus" and gomel["iso"] == "112"
    assert (gomel["latitude"], gomel["longitude"], gomel["geo_precision"]) == ("52.4298", "30.9912", "1")
    assert "moved by train" in gomel["notes"]


def test_acled_strike_by_drone_is_an_air_strike(tmp_path, claims_news):
    strike = dict(claims_news[0], id="strike-1", event="strike", item="drone", negated=False)
    export([strike], "acled", tmp_path / "acled.csv")
    with open(tmp_path / "acled.csv", encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_acled_source_scale_follows_the_knowledge_base_source_type(tmp_path, claims_eor, claims_news):
    """CIR is a monitoring group ("Other") whatever its country; Belarus's ministry on Belarus is national."""
    ministry = next(c for c in claims_news if c.get("source") == "Ministry of Defence of Belarus")
    export([claims_eor[0], ministry], "acled", tmp_path / "acled.csv")
    with open(tmp_path / "acled.csv", encoding="utf-8", newline="") as f:
        scales = {row["fw_claim_id"]: row["source_scale"] for row in csv.DictReader(f)}
    assert scales == {claims_eor[0]["id"]: "Other", ministry["id"]: "National"}
