"""`forcewatch groups | contradictions | sources | estimates` and `assess --region`, on a store
filled by ingesting the real news articles (claims extracted by the ingest processor)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forcewatch.cli.main import app
from forcewatch.extract.claims.storage import list_claims
from forcewatch.fuse import fuse
from forcewatch.store import open_store


@pytest.fixture(scope="module")
def news_db(tmp_path_factory, corpus: Path) -> str:
    """A SQLite store holding corpus/news (with meta.json dates) and their extracted claims."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fusion-cli') / 'fw.db'}"
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(corpus / "news" / "001.txt"),
                                      str(corpus / "news" / "002.txt"), "--json"])
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture(scope="module")
def stored(news_db: str) -> list[dict]:
    store = open_store(news_db)
    with store.transaction() as session:
        claims = list_claims(session)
    store.close()
    return claims


def run(db: str, *args: str) -> tuple[int, str]:
    """Exit code and output; a library error (which `forcewatch` prints) is appended as its message."""
    result = CliRunner().invoke(app, ["--db", db, *args])
    error = f"{result.exception}" if result.exception and not isinstance(result.exception, SystemExit) else ""
    return result.exit_code, result.output + error


def test_groups_json_is_the_fusion_of_the_stored_claims(news_db, stored):
    code, out = run(news_db, "groups", "--json")
    assert code == 0
    expected = fuse(stored).to_dict()["groups"]
    assert json.loads(out) == json.loads(json.dumps(expected))
    assert any("170 tanks" in g["statement"] for g in expected)


def test_groups_item_filter_keeps_only_that_item(news_db):
    rows = json.loads(run(news_db, "groups", "--item", "tank", "--json")[1])
    assert rows and {g["item"] for g in rows} == {"tank"}


def test_sources_show_grade_and_track_record(news_db):
    code, out = run(news_db, "sources", "--json")
    rows = {s["name"]: s for s in json.loads(out)}
    assert code == 0
    assert rows["Ministry of Defence of Belarus"]["grade"] == "D"  # graded in the knowledge base
    assert rows["Belarusian Hajun"]["grade"] == "B" and rows["Belarusian Hajun"]["claims"] >= 1
    assert all(0 <= s["track_record"] <= 1 for s in rows.values())
    table = run(news_db, "sources")[1]
    assert "Admiralty grade and track record" in table and "Hajun" in table


def test_contradictions_json_lists_both_sides_or_nothing(news_db, stored):
    code, out = run(news_db, "contradictions", "--json")
    assert code == 0
    assert json.loads(out) == json.loads(json.dumps(fuse(stored).to_dict()["contradictions"]))


def test_estimates_in_belarus_give_the_tank_count_of_the_ministry(news_db):
    code, out = run(news_db, "estimates", "--region", "Belarus", "--actor", "Russia", "--json")
    data = json.loads(out)
    assert code == 0 and data["region"] == {"name": "Belarus", "kind": "country", "radius_km": None}
    tanks = next(e for e in data["estimates"] if e["item"] == "tank")
    assert [(p["date"], p["low"], p["high"]) for p in tanks["series"]] == [("2022-10-17", 170, 170)]
    assert "some 170 tanks" in tanks["series"][0]["claims"][0]["sentence"]


def test_estimates_elsewhere_are_empty_and_unknown_regions_are_refused(news_db):
    far = json.loads(run(news_db, "estimates", "--region", "Poland", "--json")[1])
    assert far["estimates"] == []
    code, out = run(news_db, "estimates", "--region", "Atlantis")
    assert code != 0 and "'Atlantis' is not in the gazetteer" in out


def test_assess_region_restricts_the_area_to_the_named_country(news_db):
    code, out = run(news_db, "assess", "--as-of", "2022-12-21", "--region", "Poland", "--json")
    poland = json.loads(out)
    assert code == 0 and poland["area"] == ["Poland"]
    assert {i["status"] for i in poland["indicators"] if i["id"] == "force-size"} == {"unknown"}
    belarus = json.loads(run(news_db, "assess", "--as-of", "2022-12-21", "--region", "Belarus", "--json")[1])
    assert next(i for i in belarus["indicators"] if i["id"] == "force-size")["status"] == "not met"


def test_assess_region_refuses_a_city_and_names_its_country(news_db):
    code, out = run(news_db, "assess", "--as-of", "2022-12-21", "--region", "Mazyr")
    assert code != 0 and "--region Belarus" in out
