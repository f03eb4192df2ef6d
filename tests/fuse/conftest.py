"""Fusion tests build their claims with `make_claim` (shared with the assessment tests)."""

from claims_fixtures import make_claim  # noqa: F401 - a fixture, registered by importing it
