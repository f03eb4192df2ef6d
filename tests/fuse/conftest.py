"""Fusion tests build their claims with `make_claim` (shared with the assessment tests) or
take the real news and Eyes on Russia claims."""

from claims_fixtures import claims_all, claims_eor, claims_news, make_claim  # noqa: F401 - fixtures, registered by importing them
