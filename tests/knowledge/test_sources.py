"""The source registry: aliases, metonyms and reliability grades."""

from __future__ import annotations

import pytest

from forcewatch.errors import KnowledgeError
from forcewatch.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "alias, source_id",
    [
        ("GUR", "gur"),
        ("HUR", "gur"),
        ("Ukrainian intelligence", "gur"),
        ("Ukrainian Military Intelligence", "gur"),
        ("Belarusian Defense Ministry", "by-mod"),
        ("Defense Ministry of Belarus", "by-mod"),
        ("Minsk", "by-government"),
        ("the Kremlin", "kremlin"),
        ("UK MoD", "uk-mod"),
        ("ISW", "isw"),
        ("Belarusian Hajun", "hajun"),
        ("Eyes on Russia (CIR/Bellingcat)", "cir"),
        ("Eyes on Russia", "cir"),
        ("Russia-Ukraine Monitor Map", "cir"),
    ],
)
def test_aliases_resolve_to_the_canonical_source(base, alias, source_id):
    assert base.sources.lookup(alias).id == source_id


def test_find_sources_in_an_attribution(base):
    text = "Minsk denied it, but Ukrainian intelligence and the UK MoD said 9,000 Russian troops had arrived."
    assert [m.entry.id for m in base.sources.find(text)] == ["by-government", "gur", "uk-mod"]


def test_lowercase_metonym_is_not_a_source(base):
    assert base.sources.find("a minsk-built tractor") == []


def test_user_can_override_a_reliability_grade(tmp_path):
    (tmp_path / "grades.yaml").write_text(
        "# my grades\nversion: '1'\nkind: sources\nreliability_overrides: {tass: E}\nentries: []\n", encoding="utf-8"
    )
    mine = KnowledgeBase([tmp_path])
    assert mine.sources.lookup("TASS").reliability == "E"
    assert KnowledgeBase([]).sources.lookup("TASS").reliability == "D"


def test_override_of_unknown_source_is_a_clear_error(base):
    with pytest.raises(KnowledgeError, match="no source called 'Nobody News'"):
        KnowledgeBase([]).sources.set_reliability("Nobody News", "A")
