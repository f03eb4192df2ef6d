"""Extraction: cleaned text -> mentions -> attributed claims.

    from forcewatch.extract import extract_claims, load_nlp

Exports load on first use, so importing a subpackage (`forcewatch.extract.mentions`)
does not pull in claim extraction.
"""

from __future__ import annotations

__all__ = ["extract_claims", "load_nlp"]


def __getattr__(name: str):
    if name == "extract_claims":
        from .claims import extract_claims

        return extract_claims
    if name == "load_nlp":
        from .nlp import load_nlp

        return load_nlp
    raise AttributeError(f"module 'forcewatch.extract' has no attribute {name!r}")
