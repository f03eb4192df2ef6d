"""Export tests run on real claims: the analyst's news claims and Eyes on Russia rows."""

from claims_fixtures import claims_all, claims_eor, claims_news  # noqa: F401 - fixtures, registered by importing them
