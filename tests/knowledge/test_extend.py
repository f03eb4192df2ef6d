"""Users extend the base with their own files; bad files are reported as file:line."""

from __future__ import annotations

import pytest

from forcewatch.errors import KnowledgeError
from forcewatch.knowledge import KnowledgeBase
from forcewatch.knowledge.base import validate_paths
from forcewatch.knowledge.loader import load_file

GOOD = """# my additions
version: "1"
kind: equipment
entries:
  - {name: Groza-S, aliases: [Гроза-С], item: equipment, category: electronic warfare, source: "my notes, 2024-05-01"}
  - {id: t-72b3, name: T-72B3, aliases: [Т-72Б3, B3 tank], item: tank, source: wp:T-72}
"""

BAD = """# broken additions
version: "1"
kind: equipment
entries:
  - {name: Widget, item: tank}
  - {name: Gadget, item: spaceship, source: x}
  - {name: Second T-72B3, aliases: [T72B3], item: tank, source: x}
"""


def test_user_files_add_and_override_entries(tmp_path):
    (tmp_path / "mine.yaml").write_text(GOOD, encoding="utf-8")
    mine = KnowledgeBase([tmp_path])
    assert mine.equipment.lookup("Гроза-С").source == "my notes, 2024-05-01"
    assert mine.equipment.lookup("B3 tank").id == "t-72b3"
    assert mine.warnings == []


def test_bad_user_file_reports_every_problem_with_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    errors = validate_paths([path])
    assert any(e.startswith(f"{path}:5:") and "source" in e for e in errors)
    assert any(e.startswith(f"{path}:6:") and "item" in e for e in errors)
    assert any(e.startswith(f"{path}:7:") and "already names 'T-72B3'" in e for e in errors)


def test_duplicate_alias_inside_one_file_is_reported(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text(
        "# dup\nversion: '1'\nkind: places\nentries:\n"
        "  - {name: Camp A, kind: site, aliases: [The Camp], lat: 52.0, lon: 27.0, source: x}\n"
        "  - {name: Camp B, kind: site, aliases: [the camp], lat: 52.1, lon: 27.1, source: x}\n",
        encoding="utf-8",
    )
    errors = load_file(path).errors
    assert len(errors) == 1 and errors[0].startswith(f"{path}:6:") and "the camp" in errors[0]


def test_coordinates_out_of_range_are_rejected(tmp_path):
    path = tmp_path / "far.yaml"
    path.write_text(
        "# far\nversion: '1'\nkind: places\nentries:\n  - {name: Nowhere, kind: site, lat: 123.0, lon: 27.0, source: x}\n",
        encoding="utf-8",
    )
    assert "lat" in load_file(path).errors[0] and f"{path}:5:" in load_file(path).errors[0]


def test_invalid_yaml_is_a_knowledge_error_naming_the_line(tmp_path):
    (tmp_path / "broken.yaml").write_text("# x\nversion: '1'\nkind: units\nentries: [ {name: A\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"broken\.yaml:\d+: invalid YAML"):
        KnowledgeBase([tmp_path]).stats()


def test_missing_kb_dir_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeError, match="does not exist"):
        KnowledgeBase([tmp_path / "nope"]).stats()


def test_lexicon_folders_in_a_kb_dir_are_left_to_the_lexicon_loader(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "events.yaml").write_text("version: 1\nsource: me\nmovement: [rolled]\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(GOOD, encoding="utf-8")
    assert KnowledgeBase([tmp_path]).equipment.lookup("Groza-S") is not None
