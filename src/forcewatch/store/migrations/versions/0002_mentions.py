"""mentions

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(200), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("re3d_type", sa.String(40), nullable=False),
        sa.Column("kb_id", sa.String(200)),
        sa.Column("component", sa.String(60), nullable=False),
    )
    op.create_index("ix_mentions_doc_start", "mentions", ["doc_id", "start"])
    op.create_index("ix_mentions_type", "mentions", ["type"])
    op.create_index("ix_mentions_kb_id", "mentions", ["kb_id"])


def downgrade() -> None:
    op.drop_table("mentions")
