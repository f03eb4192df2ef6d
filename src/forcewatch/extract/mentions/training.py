"""Training the re3d NER model on the CPU, deterministically.

The model is a spaCy transition-based NER with its own token encoder. It starts from the
base model's NER (same architecture): the encoder and hidden layer are copied, and the
output rows of each re3d action (B-/I-/L-/U-Organisation ...) start from the OntoNotes
action named in `train.cfg` [warm_start.label_map]. 765 sentences are too few to learn
an encoder from scratch; the OntoNotes NER already knows what names look like.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch
from thinc.api import Config

from ...errors import ConfigError
from .basemodel import load_base_model
from .conll import Sentence, bio_spans, to_example

TRAIN_CFG = Path(__file__).with_name("train.cfg")


@dataclass
class TrainResult:
    """What a training run produced: the pipeline, its losses per epoch and the time taken."""

    nlp: Language
    losses: list[float] = field(default_factory=list)
    seconds: float = 0.0


def load_train_config(path: Path | None = None, **overrides) -> Config:
    """The `train.cfg` settings, with `section.key=value` overrides (e.g. training.seed=3)."""
    config = Config().from_disk(path or TRAIN_CFG)
    for dotted, value in overrides.items():
        section, _, key = dotted.rpartition(".")
        config[section][key] = value
    return config


def labels_of(sentences: list[Sentence]) -> list[str]:
    return sorted({label for s in sentences for _, _, label in bio_spans(s.tags)})


def _action_names(ner) -> list[str]:
    return [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]


def _copy_params(target, source) -> None:
    for name in source.param_names:
        target.set_param(name, source.get_param(name).copy())


def warm_start(ner, base_ner, label_map: dict[str, str]) -> None:
    """Copy encoder, hidden layer and mapped output rows of `base_ner` into the fresh `ner`."""
    model, base = ner.model, base_ner.model
    model.get_ref("tok2vec").from_bytes(base.get_ref("tok2vec").to_bytes())
    _copy_params(model.get_ref("lower"), base.get_ref("lower"))
    upper, base_upper = model.get_ref("upper"), base.get_ref("upper")
    weights, bias = upper.get_param("W").copy(), upper.get_param("b").copy()
    base_w, base_b = base_upper.get_param("W"), base_upper.get_param("b")
    base_index = {name: i for i, name in enumerate(_action_names(base_ner))}
    for row, name in enumerate(_action_names(ner)):
        move, _, label = name.partition("-")
        source = base_index.get(f"{move}-{label_map[label]}" if label in label_map else name)
        if source is not None:
            weights[row], bias[row] = base_w[source], base_b[source]
    upper.set_param("W", weights)
    upper.set_param("b", bias)


def build_blank(base: Language, labels: list[str]) -> Language:
    """A one-component pipeline (`ner`) with the base NER's architecture and the given labels."""
    nlp = spacy.blank(base.lang)
    model_cfg = base.config["components"]["ner"]["model"]
    ner = nlp.add_pipe("ner", config={"model": model_cfg})
    for label in labels:
        ner.add_label(label)
    return nlp


def train_ner(
    sentences: list[Sentence],
    base_model: str,
    config: Config | None = None,
    log: Callable[[str], None] | None = None,
    on_epoch: Callable[[int, Language], None] | None = None,
) -> TrainResult:
    """Train the re3d NER on `sentences`; same sentences, config and seed give the same model."""
    config = config or load_train_config()
    settings = config["training"]
    if not sentences:
        raise ConfigError("no training sentences; give a CoNLL file with at least one sentence")
    fix_random_seed(int(settings["seed"]))
    base = load_base_model(base_model)
    nlp = build_blank(base, labels_of(sentences))
    examples = [to_example(nlp.vocab, s) for s in sentences]
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = float(settings["learn_rate"])
    if config["warm_start"].get("enabled", True):
        warm_start(nlp.get_pipe("ner"), base.get_pipe("ner"), dict(config["warm_start"]["label_map"]))
    return _epochs(nlp, examples, optimizer, settings, log, on_epoch)


def _epochs(nlp: Language, examples: list[Example], optimizer, settings, log, on_epoch) -> TrainResult:
    result = TrainResult(nlp)
    started = time.perf_counter()
    rng = random.Random(int(settings["seed"]))
    order = list(examples)
    for epoch in range(int(settings["max_epochs"])):
        rng.shuffle(order)
        sizes = compounding(float(settings["batch_start"]), float(settings["batch_stop"]), float(settings["batch_compound"]))
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=sizes):
            nlp.update(batch, drop=float(settings["dropout"]), sgd=optimizer, losses=losses)
        result.losses.append(round(losses.get("ner", 0.0), 4))
        if log:
            log(f"epoch {epoch + 1}: loss {losses.get('ner', 0.0):.1f}")
        if on_epoch:
            on_epoch(epoch + 1, nlp)
    result.seconds = time.perf_counter() - started
    return result


def predict_spans(nlp: Language, sentences: list[Sentence], name: str = "ner") -> list[list[tuple[int, int, str]]]:
    """Token spans the trained component finds in each pre-tokenised sentence."""
    from .conll import to_doc

    component = nlp.get_pipe(name)
    docs = component.pipe(to_doc(nlp.vocab, s) for s in sentences)
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


def save_model(result: TrainResult, out: str | Path, meta: dict) -> Path:
    """Write the trained pipeline to `out` (a spaCy model directory) with `meta` recorded."""
    out = Path(out)
    nlp = result.nlp
    nlp.meta.update({"name": "re3d_ner", "version": "1.0.0", **meta})
    nlp.meta["forcewatch"] = {"losses": result.losses, "train_seconds": round(result.seconds, 1)}
    nlp.to_disk(out)
    return out
