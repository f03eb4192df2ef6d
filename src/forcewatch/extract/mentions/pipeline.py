"""Building the mention pipeline from `config.cfg`, and reading mentions off a Doc."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config, load_model_from_config

from ...config import Settings, get_settings
from ...errors import ExtractionError
from . import components, tokenizer  # noqa: F401  (registers factories and the tokenizer)
from .basemodel import resolve_model_path
from .components.spans import MENTIONS_KEY, set_span_extensions
from .types import Mention

HERE = Path(__file__).parent
CONFIG_PATH = HERE / "config.cfg"
MODEL_DIR = HERE / "model"


def build_pipeline(base_model: str, ner_model: Path = MODEL_DIR, **overrides) -> Language:
    """A new pipeline from `config.cfg`; `overrides` are dotted config keys (e.g. components.merger.debug)."""
    if not (Path(ner_model) / "config.cfg").is_file():
        raise ExtractionError(
            f"the trained NER model is missing at {ner_model}; train one with "
            "`forcewatch train ner --train re3d-train.conll --out DIR` and point to it"
        )
    values = {"paths.base_model": str(resolve_model_path(base_model)), "paths.ner_model": str(ner_model), **overrides}
    config = load_config(CONFIG_PATH, overrides=values, interpolate=False)
    set_span_extensions()
    return load_model_from_config(config, auto_fill=True, validate=True)


@lru_cache(maxsize=4)
def _cached(base_model: str) -> Language:
    return build_pipeline(base_model)


def load_pipeline(settings: Settings | None = None) -> Language:
    """The mention pipeline for `settings.spacy_model`, built once per process."""
    settings = settings or get_settings()
    return _cached(settings.spacy_model)


def mentions_of(doc: Doc) -> list[Mention]:
    """The mentions the merger left in `doc.spans["mentions"]`, in text order."""
    out = []
    for span in doc.spans.get(MENTIONS_KEY, []):
        out.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                type=span.label_,
                kb_id=span.kb_id_ or None,
                component=span._.fw_component or "",
                re3d_type=span._.fw_re3d or span.label_,
            )
        )
    return out


def extract_mentions(text: str, settings: Settings | None = None) -> list[Mention]:
    """Mentions in `text` (offsets into `text`), from the cached pipeline."""
    return mentions_of(load_pipeline(settings)(text))
