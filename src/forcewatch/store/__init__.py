"""The store: SQLite by default, PostgreSQL for teams, same schema through Alembic."""

from .db import Store, make_engine, migrate, open_store
from .models import Base, Document, IngestRun, Reject

__all__ = ["Store", "open_store", "make_engine", "migrate", "Base", "Document", "IngestRun", "Reject"]
