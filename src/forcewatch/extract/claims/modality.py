"""Modality (how sure the text is) and negation (it says the event did not happen)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...knowledge.lexicons import lexicons

ORDER = ("denied", "planned", "expected", "alleged", "reported", "asserted")


def _window(sent: Span, token: Token | None, size: int = 6) -> str:
    """Lower-case words just before `token` (its auxiliaries and hedges), or the sentence."""
    if token is None:
        return " " + sent.text.lower() + " "
    start = max(sent.start, token.i - size)
    return " " + sent.doc[start : token.i + 1].text.lower() + " "


def _has(text: str, cues) -> bool:
    return any(f" {cue} " in text or f" {cue}," in text for cue in cues)


def _aux_future(token: Token | None) -> bool:
    if token is None:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll") for c in token.children)


def modality(sent: Span, trigger: Token | None, source_verb: str | None, attributed: bool, denial: bool) -> str:
    """One of asserted, reported, alleged, expected, planned, denied (strongest wins)."""
    lex = lexicons().modality
    near = _window(sent, trigger)
    whole = " " + sent.text.lower() + " "
    verb_mod = lexicons().attribution["reporting_verbs"].get(source_verb or "")
    if denial or verb_mod == "denied":
        return "denied"
    if _aux_future(trigger) or _has(near, lex["planned"]):
        return "planned"
    if _has(near, lex["expected"]):
        return "expected"
    if verb_mod == "alleged" or _has(whole, lex["alleged"]):
        return "alleged"
    if attributed or _has(whole, lex["reported"]):
        return "reported"
    return "asserted"


def is_future(sent: Span) -> bool:
    """Does the sentence speak of what will happen (for resolving "on Friday")?"""
    whole = " " + sent.text.lower() + " "
    return _has(whole, ("will", "shall", "plans to", "is to", "are to", "next"))


def negated(sent: Span, trigger: Token | None, head: Token | None) -> bool:
    """A `neg` on the trigger, "no" before the force, or a negating phrase before either."""
    lex = lexicons().negation
    if trigger is not None and any(c.dep_ == "neg" for c in trigger.children):
        return True
    for noun in (head, head.head if head is not None and head.dep_ == "conj" else None):
        if noun is not None and any(c.lower_ in lex["determiners"] and c.dep_ == "det" for c in noun.children):
            return True  # "no tanks or personnel carriers"
    anchor = min((t.i for t in (trigger, head) if t is not None), default=sent.end)
    before = " " + sent.doc[sent.start : min(anchor + 1, sent.end)].text.lower() + " "
    return _has(before, lex["phrases"])
