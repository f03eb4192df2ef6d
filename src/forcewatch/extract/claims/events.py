"""Event typing: which trigger word governs a force, and what kind of event it names.

Triggers come from the events lexicon (verbs, nouns, particle verbs). A force takes the
trigger closest to it in the dependency tree: a verb that modifies it ("planes *sent* by
Moscow"), then the triggers on its path to the root ("*send* some 170 tanks"), then the
nearest trigger in its clause ("Among the equipment *moved* to the border were tanks").
"""

from __future__ import annotations

import re
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
        if child.dep_ in ("prt", "prep", "advmod"):
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
        event = _phrasal(token) or _verb_events().get(lemma) or _verb_object(token) or _from_subject(token)
        return _stative(token, event) or _located(token)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
        return _noun_events().get(lemma) or _noun_events().get(token.lower_)
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "amod", "ROOT"):
        return _adjective_events().get(lemma)
    return None


@lru_cache(maxsize=1)
def _adjective_events() -> dict[str, str]:
    return {w: event for event, words in lexicons().events["adjectives"].items() for w in words}


def _verb_object(verb: Token) -> str | None:
    """"have taken control of the plant": a verb and its object name the event together."""
    phrases = lexicons().events["verb_objects"]
    for child in verb.children:
        if child.dep_ == "dobj":
            event = phrases.get(f"{verb.lemma_.lower()} {child.lemma_.lower()}")
            if event:
                return event
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _from_subject(verb: Token) -> str | None:
    """"The number of troops continues to grow" (a change of a number of forces) and "the
    drills involve 12 jets" (the event of the subject): events named by the subject."""
    lemma = verb.lemma_.lower()
    events = lexicons().events
    subject = _subject(verb) or (_subject(verb.head) if verb.dep_ == "xcomp" else None)
    if subject is None:
        return None
    if lemma in events["number_verbs"] and subject.lemma_.lower() in events["number_nouns"]:
        return events["number_verbs"][lemma]
    if lemma in events["subject_event_verbs"] and subject.pos_ == "NOUN":
        return _noun_events().get(subject.lemma_.lower())
    return None


def _stative(verb: Token, event: str | None) -> str | None:
    """"One A-50 is based there", "troops are stationed in Belarus": a present stative
    passive of a deployment verb says where forces are (presence), not that they came."""
    if event != "deployment" or verb.tag_ != "VBN" or verb.lemma_.lower() not in lexicons().events["stative_deployment"]:
        return event
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if [c.lower_ for c in aux] in (["is"], ["are"], ["'re"], ["'s"], ["am"]):
        return "presence"
    if verb.dep_ == "acl" and not aux and not any(c.lower_ in ("to", "into", "from") for c in verb.children):
        return "presence"  # "4,000 of them currently stationed at training grounds"
    return event


def _located(verb: Token) -> str | None:
    """"Russian troops are on the territory of an ally": a force subject of "be" with a place
    preposition is present there; "the grouping is ready to respond": the adjective's event."""
    if verb.lemma_.lower() != "be" or verb.dep_ == "aux":
        return None
    for child in verb.children:
        if child.dep_ == "acomp" and _adjective_events().get(child.lemma_.lower()):
            return _adjective_events()[child.lemma_.lower()]
    subject = _subject(verb)
    has_place = any(c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "inside", "near") for c in verb.children)
    if subject is None or not has_place:
        return None
    from .forces import item_of  # forces does not import events: no cycle

    return "presence" if item_of([subject])[0] not in (None, "equipment") else None


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


def _own_subject(verb: Token) -> bool:
    """A clause with a subject of its own ("of which 16 were shot down", "it moved"): not a
    modifier of the noun it hangs on, whose event it therefore does not give."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children)


def _container(head: Token) -> Token:
    """"pieces of Russian equipment lost": the noun that holds the force ("pieces"), whose
    modifiers modify the force too; else the force itself."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        return head.head.head
    return head


