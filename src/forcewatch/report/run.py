"""A brief from the store: what `forcewatch report` does, callable from Python."""

from __future__ import annotations

from pathlib import Path

from ..export.filters import select
from ..export.run import with_ids
from ..export.store_io import document_dicts, load_claims
from .model import Report, build_report


def brief_for(problem: str, as_of: str, claims: list[dict], documents: list[dict] | None = None) -> Report:
    """Assess `problem` on `claims` as of `as_of`, fuse them, and gather the brief."""
    from ..assess import assess
    from ..fuse import fuse

    claims = select(with_ids(claims), until=as_of)  # nothing from after the as-of date
    assessment = assess(problem, claims, as_of).to_dict()
    return build_report(assessment, claims, fusion=fuse(claims), documents=documents)


def report_store(store, problem: str, as_of: str, fmt: str, path: str | Path, *,
                 region: str | None = None, since: str | None = None) -> Path:
    """Write the brief on `problem` as of `as_of` from the stored claims."""
    from . import write_report

    with store.session() as session:
        claims = select(load_claims(session), since=since, region=region)
        documents = document_dicts(session, {str(c["doc"]) for c in claims})
    return write_report(brief_for(problem, as_of, claims, documents), fmt, path)
