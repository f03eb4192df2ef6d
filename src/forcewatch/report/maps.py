"""An offline map of claims and military sites, drawn as SVG from GeoJSON borders.

No tile server: country outlines come from the knowledge base
(`kb.places.borders_geojson()`), the projection is equirectangular scaled by the cosine
of the middle latitude (true enough for a region a few hundred km across), and every
label is escaped. `claims_map_svg` is reused by the web dashboard.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..export.claims import claim_date, claim_id, place_name
from ..export.geo import claim_place, knowledge_base, resolve

EVENT_COLOURS = {
    "deployment": "#c0392b", "movement": "#e67e22", "withdrawal": "#27ae60", "presence": "#8e44ad",
    "exercise": "#2980b9", "readiness": "#d35400", "strike": "#7b241c", "loss": "#566573",
    "assessment": "#7f8c8d", "denial": "#95a5a6",
}
DEFAULT_EXTENT = (22.0, 44.0, 41.0, 57.0)  # west, south, east, north: Belarus, Ukraine, western Russia


@dataclass(frozen=True)
class Extent:
    west: float
    south: float
    east: float
    north: float


class Projection:
    """Degrees to pixels inside a `width` x `height` frame, keeping shapes right."""

    def __init__(self, extent: Extent, width: int, height: int):
        self.extent = extent
        self.kx = math.cos(math.radians((extent.south + extent.north) / 2))
        span_x = (extent.east - extent.west) * self.kx
        span_y = extent.north - extent.south
        self.scale = min(width / span_x, height / span_y)
        self.ox = (width - span_x * self.scale) / 2
        self.oy = (height - span_y * self.scale) / 2

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = self.ox + (lon - self.extent.west) * self.kx * self.scale
        y = self.oy + (self.extent.north - lat) * self.scale
        return round(x, 1), round(y, 1)

    def km_to_px(self, km: float) -> float:
        """Pixels for a north-south distance in kilometres."""
        return km / 111.32 * self.scale


def load_borders() -> dict | None:
    """Country borders from the knowledge base, or None when it has none here."""
    kb = knowledge_base()
    try:
        return kb.places.borders_geojson() if kb is not None else None
    except Exception:  # noqa: BLE001 - a map without borders is still a map
        return None


def map_points(claims: list[dict]) -> list[dict]:
    """Claims that can be placed: `{"lat", "lon", "event", "label", "id", "negated"}`.

    Claims placed only by their country are left off: a dot at the capital would say
    something the text does not."""
    points = []
    for claim in claims:
        place = claim_place(claim)
        if place.lat is None or place.kind == "country":
            continue
        label = f"{claim_date(claim) or ''} {claim.get('event')}: {place.name or ''}".strip()
        points.append({"lat": place.lat, "lon": place.lon, "event": claim.get("event"), "label": label,
                       "id": claim_id(claim), "negated": bool(claim.get("negated")), "place": place.name})
    return points


def fit_extent(points: list[tuple[float, float]], min_span: float = 4.0) -> Extent:
    """A frame around (lat, lon) points with a margin; the default region when none."""
    if not points:
        return Extent(*DEFAULT_EXTENT)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    pad_lat = max((max(lats) - min(lats)) * 0.15, (min_span - (max(lats) - min(lats))) / 2, 0.5)
    pad_lon = max((max(lons) - min(lons)) * 0.15, (min_span * 1.5 - (max(lons) - min(lons))) / 2, 0.8)
    return Extent(min(lons) - pad_lon, min(lats) - pad_lat, max(lons) + pad_lon, max(lats) + pad_lat)


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def _touches(ring: list[list[float]], e: Extent) -> bool:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return not (max(lons) < e.west or min(lons) > e.east or max(lats) < e.south or min(lats) > e.north)


def _ring_path(ring: list[list[float]], project: Projection) -> str:
    coords = [project(lon, lat) for lon, lat in ring[:]]
    return "M" + "L".join(f"{x},{y}" for x, y in coords) + "Z"


def _label_point(rings: list[list[list[float]]], e: Extent) -> tuple[float, float] | None:
    """The mean of a country's vertices inside the frame: where its name can go."""
    inside = [(lon, lat) for ring in rings for lon, lat in ring
              if e.west < lon < e.east and e.south < lat < e.north]
    if len(inside) < 3:
        return None
    return sum(p[0] for p in inside) / len(inside), sum(p[1] for p in inside) / len(inside)


def _country_layer(borders: dict | None, project: Projection) -> tuple[list[str], list[str]]:
    shapes, labels = [], []
    for feature in (borders or {}).get("features", []):
        rings = [poly[0] for poly in _polygons(feature.get("geometry") or {}) if poly and poly[0]]
        rings = [r for r in rings if _touches(r, project.extent)]
        if not rings:
            continue
        name = (feature.get("properties") or {}).get("name", "")
        path = "".join(_ring_path(r, project) for r in rings)
        shapes.append(f'<path {_cls("country")} d="{path}"><title>{escape(name)}</title></path>')
        spot = _label_point(rings, project.extent)
        if spot:
            x, y = project(*spot)
            labels.append(f'<text {_cls("country-label")} x="{x}" y="{y}">{escape(name.upper())}</text>')
    return shapes, labels