def _path_distance(head: Token, trig: Token) -> float | None:
    """Steps from the force up to the trigger; 0.5 for a verb modifying the force itself."""
    if trig.head in (head, _container(head)) and trig.dep_ in ("acl", "relcl"):
        if _own_subject(trig) or (trig.dep_ == "acl" and trig.lemma_.lower() in lexicons().events["cargo_participles"]):
            return None
        return 0.5
    steps, tok = 0, head
    while tok.head != tok and steps < 8 and not _boundary(tok):
        tok, steps = tok.head, steps + 1
        if tok == trig:
            return float(steps)
    return None


def _boundary(tok: Token) -> bool:
    """A relative or adverbial clause without a trigger is another predication: stop there."""
    return tok.dep_ in ("relcl", "advcl") and tok.pos_ == "VERB" and trigger_event(tok) is None


def _blocked(head: Token) -> bool:
    tok = head
    for _ in range(8):
        if _boundary(tok):
            return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def clause_bounds(sent: Span, token: Token) -> tuple[int, int]:
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
    scored = sorted(((d, t) for t in triggers if (d := _path_distance(head, t.token)) is not None), key=lambda x: x[0])
    if len(scored) > 1 and scored[0][0] == 0.5 and scored[0][1].event == "presence":
        scored = scored[1:]  # "the grouping, which is deployed in Belarus, is ready": its predicate, not the background
    if scored:
        return _seen_doing(_verb_over_noun(scored[0][1], triggers), triggers)
    if _blocked(head):
        return None
    start, end = clause_bounds(head.sent, head)
    near = [t for t in triggers if start <= t.token.i < end and same_predication(head, t.token)]
    return min(near, key=lambda t: abs(t.token.i - head.i)) if near else None


