"""GeoJSON (RFC 7946): one Point feature per claim that has a place with coordinates.

Properties carry every claim field as it is (nested objects stay objects, which QGIS
shows as JSON), plus `date_resolved`, `place_kind` and `country`. Claims with no
coordinates are left out and listed in the result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .claims import CLAIM_FIELDS, claim_date, claim_id
from .geo import claim_place
from .registry import ExportResult, register


def claim_feature(claim: dict) -> dict | None:
    """A GeoJSON Feature for the claim, or None when it cannot be placed."""
    place = claim_place(claim)
    if place.lat is None or place.lon is None:
        return None
    props = {name: claim.get(name) for name in CLAIM_FIELDS}
    props.update({k: v for k, v in claim.items() if k not in props})
    props["id"] = claim_id(claim)
    props.update(date_resolved=claim_date(claim), place_kind=place.kind, country=place.country)
    return {
        "type": "Feature",
        "id": props["id"],
        "geometry": {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]},
        "properties": props,
    }


def feature_collection(claims: list[dict]) -> tuple[dict, list[tuple[str, str]]]:
    """The FeatureCollection and the (id, reason) of claims left out."""
    features, skipped = [], []
    for claim in claims:
        feature = claim_feature(claim)
        if feature is None:
            skipped.append((claim_id(claim), "no coordinates for its place"))
        else:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}, skipped


@register("geojson", ".geojson", "claims as map points for QGIS and web maps")
def write_geojson(claims: list[dict], path: Path, context: dict[str, Any]) -> ExportResult:
    """Write the claims with coordinates as a FeatureCollection; the others are skipped."""
    collection, skipped = feature_collection(claims)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(collection, out, ensure_ascii=False, default=str)
    return ExportResult("geojson", path, written=len(collection["features"]), skipped=skipped)
