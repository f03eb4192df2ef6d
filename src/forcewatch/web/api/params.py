"""Validation patterns shared by the routers (FastAPI names the failing field for us)."""

from __future__ import annotations

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
BBOX = r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$"
