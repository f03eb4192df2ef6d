"""The assessment as a whole: determinism, as-of, the level ladder, problems as data, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forcewatch.assess import assess, load_problem
from forcewatch.assess.problem import _index as problem_index
from forcewatch.cli.main import app
from forcewatch.errors import ConfigError, KnowledgeError, NotFound

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def autumn() -> list[dict]:
    """Claims built from the sentences of the two corpus articles and the seven bundled sample reports."""
    return [json.loads(line) for line in (DATA / "autumn-2022-claims.jsonl").read_text().splitlines()]


def test_assess_is_deterministic(autumn):
    first = assess("belarus-ukraine", autumn, "2022-12-31").to_dict()
    again = assess("belarus-ukraine", list(reversed(autumn)), "2022-12-31").to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)


def test_assessment_json_has_the_documented_shape(autumn):
    data = assess("belarus-ukraine", autumn, "2022-12-31").to_dict()
    assert {"problem", "as_of", "level", "trend", "indicators", "explanation"} <= set(data)
    assert data["problem"] == "belarus-ukraine" and 1 <= data["level"] <= 5
    assert [t["date"] for t in data["trend"]] == ["2022-12-03", "2022-12-10", "2022-12-17", "2022-12-24", "2022-12-31"]
    assert {i["status"] for i in data["indicators"]} <= {"met", "not met", "contradicted", "unknown"}
    met = [i for i in data["indicators"] if i["status"] == "met"]
    assert all(c["sentence"] and c["doc"] and c["reliability"] for i in met for c in i["claims"])


def test_as_of_ignores_documents_published_later(autumn):
    early = assess("belarus-ukraine", autumn, "2022-10-20", trend=False)
    docs = {c["doc"] for r in early.indicators for c in r.to_dict()["claims"]}
    assert docs and all(d in {"002", "2022-10-10-lukashenko-grouping", "2022-10-17-mod-belarus-numbers"} for d in docs)


def test_small_grouping_with_counter_indicators_stays_at_most_elevated(autumn):
    result = assess("belarus-ukraine", autumn, "2022-12-31")
    assert result.level <= 3
    force = next(r for r in result.indicators if r.indicator.id == "force-size")
    assert force.status == "not met" and "25,000" in force.finding.detail
    assert "cannot pass 3" in result.explanation


def test_unknown_problem_names_the_known_ones():
    with pytest.raises(NotFound, match="belarus-ukraine"):
        load_problem("kaliningrad-lithuania")


def test_bad_as_of_date_is_a_clear_error(autumn):
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        assess("belarus-ukraine", autumn, "December 2022")


def test_problem_with_unknown_rule_is_rejected_with_its_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: border-buildup-template\nid: bad\ntitle: Bad\nquestion: q\nactors: [Russia]\n"
                   "area: {countries: [Russia]}\nborder: {from: Russia, to: Finland}\n"
                   "indicators:\n  - {id: x, title: X, rule: crystal_ball, weight: 1, why: none}\n")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml.*crystal_ball"):
        load_problem(bad)


def test_broken_problem_file_in_a_kb_dir_is_a_knowledge_error_naming_it(tmp_path, monkeypatch):
    (tmp_path / "problems").mkdir()
    (tmp_path / "problems" / "broken.yaml").write_text("id: broken\nindicators: [\n  - {id: x\n")
    monkeypatch.setenv("FORCEWATCH_KB_DIRS", str(tmp_path))
    problem_index.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"(?s)broken\.yaml.*fix its YAML"):
            load_problem("belarus-ukraine")
    finally:
        problem_index.cache_clear()


def test_problem_extending_the_template_overrides_area_and_keeps_indicators(tmp_path):
    own = tmp_path / "finland.yaml"
    own.write_text("extends: border-buildup-template\nid: karelia-finland\ntitle: Build-up in Karelia\n"
                   "question: Attack on Finland?\nactors: [Russia]\narea: {countries: [Russia]}\n"
                   "border: {from: Russia, to: Finland}\ndrop: [official-denial]\n")
    problem = load_problem(own)
    ids = [i.id for i in problem.indicators]
    assert problem.border.to == "Finland" and "official-denial" not in ids and "bridging" in ids


def test_cli_assess_reads_a_claims_file_and_prints_json():
    result = CliRunner().invoke(app, ["assess", "--problem", "belarus-ukraine", "--as-of", "2022-12-31",
                                      "--claims", str(DATA / "autumn-2022-claims.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2022-12-31" and data["level"] <= 3 and data["explanation"].startswith("Level")


def test_summary_names_what_drives_the_level_and_counts_the_rest():
    """The bottom-line summary keeps met indicators and caps, and only counts the not-met ones."""
    import json
    from pathlib import Path

    from forcewatch.assess import assess

    rows = Path(__file__).parent / "data" / "autumn-2022-claims.jsonl"
    claims = [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = assess("belarus-ukraine", claims, "2022-12-31").to_dict()
    assert result["summary"].startswith(f"Level {result['level']} ")
    assert "see the indicator board" in result["summary"]
    assert "Not met:" in result["explanation"] and "Not met:" not in result["summary"]
    assert len(result["summary"]) < len(result["explanation"])
