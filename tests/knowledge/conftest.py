"""A fresh knowledge base per session (the shipped data only, no user dirs)."""

from __future__ import annotations

import pytest

from forcewatch.knowledge import KnowledgeBase


@pytest.fixture(scope="session")
def base() -> KnowledgeBase:
    return KnowledgeBase([])
