"""Report tests run on the same real claims as the export tests."""

from claims_fixtures import claims_eor, claims_news, need_service  # noqa: F401 - fixtures, registered by importing them
