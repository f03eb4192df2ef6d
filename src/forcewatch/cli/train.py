"""`forcewatch train ner`: train the re3d NER model."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import JSON_OPTION, console, emit, settings

train_app = typer.Typer(help="Train the statistical models.", no_args_is_help=True)


@train_app.command("ner")
def train_ner_command(
    ctx: typer.Context,
    train: Path = typer.Option(..., "--train", help="CoNLL training file (token TAB BIO-tag)."),
    out: Path = typer.Option(..., "--out", help="Directory to write the trained model to."),
    seed: int = typer.Option(None, "--seed", help="Random seed (default: train.cfg)."),
    epochs: int = typer.Option(None, "--epochs", help="Number of epochs (default: train.cfg)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Train the re3d NER on a CoNLL file, on the CPU; same file and seed give the same model.

    Example: forcewatch train ner --train re3d/conll/re3d-train.conll --out ./re3d_ner --seed 0
    """
    from ..extract.mentions.api import train_ner_model

    log = None if as_json else (lambda line: console.print(line, highlight=False))
    summary = train_ner_model(train, out, seed, epochs, settings(ctx), log)
    emit(summary, as_json, lambda s: console.print(f"saved {s['out']} ({s['sentences']} sentences, {s['seconds']} s)"))


@train_app.command("lexicon")
def train_lexicon_command(
    train: Path = typer.Option(..., "--train", help="CoNLL training file (token TAB BIO-tag)."),
    out: Path = typer.Option(..., "--out", help="YAML file to write (the shipped one is data/re3d_lexicon.yaml)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Learn the MilitaryPlatform/Weapon class-noun lexicon (heads, modifiers, articles) from a CoNLL file.

    Example: forcewatch train lexicon --train re3d/conll/re3d-train.conll --out re3d_lexicon.yaml
    """
    from ..extract.mentions.api import learn_lexicon_file

    summary = learn_lexicon_file(train, out)
    emit(summary, as_json, lambda s: console.print(f"saved {s['out']} ({s['heads']} heads from {s['sentences']} sentences)"))


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
