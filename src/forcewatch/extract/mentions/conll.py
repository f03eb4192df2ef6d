"""Reading CoNLL files (token TAB BIO-tag, blank line between sentences) into spans and Docs.

The re3d split is tokenised already, so evaluation and training keep those tokens: a
sentence becomes a `Doc` built from its words, never re-tokenised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.vocab import Vocab

from ...errors import MalformedInput, MissingInput

NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "}", "?", "!", "%", "'s", "’s", "n't"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€"}


@dataclass(frozen=True)
class Sentence:
    """One CoNLL sentence: its tokens, their tags and the line where it starts."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    line: int


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL file with one `token<TAB>tag` per line; raise `MalformedInput` on a bad line."""
    path = Path(path)
    if not path.is_file():
        raise MissingInput(str(path), "no such CoNLL file", "give the path to a file such as re3d-test.conll")
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    start = 1
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip("\r\n")
        if not line.strip():
            if words:
                sentences.append(Sentence(tuple(words), tags=tuple(tags), line=start))
            words, tags, start = [], [], number + 1
            continue
        word, tag = _split_line(line, str(path), number)
        words.append(word)
        tags.append(tag)
    if words:
        sentences.append(Sentence(tuple(words), tuple(tags), start))
    return sentences


def _split_line(line: str, where: str, number: int) -> tuple[str, str]:
    parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
    if len(parts) < 2 or not parts[0]:
        raise MalformedInput(where, f"expected 'token<TAB>tag', got {line!r}", "fix or drop the line", line=number)
    tag = parts[-1].strip()
    if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
        raise MalformedInput(where, f"tag {tag!r} is not O, B-TYPE or I-TYPE", "use BIO tags", line=number)
    return parts[0], tag


def bio_spans(tags: list[str] | tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Token spans `(start, end, type)` of BIO tags, seqeval-style: a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    begin, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        continues = kind == "I" and name == label
        if begin is not None and not continues:
            spans.append((begin, i, label))
            begin, label = None, None
        if kind == "B" or (kind == "I" and not continues):
            begin, label = i, name
    return spans


def spaces_for(words: tuple[str, ...] | list[str]) -> list[bool]:
    """Guess the whitespace after each token so the Doc text reads like the original sentence."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE and word not in NO_SPACE_AFTER)
    return spaces


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """A Doc with the sentence's own tokens (no entities)."""
    return Doc(vocab, words=list(sentence.words), spaces=spaces_for(sentence.words))


def to_example(vocab: Vocab, sentence: Sentence) -> Example:
    """A training Example whose reference carries the gold entities."""
    predicted = to_doc(vocab, sentence)
    reference = to_doc(vocab, sentence)
    reference.ents = [Span(reference, s, e, label=t) for s, e, t in bio_spans(sentence.tags)]
    return Example(predicted, reference)
