"""Back-tests on real history: the warning must rise before 24 Feb 2022 and stay moderate in autumn 2022."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from forcewatch.assess import backtest as bt
from forcewatch.cli.main import app

DATA = Path(__file__).parent / "data"


def test_eyes_on_russia_feed_rises_to_high_before_the_invasion(corpus):
    result = bt.run(bt.EYES_ON_RUSSIA, bt.event_claims(corpus / "eyesonrussia" / "events.csv"))
    levels = {p["date"]: p["level"] for p in result["series"]}
    assert levels["2022-01-10"] < levels["2022-02-20"]
    assert levels["2022-02-20"] >= 4
    assert result["passed"]


def test_autumn_2022_build_up_stays_at_most_elevated():
    result = bt.run(bt.AUTUMN_2022, bt.read_jsonl(DATA / "autumn-2022-claims.jsonl"))
    levels = {p["date"]: p["level"] for p in result["series"]}
    assert levels["2022-12-31"] <= 3
    assert result["passed"]


def test_cli_backtest_prints_both_series_and_writes_a_chart(tmp_path):
    chart = tmp_path / "levels.svg"
    result = CliRunner().invoke(app, ["backtest", "--autumn-claims", str(DATA / "autumn-2022-claims.jsonl"),
                                      "--chart", str(chart), "--json"])
    data = json.loads(result.output)
    assert [b["id"] for b in data["backtests"]] == ["eyesonrussia", "autumn-2022"]
    assert all(len(b["series"]) >= 8 for b in data["backtests"])
    assert chart.read_text().lstrip().startswith("<?xml") and "<svg" in chart.read_text()
    assert result.exit_code == (0 if data["passed"] else 1)
