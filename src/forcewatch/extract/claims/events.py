"""Event typing: which trigger word governs a force, and what kind of event it names.

Triggers come from the events lexicon (verbs, nouns, particle verbs). A force takes the
trigger closest to it in the dependency tree: a verb that modifies it ("planes *sent* by
Moscow"), then the triggers on its path to the root ("*send* some 170 tanks"), then the
nearest trigger in its clause ("Among the equipment *moved* to the border were tanks").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ...knowledge.lexicons import lexicons


@dataclass
class Trigger:
    token: Token
    event: str


@lru_cache(maxsize=1)
def _verb_events() -> dict[str, str]:
    return {lemma: event for event, lemmas in lexicons().events["verbs"].items() for lemma in lemmas}


@lru_cache(maxsize=1)
def _noun_events() -> dict[str, str]:
    return {lemma: event for event, lemmas in lexicons().events["nouns"].items() for lemma in lemmas}


def _phrasal(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in ("prt", "prep"):
            event = lexicons().events["phrasal"].get(f"{token.lemma_.lower()} {child.lower_}")
            if event:
                return event
    return None


def _reporting(token: Token) -> bool:
    return token.lemma_.lower() in lexicons().attribution["reporting_verbs"] and token.pos_ == "VERB"


def trigger_event(token: Token) -> str | None:
    """The event a token triggers, or None."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if _reporting(token) and lemma not in _verb_events():
            return None
        return _phrasal(token) or _verb_events().get(lemma)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
        return _noun_events().get(lemma) or _noun_events().get(token.lower_)
    return None


def find_triggers(sent: Span) -> list[Trigger]:
    """Every trigger in the sentence, with its event adjusted to the sentence's context."""
    exercise = _exercise_context(sent)
    out = []
    for tok in sent:
        event = trigger_event(tok)
        if event == "strike" and exercise and tok.lemma_.lower() in lexicons().events["exercise_strikes"]:
            event = "exercise"  # "live-fire exercises and guided missile launches"
        if event:
            out.append(Trigger(tok, event))
    return out


def _exercise_context(sent: Span) -> bool:
    text = sent.text.lower()
    return any(cue in text for cue in lexicons().events["exercise_context"])


def _path_distance(head: Token, trig: Token) -> float | None:
    """Steps from the force up to the trigger; 0.5 for a verb modifying the force itself."""
    if trig.head == head and trig.dep_ in ("acl", "relcl"):
        return 0.5
    steps, tok = 0, head
    while tok.head != tok and steps < 8:
        tok, steps = tok.head, steps + 1
        if tok == trig:
            return float(steps)
    return None


def _clause_bounds(sent: Span, token: Token) -> tuple[int, int]:
    """Token range of the ';'-separated clause holding `token`."""
    start, end = sent.start, sent.end
    for tok in sent:
        if tok.text == ";":
            if tok.i < token.i:
                start = tok.i + 1
            elif tok.i > token.i:
                end = tok.i
                break
    return start, end


def choose_trigger(head: Token, triggers: list[Trigger]) -> Trigger | None:
    """The trigger that governs a force's head token (see module docstring)."""
    scored = [(d, t) for t in triggers if (d := _path_distance(head, t.token)) is not None]
    if scored:
        return min(scored, key=lambda x: x[0])[1]
    start, end = _clause_bounds(head.sent, head)
    near = [t for t in triggers if start <= t.token.i < end]
    return min(near, key=lambda t: abs(t.token.i - head.i)) if near else None


def assessment_sentence(sent: Span) -> bool:
    """A judgement ("not enough for any offensive action") rather than a report of an event."""
    text = " " + sent.text.lower().replace("’", "'") + " "
    if any(f" {cue}" in text for cue in lexicons().events["assessment_cues"]):
        return True
    if not any(f" {cue}" in text for cue in lexicons().events["assessment_hedges"]):
        return False
    root = sent.root
    return trigger_event(root) in (None, "assessment") or _reporting(root)


def denial_sentence(sent: Span) -> bool:
    """An official denial: a denial verb at the root, or "groundless fabrications" and the like."""
    if trigger_event(sent.root) == "denial":
        return True
    cues = lexicons().modality["denied"]
    text = " " + sent.text.lower() + " "
    return any(f" {cue} " in text or f" {cue}," in text for cue in cues if cue not in ("false",))
