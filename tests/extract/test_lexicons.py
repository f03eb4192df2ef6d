"""The lexicon files: they load, say their source, and users can extend them."""

from __future__ import annotations

import pytest

from forcewatch.errors import KnowledgeError
from forcewatch.knowledge.lexicons import SHIPPED, TOPICS, load_lexicons


def test_every_shipped_lexicon_has_version_and_source():
    lex = load_lexicons()
    for topic in TOPICS:
        data = lex.topic(topic)
        assert data["version"] and data["source"], topic
    assert {p.stem for p in SHIPPED.glob("*.yaml")} == set(TOPICS)


def test_user_lexicon_extends_lists_and_keeps_shipped_words(tmp_path):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "items.yaml").write_text("version: 1\nsource: my notes\nitems:\n  drone: [quadcopter]\n")
    lex = load_lexicons((tmp_path,))
    assert "quadcopter" in lex.items["items"]["drone"]
    assert "uav" in lex.items["items"]["drone"]


def test_user_lexicon_without_source_is_rejected_with_file_and_line(tmp_path):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    bad = folder / "events.yaml"
    bad.write_text("version: 1\nverbs: {}\n")
    with pytest.raises(KnowledgeError, match=r"events\.yaml:1: missing 'source'"):
        load_lexicons((tmp_path,))


def test_invalid_yaml_reports_the_line(tmp_path):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "traps.yaml").write_text("version: 1\nsource: x\nafter: [unclosed\n")
    with pytest.raises(KnowledgeError, match=r"traps\.yaml:\d+: not valid YAML"):
        load_lexicons((tmp_path,))


def test_unknown_topic_names_the_known_ones():
    with pytest.raises(KnowledgeError, match="known: actors"):
        load_lexicons().topic("weather")
