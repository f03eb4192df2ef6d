"""Great-circle distance, for "same place" tests between geolocated claims."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0


def radians_of(point: tuple[float, float]) -> tuple[float, float, float]:
    """(lat, lon) in radians and cos(lat): what `haversine_rad` needs, computed once per point."""
    lat, lon = math.radians(point[0]), math.radians(point[1])
    return lat, lon, math.cos(lat)


def haversine_rad(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """`haversine_km` on points from `radians_of`; the same arithmetic, so the same result."""
    h = math.sin((b[0] - a[0]) / 2) ** 2 + a[2] * b[2] * math.sin((b[1] - a[1]) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two (lat, lon) points."""
    return haversine_rad(radians_of(a), radians_of(b))
