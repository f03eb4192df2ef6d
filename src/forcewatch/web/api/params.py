"""Validation patterns shared by the routers (FastAPI names the failing field for us)."""

from __future__ import annotations

# Empty values are allowed (an untouched form field) and read as "no filter".
ISO_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
FULL_DATE = r"^(\d{4}-\d{2}-\d{2})?$"
PROBLEM_ID = r"^[A-Za-z0-9_.-]{1,80}$"
BBOX = r"^$|^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$"
EVENTS = ("deployment", "movement", "withdrawal", "presence", "exercise", "readiness", "strike", "loss",
          "assessment", "denial")
MODALITIES = ("asserted", "reported", "alleged", "expected", "planned", "denied")
EVENTS_PATTERN = "^(" + "|".join(EVENTS) + ")?$"
MODALITY_PATTERN = "^(" + "|".join(MODALITIES) + ")?$"
ITEMS = ("personnel", "tank", "armoured_vehicle", "artillery", "rocket_artillery", "air_defence", "aircraft",
         "helicopter", "missile", "drone", "truck", "train", "engineering", "ship", "unit", "equipment")


def blank_to_none(values: dict) -> dict:
    """Form fields left empty mean "no filter"."""
    return {k: (None if v == "" else v) for k, v in values.items()}
