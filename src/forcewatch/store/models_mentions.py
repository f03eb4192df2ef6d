"""The mentions table (migration 0002): one row per mention of a stored document."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class Mention(Base):
    """A typed span of `documents.text`; deleted with its document."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_doc_start", "doc_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(40), index=True)
    re3d_type: Mapped[str] = mapped_column(String(40))
    kb_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    component: Mapped[str] = mapped_column(String(60))