def _verb_over_noun(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """"three columns of 60 vehicles entered Belarus": a trigger noun that is itself the
    subject or object of a trigger verb ("columns ... entered") gives way to the verb."""
    tok = trigger.token
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return trigger
    verb = next((t for t in triggers if t.token == tok.head), None)
    return verb or trigger


def seen_doing(trigger: Trigger | None, triggers: list[Trigger]) -> Trigger | None:
    """Public form of `_seen_doing` for claims without a force."""
    return _seen_doing(trigger, triggers) if trigger is not None else None


def _seen_doing(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """"spotted flying towards Mazyr", "seen moving to the border": what was seen is the event."""
    if trigger.event != "presence":
        return trigger
    seen = [t for t in triggers if t.token.head == trigger.token and t.token.dep_ in ("xcomp", "ccomp", "acl", "advcl")]
    return seen[0] if seen else trigger


_OTHER_CLAUSE = ("conj", "ccomp", "advcl", "parataxis")


def _clause_verb(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    return tok


def same_predication(head: Token, trig: Token) -> bool:
    """Does `trig` sit in the clause of the force's own verb, not in a coordinated or
    subordinate clause ("there are 9,500 personnel ..., but most of them are mobilized")?"""
    verb = _clause_verb(head)
    tok = trig
    for _ in range(10):
        if tok == verb:
            return True
        if tok.dep_ == "relcl" and _own_subject(tok):
            return False  # "..., of whom no more than 15,000 could be deployed"
        if tok.dep_ in _OTHER_CLAUSE or tok.head == tok:
            return tok.head == verb and tok.dep_ not in _OTHER_CLAUSE
        tok = tok.head
    return False


def _cue_positions(text: str, cues) -> list[tuple[int, int]]:
    """(start, start of the last word) of each cue in `text`."""
    low = " " + re.sub(r"[\"“”‘]", " ", text.lower().replace("’", "'")) + " "  # same length: offsets hold
    return [(i - 1, i - 1 + cue.rfind(" ") + 1) for cue in cues for i in _all(low, " " + cue)]


def _all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i + 1)
        i = text.find(needle, i + 1)
    return out


@dataclass
class Judgement:
    """Where a sentence judges: the clause of each cue's verb, and the cue tokens."""

    region: set[int]
    cues: list[Token]

    def covers(self, head: Token, trigger: Token | None) -> bool:
        """A force is judged when it sits in the cue's clause or its trigger governs the cue."""
        if head.i in self.region or trigger is None:
            return True
        return any(_governs(trigger, cue) for cue in self.cues)


def _governs(trigger: Token, cue: Token) -> bool:
    """`trigger` is `cue` or above it without crossing into a coordinated clause
    ("remains around 12,000, and this is not enough": "remains" does not govern the cue)."""
    tok = cue
    for _ in range(12):
        if tok == trigger:
            return True
        if (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")) or tok.head == tok:
            return False
        tok = tok.head
    return False


def assessment_region(sent: Span) -> Judgement | None:
    """The judgement of a sentence ("no indicators that ... a strike force"), or None.

    The region is the clause of the verb that governs a cue; a cue under the sentence's
    main verb covers the whole sentence.
    """
    region: set[int] = set()
    cues = []
    for pos, last in _cue_positions(sent.text, lexicons().events["assessment_cues"]):
        cue = next((t for t in sent if t.idx >= sent.start_char + pos), sent.root)
        if _describes_thing(cue):
            continue
        cues.append(cue)
        # the clause of the cue's last word: "what we see IS a training presence"
        region |= _clause_of(next((t for t in sent if t.idx >= sent.start_char + last), cue))
    if not region and _hedged_judgement(sent):
        region = {t.i for t in sent}
    return Judgement(region, cues) if region else None


def _describes_thing(cue: Token) -> bool:
    """"an Iskander-M system capable of carrying warheads": a cue adjective after a noun
    describes the thing; "forces are not capable of" judges them."""
    return cue.pos_ == "ADJ" and cue.dep_ in ("amod", "acl") and cue.head.i < cue.i


def _clause_of(cue: Token) -> set[int]:
    tok = cue
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    if tok.head == tok:
        return {t.i for t in tok.sent}
    return {t.i for t in tok.subtree}


def _hedged_judgement(sent: Span) -> bool:
    text = " " + sent.text.lower() + " "
    if not any(f" {cue}" in text for cue in lexicons().events["assessment_hedges"]):
        return False
    root = sent.root
    if _reporting(root) and root.lemma_.lower() not in _verb_events():
        # "X said Russia has probably withdrawn its jets": a report, not a judgement
        content = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
        return not any(trigger_event(c) not in (None, "assessment") for c in content)
    return trigger_event(root) in (None, "assessment")


def _plain(text: str) -> str:
    """Lower case with quotes and brackets as spaces, so cues match '"fakes"' and '(fake)'."""
    return " " + re.sub(r"[\"“”‘’'()\[\]]", " ", text.lower()) + " "


def denial_sentence(sent: Span) -> bool:
    """An official denial: a denial verb at the root or hanging on it ("..., Peskov told
    reporters, dismissing the claims"), or "groundless fabrications" and the like."""
    root = sent.root
    if trigger_event(root) == "denial":
        return True
    if any(trigger_event(c) == "denial" and c.dep_ in ("advcl", "xcomp", "conj") for c in root.children):
        return True
    if any(_negated_participation(tok) for tok in sent):
        return True
    cues = lexicons().modality["denied"]
    text = _plain(sent.text)
    return any(f" {cue} " in text or f" {cue}," in text for cue in cues if cue not in ("false",))


def _participation(verb: Token) -> bool:
    """Is `verb` a participation verb of the lexicon ("participate", "take part")?"""
    for phrase in lexicons().events["participation_verbs"]:
        lemma, _, particle = phrase.partition(" ")
        if verb.lemma_.lower() == lemma and (not particle or any(c.lower_ == particle for c in verb.children)):
            return True
    return False


def _negated_participation(verb: Token) -> bool:
    """"No Belarusian units were taking part", "Belarus will not participate": a denial of
    involvement, by a negation on the verb or "no" on its subject."""
    if verb.pos_ not in ("VERB", "AUX") or not _participation(verb):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(d.dep_ == "det" and d.lower_ == "no" for s in subjects for d in s.children)
