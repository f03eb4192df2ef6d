"""/api/map: the offline basemap and the military-site layer."""

from __future__ import annotations

from fastapi import APIRouter

from ..data import geo

router = APIRouter(tags=["map"])


@router.get("/map/borders.geojson", summary="Country borders (offline basemap)")
def borders() -> dict:
    return geo.basemap()


@router.get("/map/sites.geojson", summary="Military sites from the gazetteer")
def sites() -> dict:
    return geo.sites()
