"""Exports from the store: what `forcewatch export` does, callable from Python."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .claims import claim_id
from .filters import cited_ids, select
from .registry import ExportResult
from .store_io import document_dicts, load_claims


def with_ids(claims: list[dict]) -> list[dict]:
    """Claims with an `id` each, so fusion, assessment and exports name them alike."""
    return [c if c.get("id") not in (None, "") else dict(c, id=claim_id(c)) for c in claims]


def problem_evidence(problem: str, claims: list[dict], as_of: str | date) -> set[str]:
    """Ids of the claims the assessment of `problem` as of `as_of` cites."""
    from ..assess import assess

    return cited_ids(assess(problem, claims, as_of).to_dict())


def contradictions_of(claims: list[dict]) -> list[dict]:
    """The contradictions fusion finds among `claims`, as dicts."""
    from ..fuse import fuse

    return [c.to_dict() for c in fuse(claims).contradictions]


def export_store(store, fmt: str, path: str | Path, *, since: str | None = None, until: str | None = None,
                 region: str | None = None, problem: str | None = None, as_of: str | None = None) -> ExportResult:
    """Export the stored claims that pass the filters; `problem` keeps the claims its
    assessment (as of `as_of`, else `until`, else today) cites as evidence."""
    from . import export

    with store.session() as session:
        claims = with_ids(load_claims(session))
        cited = problem_evidence(problem, claims, as_of or until or date.today().isoformat()) if problem else None
        chosen = select(claims, since=since, until=until, region=region, cited=cited)
        documents = document_dicts(session, {str(c["doc"]) for c in chosen})
    filters = {k: v for k, v in dict(since=since, until=until, region=region, problem=problem, as_of=as_of).items() if v}
    context: dict[str, Any] = {"filters": filters, "documents": documents}
    if fmt == "stix" and chosen:
        context["contradictions"] = contradictions_of(chosen)
    return export(chosen, fmt, path, **context)
