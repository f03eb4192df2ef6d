"""claims

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(200), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(120)),
        sa.Column("item", sa.String(40)),
        sa.Column("equipment", sa.JSON, nullable=False),
        sa.Column("unit", sa.String(200)),
        sa.Column("quantity", sa.JSON),
        sa.Column("quantity_low", sa.Integer),
        sa.Column("quantity_high", sa.Integer),
        sa.Column("location", sa.JSON),
        sa.Column("location_name", sa.String(200)),
        sa.Column("location_country", sa.String(120)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("origin", sa.JSON),
        sa.Column("destination", sa.JSON),
        sa.Column("date", sa.String(20)),
        sa.Column("source", sa.JSON),
        sa.Column("source_name", sa.String(300)),
        sa.Column("outlet", sa.String(300)),
        sa.Column("published", sa.String(40)),
        sa.Column("modality", sa.String(12), nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    for column in ("doc_id", "event", "actor", "item", "location_name", "location_country", "date", "source_name", "published"):
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_index("ix_claims_doc_start", "claims", ["doc_id", "start"])


def downgrade() -> None:
    op.drop_table("claims")
