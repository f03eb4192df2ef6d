"""The shipped data files: they validate, carry sources, and hold what the brief promises."""

from __future__ import annotations

import pytest

from forcewatch.knowledge.base import shipped_files
from forcewatch.knowledge.loader import load_file
from forcewatch.knowledge.model import ITEMS

FILES = shipped_files()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_shipped_file_validates_with_version_and_header(path):
    loaded = load_file(path)
    assert loaded.errors == []
    assert loaded.version
    assert path.read_text(encoding="utf-8").startswith("#"), "each file opens with a header comment"


def test_no_alias_names_two_entries_across_shipped_files(base):
    base.stats()
    assert base.warnings == []


def test_every_entry_has_a_source(base):
    for catalogue in (base.equipment, base.units, base.sources, base.places):
        for entry in catalogue:
            assert entry.source.strip(), f"{entry.origin_file}:{entry.line} {entry.name} has no source"


def test_equipment_catalogue_has_at_least_400_models_with_schema_items(base):
    models = [e for e in base.equipment if not e.generic]
    assert len(models) >= 400
    assert {e.item for e in base.equipment} <= set(ITEMS)


def test_place_and_unit_coordinates_are_in_range(base):
    located = [p for p in base.places if p.lat is not None] + [u for u in base.units if u.lat is not None]
    assert len(located) > 150
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 for e in located)


def test_sources_have_a_grade_and_the_reason_for_it(base):
    for source in base.sources:
        assert source.reliability in "ABCDEF"
        assert len(source.reliability_note) > 10


def test_stats_counts_every_catalogue(base):
    stats = base.stats()
    assert set(stats) == {"equipment", "units", "places", "sources"}
    assert stats["places"] > 10000 and stats["sources"] >= 60 and stats["units"] >= 80
