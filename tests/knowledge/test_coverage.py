"""Quality gate on real data: how much of eyesonrussia's equipment and towns the base knows.

Floors are pinned at the figures reached; they may only go up.
- equipment: mentions in the `arms/munition` column (split on , / ; + "and" "with" ". "),
  counting only fragments that carry a digit or a capital letter (equipment designations
  do; notes such as "missing link" or "etc" do not).
- places: Belarus and Ukraine rows with a town, resolved with the row's country and
  province as hints (GeoNames cities500 lacks many villages: that is the main miss).
"""

from __future__ import annotations

import csv
import re

from forcewatch.knowledge.geo import haversine_km

EQUIPMENT_FLOOR = 1.0
MODEL_FLOOR = 0.96
PLACE_FLOOR = 0.91
SPLIT = re.compile(r"\s*(?:,|/|;|\+|\band\b|\.\s|\bwith\b)\s*")
COUNTRIES = {"belarus": "Belarus", "belaurs": "Belarus", "ukraine": "Ukraine", "ukrain": "Ukraine"}


def _rows(corpus):
    with open(corpus / "eyesonrussia" / "events.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _mentions(rows):
    for row in rows:
        value = row["arms/munition"].strip()
        if not value or value.startswith("http"):
            continue
        for part in SPLIT.split(value):
            part = part.strip(" .()'\"")
            if part and re.search(r"[0-9A-Z]", part):
                yield part


def test_catalogue_recognises_eyesonrussia_equipment_mentions(base, corpus):
    mentions = list(_mentions(_rows(corpus)))
    found = [base.equipment.find(m) for m in mentions]
    share = sum(1 for f in found if f) / len(mentions)
    models = sum(1 for f in found if any(not m.entry.generic for m in f)) / len(mentions)
    print(f"equipment mentions: {len(mentions)}, recognised {share:.3f}, by a specific model {models:.3f}")
    assert len(mentions) > 150
    assert share >= EQUIPMENT_FLOOR
    assert models >= MODEL_FLOOR


def test_towns_of_belarus_and_ukraine_rows_resolve_within_25_km(base, corpus):
    rows = [r for r in _rows(corpus) if COUNTRIES.get(r["country"].strip().lower()) and r["town/city"].strip()]
    near = 0
    for row in rows:
        place = base.places.resolve_fuzzy(
            row["town/city"], country=COUNTRIES[row["country"].strip().lower()], region=row["province"] or None
        )
        if place is not None and haversine_km(float(row["lat"]), float(row["lon"]), place.lat, place.lon) <= 25:
            near += 1
    share = near / len(rows)
    print(f"places: {len(rows)} rows, {share:.3f} within 25 km")
    assert len(rows) > 5000
    assert share >= PLACE_FLOOR
