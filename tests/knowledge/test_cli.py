"""`forcewatch kb lookup|stats|validate` through the real Typer app."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from forcewatch.cli.main import app

runner = CliRunner()


def test_kb_lookup_json_gives_kind_canonical_name_and_item():
    result = runner.invoke(app, ["kb", "lookup", "Т-72Б3", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["kind"], data["name"], data["item"], data["category"]) == ("equipment", "T-72B3", "tank", "main battle tank")


def test_kb_lookup_place_has_coordinates():
    data = json.loads(runner.invoke(app, ["kb", "lookup", "Rechitsa", "--json"]).stdout)
    assert data["kind"] == "place" and data["name"] == "Rechytsa"
    assert abs(data["lat"] - 52.36) < 0.05 and abs(data["lon"] - 30.39) < 0.05


def test_kb_lookup_unknown_name_exits_1_with_a_message():
    result = runner.invoke(app, ["kb", "lookup", "Zx-9000 Gizmo"])
    assert result.exit_code == 1
    assert "nothing in the knowledge base is called 'Zx-9000 Gizmo'" in result.output


def test_kb_stats_json_counts_each_catalogue():
    data = json.loads(runner.invoke(app, ["kb", "stats", "--json"]).stdout)
    assert set(data) == {"equipment", "units", "places", "sources"} and data["equipment"] >= 400


def test_kb_validate_reports_file_line_and_exits_1(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("# bad\nversion: '1'\nkind: units\nentries:\n  - {name: 5th Tank Brigade}\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:5: entry '5th Tank Brigade': source" in result.output


def test_kb_validate_accepts_a_good_file(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(
        "# good\nversion: '1'\nkind: units\nentries:\n  - {name: 999th Tank Regiment, country: Russia, source: my notes}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["kb", "validate", str(path)])
    assert result.exit_code == 0, result.output
