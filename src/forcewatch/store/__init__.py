"""The store: SQLite by default, PostgreSQL for teams, same schema through Alembic.

Each stage keeps its tables in its own models module; importing them here puts every
table in `Base.metadata`, so the schema test compares all models with the migrations.
"""

from .db import Store, make_engine, migrate, open_store
from .models import Base, Document, IngestRun, Reject
from .models_claims import Claim
from .models_mentions import Mention

__all__ = [
    "Store",
    "open_store",
    "make_engine",
    "migrate",
    "Base",
    "Document",
    "IngestRun",
    "Reject",
    "Mention",
    "Claim",
]
