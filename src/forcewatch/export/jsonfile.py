"""JSON: the lossless format, read back by `forcewatch import`.

One object: `{"format": "forcewatch.claims", "version": 1, "exported_at", "filters",
"claims": [...], "documents": [...]}`. Claims are written as they are (every field and
extra kept); documents are included when the caller passes them, so a store can be
rebuilt from the file alone. `read_claims` also takes a bare list or JSON Lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, MalformedInput, MissingInput, UnreadableInput
from .claims import check_claim
from .registry import ExportResult, register

FORMAT_NAME = "forcewatch.claims"
FORMAT_VERSION = 1


def envelope(claims: list[dict], context: dict[str, Any]) -> dict[str, Any]:
    """The JSON document for `claims`; `context` may add `filters`, `documents`, `created`."""
    created = context.get("created") or datetime.now(UTC).replace(microsecond=0).isoformat()
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": str(created),
        "filters": context.get("filters") or {},
        "claims": claims,
        "documents": context.get("documents") or [],
    }


@register("json", ".json", "lossless JSON that `forcewatch import` reads back")
def write_json(claims: list[dict], path: Path, context: dict[str, Any]) -> ExportResult:
    """Write the claims, filters and documents as one lossless JSON document."""
    with open(path, "w", encoding="utf-8") as out:
        json.dump(envelope(claims, context), out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")
    return ExportResult("json", path, written=len(claims))


@dataclass
class ImportBatch:
    """Claims and documents read from a file, and the items that were rejected."""

    claims: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    rejects: list[InputError] = field(default_factory=list)


def _first_line_is_json(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _load(path: Path) -> tuple[Any, bool]:
    """The parsed file, and whether it was JSON Lines."""
    if not path.is_file():
        raise MissingInput(str(path), "no such file", "give the path of a file made by `forcewatch export --format json`")
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise UnreadableInput(str(path), f"cannot read it as UTF-8 text: {exc}") from exc
    try:
        return json.loads(text), False
    except json.JSONDecodeError as exc:
        if _first_line_is_json(text):
            return text, True  # JSON Lines: parsed line by line below
        raise MalformedInput(str(path), f"invalid JSON: {exc.msg}", "export it again with --format json", exc.lineno) from exc


def _jsonl_items(path: Path, text: str, batch: ImportBatch) -> list[tuple[int | None, Any]]:
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            batch.rejects.append(MalformedInput(str(path), f"invalid JSON line: {exc.msg}", "", number))
    return items


def _claim_items(path: Path, data: Any) -> tuple[list[tuple[int | None, Any]], list[dict]]:
    if isinstance(data, list):
        return [(None, c) for c in data], []
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        if data.get("format", FORMAT_NAME) != FORMAT_NAME:
            raise MalformedInput(str(path), f"format {data.get('format')!r} is not {FORMAT_NAME!r}")
        return [(None, c) for c in data["claims"]], list(data.get("documents") or [])
    raise MalformedInput(str(path), "no claims found", "expected a forcewatch JSON export, a list of claims or JSON Lines")


def read_claims(path: str | Path) -> ImportBatch:
    """Read a JSON export (or a list of claims, or JSON Lines); bad claims are recorded in
    `rejects` and the rest are kept."""
    path = Path(path)
    batch = ImportBatch()
    data, is_lines = _load(path)
    items = _jsonl_items(path, data, batch) if is_lines else None
    if items is None:
        items, batch.documents = _claim_items(path, data)
    for index, (line, claim) in enumerate(items):
        where = f"{path} claim #{index + 1}"
        try:
            batch.claims.append(check_claim(claim, where if line is None else f"{path}:{line}"))
        except InputError as exc:
            batch.rejects.append(exc)
    return batch
