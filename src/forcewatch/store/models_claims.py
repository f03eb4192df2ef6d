"""The claims table (migration 0003): one row per claim, every schema field a column.

Place-like fields (location, origin, destination) and the source are JSON objects as the
schema allows (name plus lat/lon/country, or name plus how/type/reliability); the
columns `location_name`, `source_name` and `date` make the common filters cheap.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class Claim(Base):
    """One attributed statement about forces, read from one sentence of a stored document."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_doc_start", "doc_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(20), index=True)
    actor: Mapped[str | None] = mapped_column(String(120), nullable=True, index=True)
    item: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    equipment: Mapped[list] = mapped_column(JSON, default=list)
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    quantity: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    quantity_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quantity_high: Mapped[int | None] = mapped_column(Integer, nullable=True)
    location: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    location_name: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    location_country: Mapped[str | None] = mapped_column(String(120), nullable=True, index=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    origin: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    destination: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    date: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    source: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    source_name: Mapped[str | None] = mapped_column(String(300), nullable=True, index=True)
    outlet: Mapped[str | None] = mapped_column(String(300), nullable=True)
    published: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    modality: Mapped[str] = mapped_column(String(12))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
