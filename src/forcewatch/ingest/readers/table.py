"""Event tables (CSV): each row is a short report, read with a profile from tables.yaml.

Rows are structured and already clean, so they skip cleaning, near-duplicate detection
and (when the profile names the language) language detection, and the runner commits them
in batches of whole rows: this keeps thousands of rows per second.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

import yaml

from ...errors import InputError, MalformedInput
from ..model import RawDocument
from ..sources import Source
from . import register
from ._util import safe_id, source_text


@cache
def profiles() -> dict[str, dict]:
    """Table profiles, compiled once."""
    raw = yaml.safe_load(resources.files("forcewatch.ingest").joinpath("data/tables.yaml").read_text("utf-8"))
    for profile in raw.values():
        profile["_strip"] = [re.compile(p) for p in profile.get("strip", [])]
    return raw


@cache
def country_spellings() -> dict[str, str | None]:
    text = resources.files("forcewatch.ingest").joinpath("data/country_spellings.yaml").read_text("utf-8")
    return {k.casefold(): v for k, v in yaml.safe_load(text).items()}


def clean_country(raw: str) -> str | None:
    """A raw country cell ("Belaurs") as a country name ("Belarus"); None for placeholders."""
    raw = raw.strip()
    if not raw:
        return None
    return country_spellings().get(raw.casefold(), raw)


def profile_for(header: list[str]) -> tuple[str, dict] | None:
    columns = set(header)
    for name, profile in profiles().items():
        if set(profile["columns"]) <= columns:
            return name, profile
    return None


def _sniff(source: Source, head: bytes) -> bool:
    return source.suffix in (".csv", ".tsv")


@register("table", extensions=(".csv", ".tsv"), sniff=_sniff)
def read_table(source: Source, ctx) -> Iterator[RawDocument | InputError]:
    """Rows of a CSV/TSV event table."""
    dialect = "excel-tab" if source.suffix == ".tsv" else "excel"
    reader = csv.DictReader(io.StringIO(source_text(source), newline=""), dialect=dialect)
    found = profile_for(reader.fieldnames or [])
    if found is None:
        yield MalformedInput(source.label, f"no table profile matches the columns {reader.fieldnames}",
                             "add a profile to forcewatch/ingest/data/tables.yaml or a text column", 1)
        return
    name, profile = found
    try:
        for row in reader:
            yield row_document(row, reader.line_num, profile, name, source)
    except csv.Error as exc:
        yield MalformedInput(source.label, f"invalid CSV on line {reader.line_num}: {exc}", "fix the file",
                             reader.line_num)


def row_document(row: dict, line: int, profile: dict, name: str, source: Source) -> RawDocument | InputError:
    id_spec = profile.get("id", {})
    row_id = (row.get(id_spec.get("column", "")) or "").strip() or f"{source.stem}-{line}"
    text = row_text(row, profile)
    if not text:
        return MalformedInput(source.label, f"row {row_id} on line {line} has no text", "fill the text columns", line)
    published = (row.get(profile.get("date", "")) or "").strip() or None
    return RawDocument(
        doc_id=id_spec.get("prefix", "") + safe_id(row_id),
        input=f"{source.label}#{row_id}",
        reader="table",
        text=text,
        title=(row.get("title") or "").strip() or None,
        url=(row.get(profile.get("url", "")) or "").strip() or None,
        outlet=profile.get("outlet"),
        published=published,
        published_how="table" if published else None,
        language=profile.get("language"),
        needs_cleaning=False,
        near_dup=False,
        batch=True,
        hash_extra="|".join((row.get(col) or "").strip() for col in profile.get("distinct", [])),
        meta=row_meta(row, profile, name),
    )


def row_text(row: dict, profile: dict) -> str:
    """Join the text columns, skipping one that only repeats what came before."""
    parts: list[str] = []
    for column in profile["text"]:
        value = (row.get(column) or "").strip()
        for pattern in profile["_strip"]:
            value = pattern.sub("", value).strip()
        if value and not any(value.casefold() in p.casefold() or p.casefold() in value.casefold() for p in parts):
            parts.append(value)
        elif value and parts and parts[-1].casefold() in value.casefold():
            parts[-1] = value  # the later column says the same and more
    return ". ".join(p.rstrip(".") for p in parts)


def row_meta(row: dict, profile: dict, name: str) -> dict:
    meta: dict = {"table": name}
    for key, column in profile.get("meta", {}).items():
        value = (row.get(column) or "").strip()
        if value:
            meta[key] = value
    for key in profile.get("numbers", []):
        meta[key] = _number(meta.get(key))
    for key in profile.get("clean", []):
        if key in meta:
            meta[f"{key}_raw"], meta[key] = meta[key], clean_country(meta[key])
    return meta


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
