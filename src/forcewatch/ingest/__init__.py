"""Ingestion: inputs -> readers -> cleaning, dates, language -> duplicates -> the store.

    from forcewatch.ingest import ingest
    report = ingest(["reports/", "feed.xml"], store)
"""

from .model import RawDocument
from .runner import IngestReport, ingest, prepare

__all__ = ["ingest", "IngestReport", "RawDocument", "prepare"]
