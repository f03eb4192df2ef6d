"""Processors: later stages (claim extraction, ...) that run on each new document.

A processor is a callable `(session, document_row) -> None`. It runs inside the
document's own transaction, so the document and everything the processor writes for
it are committed together or not at all. Processors see only documents with
`status == "ok"`: duplicates are no new evidence.

    from forcewatch.ingest import hooks

    @hooks.register("forcewatch.claims.v1")
    def extract_claims(session, doc): ...

`forcewatch ingest` runs every registered processor; library callers pass
`processors=hooks.registered()` (or their own list) to `ingest()`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from ..store.models import Document

Processor = Callable[[Session, Document], None]

_REGISTRY: dict[str, Processor] = {}


def register(name: str) -> Callable[[Processor], Processor]:
    """Decorator: register a processor under a versioned name (re-registering replaces it)."""

    def decorate(fn: Processor) -> Processor:
        _REGISTRY[name] = fn
        return fn

    return decorate


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def registered() -> tuple[Processor, ...]:
    """Every registered processor, in registration order."""
    return tuple(_REGISTRY.values())


def names() -> list[str]:
    return list(_REGISTRY)


# Modules that register built-in processors when imported; later stages add theirs here
# (e.g. "forcewatch.extract.hook"). Plugins use the entry-point group below instead.
BUILTIN_MODULES: tuple[str, ...] = ("forcewatch.extract.store_hook",)
ENTRY_POINT_GROUP = "forcewatch.processors"


def load_all() -> tuple[Processor, ...]:
    """Import built-in processor modules and entry-point plugins, then return the registry."""
    import importlib
    from importlib.metadata import entry_points

    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        register(point.name)(point.load())
    return registered()
