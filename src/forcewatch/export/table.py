"""CSV and Parquet: one flat row per claim, for spreadsheets, pandas and DuckDB.

Nested fields are spread into columns (`quantity_low`, `location_lat`, ...); lists are
joined with "; " in CSV and kept as lists in Parquet. The Parquet schema is fixed, so an
empty export still tells a reader every column and its type.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .claims import CLAIM_FIELDS, claim_date, claim_id, place_name, quantity_parts, source_name
from .geo import claim_place
from .registry import ExportResult, register

# (column, pyarrow type name); the order is the CSV's column order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("doc", "string"), ("published", "string"), ("date", "string"),
    ("event", "string"), ("actor", "string"), ("item", "string"), ("equipment", "list"),
    ("unit", "string"), ("quantity_low", "int64"), ("quantity_high", "int64"),
    ("quantity_approx", "bool"), ("quantity_text", "string"), ("location", "string"),
    ("location_country", "string"), ("location_lat", "float64"), ("location_lon", "float64"),
    ("origin", "string"), ("destination", "string"), ("source", "string"), ("outlet", "string"),
    ("modality", "string"), ("negated", "bool"), ("sentence", "string"), ("start", "int64"),
    ("end", "int64"), ("extra", "string"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def flat_row(claim: dict) -> dict[str, Any]:
    """The claim as one flat row; fields beyond the schema go into `extra` as JSON."""
    low, high, approx, text = quantity_parts(claim)
    place = claim_place(claim)
    extra = {k: v for k, v in claim.items() if k not in CLAIM_FIELDS}
    return {
        "id": claim_id(claim), "doc": claim.get("doc"), "published": claim.get("published"),
        "date": claim_date(claim), "event": claim.get("event"), "actor": claim.get("actor"),
        "item": claim.get("item"), "equipment": list(claim.get("equipment") or []),
        "unit": claim.get("unit"), "quantity_low": low, "quantity_high": high,
        "quantity_approx": approx, "quantity_text": text, "location": place_name(claim.get("location")),
        "location_country": place.country, "location_lat": place.lat, "location_lon": place.lon,
        "origin": place_name(claim.get("origin")), "destination": place_name(claim.get("destination")),
        "source": source_name(claim.get("source")), "outlet": claim.get("outlet"),
        "modality": claim.get("modality"), "negated": claim.get("negated"),
        "sentence": claim.get("sentence"), "start": claim.get("start"), "end": claim.get("end"),
        "extra": json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
    }


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


@register("csv", ".csv", "one row per claim, for spreadsheets")
def write_csv(claims: list[dict], path: Path, context: dict[str, Any]) -> ExportResult:
    """Write one CSV row per claim, in `COLUMNS` order."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMN_NAMES)
        writer.writeheader()
        for claim in claims:
            writer.writerow({k: _csv_value(v) for k, v in flat_row(claim).items()})
    return ExportResult("csv", path, written=len(claims))


def parquet_schema():
    """The Parquet schema of a claims export."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(),
             "float64": pa.float64(), "list": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS])


@register("parquet", ".parquet", "a typed table for pandas, DuckDB and Arrow")
def write_parquet(claims: list[dict], path: Path, context: dict[str, Any]) -> ExportResult:
    """Write the claims as a typed Parquet table, the filters in its metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(c) for c in claims]
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    filters = json.dumps(context.get("filters") or {}, default=str)
    table = table.replace_schema_metadata({"forcewatch.filters": filters})
    pq.write_table(table, path)
    return ExportResult("parquet", path, written=len(rows))
