"""ACLED-style CSV: claims as rows an ACLED user can load next to ACLED data.

The mapping from forcewatch events to ACLED event types, precision codes and source
scales is data (`data/acled.yaml`, documented in docs/exports.md). Claims that are no
events in ACLED's sense (assessments, denials) and negated claims (things that did not
happen) are left out and listed as skipped. Columns ACLED has and claims cannot fill
(actor2, fatalities, ...) are written empty; forcewatch's own columns follow, prefixed
`fw_`.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError
from .claims import attributed_to, claim_date, claim_id, date_span, quantity_parts, source_name
from .geo import Place, claim_place, country_row, source_entry
from .registry import ExportResult, register

MAPPING_FILE = Path(__file__).parent / "data" / "acled.yaml"
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
FW_COLUMNS = ("fw_claim_id", "fw_doc", "fw_event", "fw_item", "fw_equipment", "fw_quantity_low",
              "fw_quantity_high", "fw_modality", "fw_outlet")
COLUMNS = ACLED_COLUMNS + FW_COLUMNS


@lru_cache(maxsize=1)
def mapping() -> dict:
    """The ACLED mapping file, checked for the keys the exporter reads."""
    try:
        data = yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{MAPPING_FILE}: not valid YAML: {exc}") from exc
    for key in ("events", "time_precision", "geo_precision", "inter_codes", "source_scale"):
        if key not in data:
            raise KnowledgeError(f"{MAPPING_FILE}: the key {key!r} is missing; restore it from the shipped file.")
    return data


def skip_reason(claim: dict) -> str | None:
    """Why a claim is no ACLED event, or None when it is one."""
    if claim.get("negated"):
        return "negated: the text says it did not happen"
    if mapping()["events"].get(claim.get("event")) is None:
        return f"event {claim.get('event')!r} is a statement, not an ACLED event"
    if date_span(claim_date(claim)) is None:
        return "no date"
    return None


def event_types(claim: dict) -> dict[str, str]:
    """ACLED event, sub-event and disorder type of an event claim."""
    types = dict(mapping()["events"][claim["event"]])
    if claim["event"] == "strike" and claim.get("item") in mapping().get("air_strike_items", []):
        types["sub_event_type"] = mapping()["air_strike_sub_event_type"]
    return types


def _type_key(kind: str | None) -> str:
    """The mapping writes `think_tank`, the knowledge base `think tank`: compare them alike."""
    return (kind or "").casefold().replace(" ", "_")


def source_scale(claim: dict, country: str | None) -> str:
    """ACLED source scale from the source's type and country."""
    entry = source_entry(source_name(claim.get("source")))
    if entry is None:
        return "Other"
    scales = {_type_key(kind): scale for kind, scale in mapping()["source_scale"].items()}
    scale = scales.get(_type_key(getattr(entry, "type", None)))
    if scale:
        return scale
    src_country = getattr(entry, "country", None)
    if not src_country or not country:
        return "Other"
    return "National" if src_country == country else "International"


def actor_columns(claim: dict, country: str | None) -> dict[str, Any]:
    """actor1, inter1 and interaction: state forces at home, external forces abroad."""
    actor = claim.get("actor")
    if not actor:
        return {"actor1": "", "inter1": "", "interaction": ""}
    codes = mapping()["inter_codes"]
    inter = codes["own_territory"] if country and actor == country else codes["abroad"]
    return {"actor1": f"Military Forces of {actor}", "inter1": inter, "interaction": inter * 10}


def place_columns(place: Place) -> dict[str, Any]:
    """ACLED's place columns, with the country's ISO codes and the geo precision."""
    row = country_row(place.country)
    return {
        "iso": row["isonumeric"] if row else "", "country": place.country or "",
        "admin1": place.admin1 or "", "location": place.name or "",
        "latitude": "" if place.lat is None else round(place.lat, 4),
        "longitude": "" if place.lon is None else round(place.lon, 4),
        "geo_precision": mapping()["geo_precision"].get(place.kind, "") if place.lat is not None else "",
        "event_id_cnty": f"{row['iso3'] if row else 'XXX'}-FW-",
    }


def date_columns(claim: dict) -> dict[str, Any]:
    """event_date, year and time_precision; a partial date is written as its first day."""
    value = claim_date(claim)
    first, _ = date_span(value)
    level = {3: "day", 2: "month", 1: "year"}[len(str(value)[:10].split("-"))]
    return {"event_date": first.isoformat(), "year": first.year,
            "time_precision": mapping()["time_precision"][level]}


def notes(claim: dict) -> str:
    """The evidence sentence, then who said it and how."""
    who = attributed_to(claim) or "unattributed"
    return f"{claim.get('sentence', '').strip()} [source: {who}; {claim.get('modality') or 'asserted'}]"


def acled_row(claim: dict, timestamp: int) -> dict[str, Any]:
    """One ACLED-style row for an event claim (call `skip_reason` first)."""
    place = claim_place(claim)
    low, high, _, _ = quantity_parts(claim)
    row = dict.fromkeys(COLUMNS, "")
    row.update(place_columns(place), **date_columns(claim), **event_types(claim))
    row.update(actor_columns(claim, place.country))
    row["event_id_cnty"] += claim_id(claim)
    row.update(assoc_actor_1=claim.get("unit") or "", source=attributed_to(claim) or "",
               source_scale=source_scale(claim, place.country), notes=notes(claim), timestamp=timestamp,
               civilian_targeting="", region="")
    row.update(fw_claim_id=claim_id(claim), fw_doc=claim.get("doc"), fw_event=claim.get("event"),
               fw_item=claim.get("item") or "", fw_equipment="; ".join(claim.get("equipment") or []),
               fw_quantity_low="" if low is None else low, fw_quantity_high="" if high is None else high,
               fw_modality=claim.get("modality") or "", fw_outlet=claim.get("outlet") or "")
    return row


@register("acled", ".csv", "ACLED-style event rows (mapping in docs/exports.md)")
def write_acled(claims: list[dict], path: Path, context: dict[str, Any]) -> ExportResult:
    """Write the event claims as ACLED rows; statements, negated and undated claims are skipped."""
    result = ExportResult("acled", path)
    timestamp = int(datetime.now(UTC).timestamp())
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for claim in claims:
            reason = skip_reason(claim)
            if reason:
                result.skipped.append((claim_id(claim), reason))
                continue
            writer.writerow(acled_row(claim, timestamp))
            result.written += 1
    return result
