"""`forcewatch export`, `import` and `report` on a store filled by `forcewatch ingest`."""

from __future__ import annotations

import json

import pytest
from claims_fixtures import without_ids
from typer.testing import CliRunner

from forcewatch.cli.main import app

runner = CliRunner()


def _run(db: str, *args: str):
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, corpus):
    folder = tmp_path_factory.mktemp("cli")
    db = f"sqlite:///{folder / 'fw.db'}"
    for name in ("001.txt", "002.txt"):
        _run(db, "ingest", str(corpus / "news" / name))
    return db, folder


def test_export_every_format_from_the_store(ingested):
    db, folder = ingested
    for fmt in ("json", "csv", "parquet", "geojson", "stix", "acled"):
        out = json.loads(_run(db, "export", "--format", fmt, "-o", str(folder / f"all.{fmt}"), "--json").output)
        assert out["written"] > 0 and (folder / f"all.{fmt}").stat().st_size > 0, fmt


def test_export_region_and_period_filters_narrow_the_claims(ingested):
    db, folder = ingested
    every = json.loads(_run(db, "export", "-o", str(folder / "a.json"), "--json").output)["written"]
    october = json.loads(_run(db, "export", "-o", str(folder / "o.json"), "--since", "2022-10-01",
                              "--until", "2022-10-31", "--json").output)["written"]
    assert 0 < october < every
    claims = json.loads((folder / "o.json").read_text())["claims"]
    assert "002" in {c["doc"] for c in claims}
    assert all((c["date"] or c["published"]).startswith("2022-10") for c in claims)


def test_import_of_an_export_rebuilds_the_claims_in_a_new_store(ingested):
    db, folder = ingested
    _run(db, "export", "--format", "json", "-o", str(folder / "full.json"))
    other = f"sqlite:///{folder / 'other.db'}"
    result = json.loads(_run(other, "import", str(folder / "full.json"), "--json").output)
    _run(other, "export", "--format", "json", "-o", str(folder / "again.json"))
    before = json.loads((folder / "full.json").read_text())
    after = json.loads((folder / "again.json").read_text())
    assert result["claims"] == len(before["claims"]) and result["rejects"] == []
    assert without_ids(after["claims"]) == without_ids(before["claims"])
    assert after["documents"] == before["documents"]


def test_import_of_a_broken_file_fails_with_the_line(ingested, tmp_path):
    db, _ = ingested
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "forcewatch.claims", "claims": [\n{"doc": 1,,}]}', encoding="utf-8")
    result = runner.invoke(app, ["--db", db, "import", str(bad)])
    assert result.exit_code != 0
    assert "bad.json:2: invalid JSON" in str(result.exception) + result.output


def test_report_command_writes_a_brief_of_the_problem(ingested):
    db, folder = ingested
    _run(db, "report", "--problem", "belarus-ukraine", "--as-of", "2022-12-31", "--format", "html",
         "-o", str(folder / "brief.html"))
    html = (folder / "brief.html").read_text(encoding="utf-8")
    assert "Bottom line" in html and "<svg" in html and "Appendix" in html
    assert "Among the equipment moved to the border were tanks and military trucks" in html
