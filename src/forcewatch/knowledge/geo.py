"""Plain-Python geometry on country polygons: point in polygon and distance to a boundary.

Distances use a local equirectangular projection around the query point, which is within
a fraction of a percent of the great-circle distance at the tens-of-kilometres scale that
border questions are asked at.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Ring:
    """One closed ring of (lon, lat) points and its bounding box."""

    points: list[tuple[float, float]]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

    @classmethod
    def of(cls, coords) -> Ring:
        pts = [(float(x), float(y)) for x, y in coords]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return cls(pts, (min(xs), min(ys), max(xs), max(ys)))

    def contains(self, lon: float, lat: float) -> bool:
        """Ray casting; points exactly on an edge may go either way."""
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
        inside = False
        pts = self.points
        j = len(pts) - 1
        for i in range(len(pts)):
            xi, yi = pts[i]
            xj, yj = pts[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside


@dataclass
class Country:
    """A country's polygons: outer rings and holes as in GeoJSON."""

    name: str
    iso: str
    polygons: list[list[Ring]]  # each: [outer, hole, hole...]
    feature: dict

    def contains(self, lat: float, lon: float) -> bool:
        for poly in self.polygons:
            if poly[0].contains(lon, lat) and not any(h.contains(lon, lat) for h in poly[1:]):
                return True
        return False

    def rings(self) -> list[Ring]:
        return [ring for poly in self.polygons for ring in poly]

    def bbox(self) -> tuple[float, float, float, float]:
        boxes = [p[0].bbox for p in self.polygons]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def load_countries(path: Path) -> dict[str, Country]:
    """Countries from a GeoJSON FeatureCollection with `name` and `iso` properties."""
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    out = {}
    for feature in doc["features"]:
        geom = feature["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        props = feature["properties"]
        rings = [[Ring.of(r) for r in poly] for poly in polys]
        out[props["name"]] = Country(props["name"], props.get("iso", ""), rings, feature)
    return out


def _project(lat0: float, lon0: float):
    kx = math.cos(math.radians(lat0)) * math.pi * EARTH_KM / 180
    ky = math.pi * EARTH_KM / 180
    return lambda lon, lat: ((lon - lon0) * kx, (lat - lat0) * ky)


def _segment_km(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    cx, cy = ax + t * dx, ay + t * dy
    return math.hypot(px - cx, py - cy)


def distance_to_rings_km(lat: float, lon: float, rings: list[Ring], within_deg: float = 15.0) -> float:
    """Shortest distance from the point to any edge of the rings (rings far away skipped)."""
    proj = _project(lat, lon)
    best = math.inf
    for ring in sorted(rings, key=lambda r: _bbox_gap(r.bbox, lon, lat)):
        gap = _bbox_gap(ring.bbox, lon, lat)
        if gap > within_deg or gap * 60 > best:  # a degree is >= 60 km of latitude
            continue
        pts = [proj(x, y) for x, y in ring.points]
        for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1], strict=True):
            best = min(best, _segment_km(0.0, 0.0, ax, ay, bx, by))
    return best


def _bbox_gap(bbox: tuple[float, float, float, float], lon: float, lat: float) -> float:
    """Rough distance in degrees of latitude from the point to a box (0 inside)."""
    dx = max(bbox[0] - lon, 0.0, lon - bbox[2]) * math.cos(math.radians(lat))
    dy = max(bbox[1] - lat, 0.0, lat - bbox[3])
    return math.hypot(dx, dy)


def shared_boundary(a: Country, b: Country, tolerance_km: float = 3.0) -> list[tuple[float, float]]:
    """Vertices of `a`'s boundary lying within `tolerance_km` of `b`'s: the common border."""
    ax0, ay0, ax1, ay1 = a.bbox()
    bx0, by0, bx1, by1 = b.bbox()
    out = []
    b_rings = b.rings()
    for ring in a.rings():
        for lon, lat in ring.points:
            if bx0 - 0.1 <= lon <= bx1 + 0.1 and by0 - 0.1 <= lat <= by1 + 0.1:
                if distance_to_rings_km(lat, lon, b_rings, within_deg=0.2) <= tolerance_km:
                    out.append((lon, lat))
    return out


def distance_to_points_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Distance to the polyline through `points` taken in order (gaps over 30 km skipped)."""
    if not points:
        return math.inf
    proj = _project(lat, lon)
    pts = [proj(x, y) for x, y in points]
    best = min(math.hypot(x, y) for x, y in pts)
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        if math.hypot(bx - ax, by - ay) <= 30:
            best = min(best, _segment_km(0.0, 0.0, ax, ay, bx, by))
    return best
