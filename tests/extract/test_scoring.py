"""The package's claim scorer agrees with the shared score_claims.py on the same input."""

from __future__ import annotations

import importlib.util

import pytest

from forcewatch.errors import MalformedInput
from forcewatch.extract.claims.scoring import read_jsonl, score


def shared_scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score_claims", shared_dir / "tools" / "score_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def handmade_claims() -> list[dict]:
    """Claims a system might give for the sample articles: hits, a wrong item, a trap, a miss."""
    s002 = ("Russia will send some 170 tanks, up to 200 armored combat vehicles and up to 100 artillery pieces "
            "and mortars to the southern border of Belarus, which borders Ukraine, the Belarusian Defense "
            "Ministry reported Monday (10/17/2022).")
    att = ("The Belarusian Deputy Minister of Defense for International Military Cooperation, Colonel Valeri "
           "Revenko, tweeted this information after informing 19 foreign military attachés of the reinforcement "
           "of the border in the south of the country.")
    return [
        {"doc": "002", "sentence": s002, "item": "tank", "event": "deployment", "source": {"name": "Ministry of Defence of Belarus"},
         "location": "Belarus", "quantity": {"low": 170, "high": 170, "text": "some 170"}},
        {"doc": "002", "sentence": s002, "item": "ifv", "event": "movement", "source": "Interfax",
         "location": None, "quantity": {"low": None, "high": 200, "text": "up to 200"}},
        {"doc": "002", "sentence": att, "item": "personnel", "event": "presence", "source": None,
         "quantity": {"low": 19, "high": 19, "text": "19 foreign"}},
        {"doc": "999", "sentence": "not scored", "item": "tank", "quantity": {"low": 1, "high": 1}},
    ]


def test_scores_agree_with_shared_scorer(shared_dir, corpus):
    gold = read_jsonl(corpus / "news" / "gold-claims.jsonl")
    theirs, missed, unmatched, traps = shared_scorer(shared_dir).score(gold, handmade_claims())
    ours = score(gold, handmade_claims(), misses=True)
    assert {k: ours[k] for k in theirs} == theirs
    assert len(ours["missed"]) == len(missed) and len(ours["trap_hit_list"]) == len(traps) == 1
    assert len(ours["unmatched_quantity_claims"]) == len(unmatched)


def test_equivalent_items_match_armoured_vehicle(corpus):
    gold = read_jsonl(corpus / "news" / "gold-claims.jsonl")
    assert score(gold, handmade_claims())["quantity_recall"] == 0.5  # 2 of the 4 required quantities


def test_bad_jsonl_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text('{"doc": "1"}\n{oops\n')
    with pytest.raises(MalformedInput) as err:
        read_jsonl(path)
    assert err.value.line == 2
