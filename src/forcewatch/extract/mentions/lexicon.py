"""A class-noun lexicon for MilitaryPlatform and Weapon learned from annotated CoNLL data.

re3d annotates platforms and weapons mostly by their class noun ("aircraft", "VBIEDs",
"chemical weapons"), inconsistently: "strikes" is a Weapon 13 times in re3d-train and
plain text 54 times. A ruler that knows which head nouns the annotators usually mark,
which modifiers they take into the span ("chemical weapons", "ISIL tanks") and how often
they take the article ("a heavy machine gun" against "a [tank]") reproduces the
convention better than a fixed word list. `learn_lexicon` counts these from training
sentences only; `forcewatch train lexicon` writes the counts to `data/re3d_lexicon.yaml`,
which the `forcewatch_lexicon_ruler_v1` component reads (see components/lexicon_ruler.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .conll import Sentence, bio_spans

LEARNED_TYPES = ("MilitaryPlatform", "Weapon")
ARTICLES = {"a", "an", "the"}


def head_key(word: str) -> str:
    """The lower-cased word without a plural "s" ("VBIEDs" -> "vbied", "aircraft" stays)."""
    low = word.lower()
    if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


@dataclass
class Lexicon:
    """Counts behind the ruler: heads, modifiers inside spans, and article inclusion per type."""

    heads: dict[str, dict[str, int]] = field(default_factory=dict)  # key -> {type: n, "seen": n}
    modifiers: dict[str, dict[str, int]] = field(default_factory=dict)  # word -> {"inside": n, "outside": n}
    articles: dict[str, dict[str, int]] = field(default_factory=dict)  # type -> {"inside": n, "outside": n}

    def head_type(self, key: str, min_ratio: float, min_count: int) -> str | None:
        """The type annotated on head `key` when it is annotated often enough, else None."""
        counts = self.heads.get(key)
        if not counts:
            return None
        label, count = max(((t, n) for t, n in counts.items() if t != "seen"), key=lambda x: (x[1], x[0]))
        ok = count >= min_count and count / max(counts["seen"], 1) >= min_ratio
        return label if ok else None

    def takes_modifier(self, word: str, min_ratio: float) -> bool:
        """Whether annotators put `word` inside the span when it precedes a learned head."""
        counts = self.modifiers.get(word.lower())
        if not counts:
            return False
        return counts["inside"] / (counts["inside"] + counts["outside"]) >= min_ratio and counts["inside"] >= 1

    def takes_article(self, label: str) -> bool:
        """Whether spans of `label` usually start with their article ("a mortar")."""
        counts = self.articles.get(label, {"inside": 0, "outside": 0})
        return counts["inside"] > counts["outside"]

    def as_dict(self) -> dict:
        return {"heads": self.heads, "modifiers": self.modifiers, "articles": self.articles}


def _span_parts(words: tuple[str, ...], start: int, end: int) -> tuple[bool, list[str]]:
    """(starts with an article, the modifier words before the head) of a gold span."""
    has_article = words[start].lower() in ARTICLES
    first = start + 1 if has_article else start
    return has_article, [w.lower() for w in words[first : end - 1]]


def learn_lexicon(sentences: list[Sentence], types: tuple[str, ...] = LEARNED_TYPES) -> Lexicon:
    """Count heads, modifiers and articles of the `types` spans in `sentences`."""
    spans = [(s, a, b, t) for s in sentences for a, b, t in bio_spans(s.tags) if t in types]
    heads: dict[str, Counter] = defaultdict(Counter)
    modifiers: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, Counter] = defaultdict(Counter)
    for sentence, start, end, label in spans:
        heads[head_key(sentence.words[end - 1])][label] += 1
        has_article, inside = _span_parts(sentence.words, start, end)
        for word in inside:
            modifiers[word]["inside"] += 1
        if start > 0:
            modifiers[sentence.words[start - 1].lower()]["outside"] += 1
        if has_article or (start > 0 and sentence.words[start - 1].lower() in ARTICLES):
            articles[label]["inside" if has_article else "outside"] += 1
    _count_seen(sentences, heads)
    return Lexicon(_plain(heads), _plain(modifiers, ("inside", "outside")), _plain(articles, ("inside", "outside")))


def _count_seen(sentences: list[Sentence], heads: dict[str, Counter]) -> None:
    for sentence in sentences:
        for word in sentence.words:
            key = head_key(word)
            if key in heads:
                heads[key]["seen"] += 1


def _plain(table: dict[str, Counter], keys: tuple[str, ...] = ()) -> dict[str, dict[str, int]]:
    return {k: {**{name: 0 for name in keys}, **dict(sorted(v.items()))} for k, v in sorted(table.items())}


def save_lexicon(lexicon: Lexicon, path: str | Path, source: str) -> Path:
    """Write `lexicon` as YAML with its provenance (`source`: the training file)."""
    path = Path(path)
    header = (
        "# Learned by `forcewatch train lexicon` from annotated sentences; do not edit by hand,\n"
        "# re-learn instead. heads: head noun (lower case, plural 's' removed) -> times annotated\n"
        "# per type and times seen; modifiers: words inside such spans before the head against\n"
        "# times the word stood just before a span; articles: spans with their article or without.\n"
    )
    body = {"version": 1, "source": source, **lexicon.as_dict()}
    path.write_text(header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def load_lexicon(path: str | Path) -> Lexicon:
    """Read a lexicon written by `save_lexicon`."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return Lexicon(data.get("heads", {}), data.get("modifiers", {}), data.get("articles", {}))