def _point_marks(points: list[dict], project: Projection) -> list[str]:
    marks = []
    for p in points:
        x, y = project(p["lon"], p["lat"])
        colour = EVENT_COLOURS.get(p["event"], "#333333")
        fill = "white" if p["negated"] else colour
        marks.append(f'<circle class="claim" data-claim={quoteattr(p["id"])} cx="{x}" cy="{y}" r="5" '
                     f'fill="{fill}" stroke="{colour}" stroke-width="1.5"><title>{escape(p["label"])}</title></circle>')
    return marks


def _site_marks(sites: list[dict], project: Projection) -> list[str]:
    marks = []
    for s in sites:
        x, y = project(s["lon"], s["lat"])
        marks.append(f'<path {_cls("site")} d="M{x},{y - 6}L{x + 5},{y + 4}L{x - 5},{y + 4}Z">'
                     f'<title>{escape(s["name"])}</title></path>'
                     f'<text {_cls("site-label")} x="{x + 7}" y="{y + 4}">{escape(s["name"])}</text>')
    return marks


def _legend(points: list[dict], sites: list[dict], width: int) -> list[str]:
    entries = [(e, EVENT_COLOURS[e]) for e in EVENT_COLOURS if any(p["event"] == e for p in points)]
    out, y = [], 16
    for event, colour in entries:
        out.append(f'<circle cx="{width - 110}" cy="{y}" r="5" fill="{colour}"/>'
                   f'<text {_cls("legend")} x="{width - 100}" y="{y + 4}">{escape(event)}</text>')
        y += 16
    if sites:
        out.append(f'<path {_cls("site")} d="M{width - 110},{y - 6}L{width - 105},{y + 4}L{width - 115},{y + 4}Z"/>'
                   f'<text {_cls("legend")} x="{width - 100}" y="{y + 4}">military site</text>')
    return out


def _scale_bar(project: Projection, height: int) -> str:
    km = 100 if project.km_to_px(100) < 160 else 50
    px = round(project.km_to_px(km), 1)
    y = height - 14
    return (f'<path {_cls("scale")} d="M10,{y}H{10 + px}"/><text {_cls("legend")} x="10" y="{y - 4}">{km} km</text>')


# Presentation attributes, not CSS: every SVG renderer (browsers, WeasyPrint, QGIS) reads them.
ATTRS = {
    "country": 'fill="#f3f1ea" stroke="#8c8c8c" stroke-width="0.8"',
    "country-label": 'font-family="sans-serif" font-size="11" font-weight="bold" fill="#9a9a9a" text-anchor="middle"',
    "site": 'fill="#222222" stroke="#ffffff" stroke-width="0.6"',
    "site-label": 'font-family="sans-serif" font-size="9" fill="#222222"',
    "legend": 'font-family="sans-serif" font-size="10" fill="#222222"',
    "scale": 'stroke="#222222" stroke-width="2" fill="none"',
}


def _cls(name: str) -> str:
    return f'class="{name}" {ATTRS[name]}'


def claims_map_svg(claims: list[dict], borders: dict | None = None, sites: list[dict] | None = None,
                   width: int = 720, height: int = 480, extent: Extent | None = None) -> str:
    """An SVG map: country outlines, a circle per placed claim (colour = event, hollow =
    negated), a triangle per site (`{"name", "lat", "lon"}`), a legend and a scale bar."""
    points = map_points(claims)
    sites = [s for s in sites or [] if s.get("lat") is not None and s.get("lon") is not None]
    frame = extent or fit_extent([(p["lat"], p["lon"]) for p in points] + [(s["lat"], s["lon"]) for s in sites])
    project = Projection(frame, width, height)
    shapes, labels = _country_layer(borders, project)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="claims-map" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="Map of claims">',
             '<defs><clipPath id="frame"><rect width="100%" height="100%"/></clipPath></defs>',
             f'<rect width="{width}" height="{height}" fill="#dfe9f2"/>',
             '<g clip-path="url(#frame)">', *shapes, *labels, *_site_marks(sites, project),
             *_point_marks(points, project), "</g>", *_legend(points, sites, width), _scale_bar(project, height),
             f'<rect width="{width}" height="{height}" fill="none" stroke="#555"/>', "</svg>"]
    return "".join(parts)


def sites_near(claims: list[dict]) -> list[dict]:
    """Military sites (training grounds, bases) the claims name, from the gazetteer."""
    seen: dict[str, dict] = {}
    for claim in claims:
        for key in ("location", "origin", "destination"):
            place = resolve(place_name(claim.get(key)))
            if place is not None and place.kind == "site" and place.lat is not None:
                seen.setdefault(place.name, {"name": place.name, "lat": place.lat, "lon": place.lon})
    return list(seen.values())
