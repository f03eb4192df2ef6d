"""documents, ingest runs and rejects

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("options", sa.JSON, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("reader", sa.String(40), nullable=False),
        sa.Column("outlet", sa.String(300)),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("published_how", sa.String(60)),
        sa.Column("language", sa.String(12)),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("canonical_id", sa.String(200), sa.ForeignKey("documents.id", ondelete="SET NULL")),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_canonical_id", "documents", ["canonical_id"])
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_rejects_run_id", "rejects", ["run_id"])


def downgrade() -> None:
    op.drop_table("rejects")
    op.drop_table("documents")
    op.drop_table("ingest_runs")
