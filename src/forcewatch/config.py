"""Settings, read from the environment (FORCEWATCH_*) with explicit overrides.

One place decides defaults so the CLI, the library and the web app agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .errors import ConfigError

APP_NAME = "forcewatch"
DEFAULT_SPACY_MODEL = "en_core_web_sm"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    return f"sqlite:///{default_data_dir() / 'forcewatch.db'}"


def _env_paths(name: str) -> list[Path]:
    raw = os.environ.get(name, "")
    return [Path(p) for p in raw.split(os.pathsep) if p]


def _env_list(name: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a whole number; set it to a byte count such as 52428800.") from exc


@dataclass
class Settings:
    """What a run needs to know; every field has an environment variable."""

    db_url: str = field(default_factory=lambda: os.environ.get("FORCEWATCH_DB") or default_db_url())
    spacy_model: str = field(default_factory=lambda: os.environ.get("FORCEWATCH_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    kb_dirs: list[Path] = field(default_factory=lambda: _env_paths("FORCEWATCH_KB_DIRS"))
    max_bytes: int = field(default_factory=lambda: _env_int("FORCEWATCH_MAX_BYTES", DEFAULT_MAX_BYTES))
    token: str | None = field(default_factory=lambda: os.environ.get("FORCEWATCH_TOKEN") or None)
    # Extra Host names the dashboard accepts on loopback (a reverse proxy's name); see web/security.py.
    allowed_hosts: list[str] = field(default_factory=lambda: _env_list("FORCEWATCH_ALLOWED_HOSTS"))


def get_settings(**overrides) -> Settings:
    settings = Settings()
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, value)
    return settings
