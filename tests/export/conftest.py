from __future__ import annotations

import pytest
from claimdata import eor_claims, news_claims


@pytest.fixture(scope="session")
def claims_news(corpus):
    return news_claims(corpus)


@pytest.fixture(scope="session")
def claims_eor(corpus):
    return eor_claims(corpus)


@pytest.fixture(scope="session")
def claims_all(claims_news, claims_eor):
    return claims_news + claims_eor
