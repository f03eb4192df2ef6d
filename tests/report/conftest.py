from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

# The claim fixtures live with the export tests; load them by path (tests are not a package).
_spec = importlib.util.spec_from_file_location("claimdata", Path(__file__).parents[1] / "export" / "claimdata.py")
claimdata = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(claimdata)


@pytest.fixture(scope="session")
def claims_news(corpus):
    return claimdata.news_claims(corpus)


@pytest.fixture(scope="session")
def claims_eor(corpus):
    return claimdata.eor_claims(corpus)


@pytest.fixture
def need_service():
    return claimdata.need_service
