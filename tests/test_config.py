"""Settings come from FORCEWATCH_* variables, with clear errors for bad values."""

from __future__ import annotations

import pytest

from forcewatch.config import get_settings
from forcewatch.errors import ConfigError


def test_database_url_defaults_to_sqlite_in_the_user_data_dir(monkeypatch):
    monkeypatch.delenv("FORCEWATCH_DB", raising=False)
    url = get_settings().db_url
    assert url.startswith("sqlite:///") and url.endswith("forcewatch.db")


def test_environment_and_overrides_set_the_database(monkeypatch):
    monkeypatch.setenv("FORCEWATCH_DB", "sqlite:////tmp/from-env.db")
    assert get_settings().db_url == "sqlite:////tmp/from-env.db"
    assert get_settings(db_url="sqlite:////tmp/cli.db").db_url == "sqlite:////tmp/cli.db"


def test_allowed_hosts_are_a_comma_list(monkeypatch):
    monkeypatch.setenv("FORCEWATCH_ALLOWED_HOSTS", "fw.internal, dashboard.example.org ,")
    assert get_settings().allowed_hosts == ["fw.internal", "dashboard.example.org"]


def test_size_limit_that_is_not_a_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("FORCEWATCH_MAX_BYTES", "50MB")
    with pytest.raises(ConfigError, match="FORCEWATCH_MAX_BYTES"):
        get_settings()


def test_kb_dirs_are_a_path_list(monkeypatch, tmp_path):
    monkeypatch.setenv("FORCEWATCH_KB_DIRS", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    assert [p.name for p in get_settings().kb_dirs] == ["a", "b"]
