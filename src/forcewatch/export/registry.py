"""The exporter registry: one module per format registers a writer under its name.

A writer takes the claims, an output path and a context (filters, contradictions,
documents, `created`) and returns what it wrote, so the CLI can tell the user what was
left out and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError


@dataclass
class ExportResult:
    """What an exporter wrote: how many claims, and which it left out with the reason."""

    format: str
    path: Path
    written: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (claim id, reason)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data, for `--json` output."""
        return {"format": self.format, "path": str(self.path), "written": self.written,
                "skipped": [{"claim": cid, "reason": why} for cid, why in self.skipped]}


Writer = Callable[[list[dict], Path, dict[str, Any]], ExportResult]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str
    description: str
    write: Writer


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, suffix: str, description: str) -> Callable[[Writer], Writer]:
    """Decorator: make `write` available as `export(..., fmt=name)`."""

    def decorate(write: Writer) -> Writer:
        EXPORTERS[name] = Exporter(name, suffix, description, write)
        return write

    return decorate


def get_exporter(name: str) -> Exporter:
    """The exporter registered as `name`; ConfigError naming the known formats otherwise."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ConfigError(
            f"unknown export format {name!r}; choose one of {', '.join(sorted(EXPORTERS))}."
        ) from None
