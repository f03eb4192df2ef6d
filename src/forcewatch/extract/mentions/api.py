"""Library calls behind the CLI commands `train ner` and `eval re3d`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...config import Settings, get_settings
from .conll import read_conll
from .evaluation import evaluate_conll
from .lexicon import learn_lexicon, save_lexicon
from .pipeline import MODEL_DIR, build_pipeline, load_pipeline
from .training import load_train_config, save_model, train_ner


def train_ner_model(
    train_path: str | Path,
    out: str | Path,
    seed: int | None = None,
    epochs: int | None = None,
    settings: Settings | None = None,
    log: Callable[[str], None] | None = None,
) -> dict:
    """Train the re3d NER on a CoNLL file and save it to `out`; returns the run's summary."""
    settings = settings or get_settings()
    overrides = {"training.seed": seed, "training.max_epochs": epochs}
    config = load_train_config(**{k: v for k, v in overrides.items() if v is not None})
    sentences = read_conll(train_path)
    result = train_ner(sentences, settings.spacy_model, config, log=log)
    meta = {"train_file": Path(train_path).name, "sentences": len(sentences), "training": dict(config["training"])}
    save_model(result, out, meta)
    return {"out": str(out), "sentences": len(sentences), "seconds": round(result.seconds, 1), "losses": result.losses}


def learn_lexicon_file(train_path: str | Path, out: str | Path) -> dict:
    """Learn the MilitaryPlatform/Weapon class-noun lexicon from a CoNLL file and write it to `out`."""
    sentences = read_conll(train_path)
    lexicon = learn_lexicon(sentences)
    save_lexicon(lexicon, out, Path(train_path).name)
    return {"out": str(out), "sentences": len(sentences), "heads": len(lexicon.heads), "modifiers": len(lexicon.modifiers)}


def evaluate_re3d(
    conll_path: str | Path,
    lenient: bool = False,
    model_dir: str | Path | None = None,
    settings: Settings | None = None,
) -> dict:
    """Score the mention pipeline (or one with the NER at `model_dir`) on a CoNLL file."""
    settings = settings or get_settings()
    if model_dir is None or Path(model_dir) == MODEL_DIR:
        nlp = load_pipeline(settings)
    else:
        nlp = build_pipeline(settings.spacy_model, Path(model_dir))
    return evaluate_conll(nlp, conll_path, lenient)
