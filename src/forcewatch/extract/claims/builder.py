"""The claim builder: a cleaned document in, claims of the schema (docs/claim-schema.md) out.

Paragraph by paragraph, sentence by sentence: forces (counted and named), the trigger
that governs each, its actor, places (location, origin, destination), date, source,
modality and negation. One claim per force; one claim without an item for a sentence
that reports an event, an assessment or a denial without naming a force.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.tokens import Span

from ...knowledge.lexicons import lexicons
from . import kbview
from .attribution import Attribution, SentenceInfo, attribute
from .dates import find_dates, parse_published
from .events import (
    Trigger,
    assessment_region,
    choose_trigger,
    clause_bounds,
    denial_sentence,
    find_triggers,
    seen_doing,
    trigger_event,
)
from .forces import Force, counted_forces, item_of, named_forces
from .kbview import PlaceHit, places_in
from .modality import modality, negated

_DEST = {"to", "toward", "towards", "into", "closer", "for", "onto"}
_ORIGIN = {"from", "out"}
_LOC = {"in", "at", "near", "inside", "within", "across", "on", "around", "outside", "along", "by"}


@dataclass
class DocContext:
    """What every sentence of one document shares."""

    doc_id: str
    text: str
    published: date | None
    published_raw: str | None
    outlet: str | None
    main_country: PlaceHit | None = None
    last_border: PlaceHit | None = None  # what "the border" refers to
    last_location: dict[int, dict] = field(default_factory=dict)  # paragraph -> last location
    section_place: PlaceHit | None = None  # the place of the last heading inside the text (live blogs)
    last_item: dict[int, str] = field(default_factory=dict)  # paragraph -> item last counted
    last_actor: dict[tuple, str] = field(default_factory=dict)  # (paragraph, item, noun) -> actor last stated


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-empty lines of the cleaned text with their offsets (cleaning keeps one per line)."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


_LIST_ENTRY = re.compile(r"\(\d[\d,]*[,)]")


def is_heading(line: str) -> bool:
    """A short line without closing punctuation: a title or a section heading; not an entry
    of a count list ("Helicopters (11, of which destroyed: 11)")."""
    words = line.split()
    limit = lexicons().attribution["heading_max_words"]
    short = len(words) <= limit and not line.rstrip().endswith((".", "”", '"', "'", ":"))
    return short and not _LIST_ENTRY.search(line)


def sentence_infos(text: str, nlp) -> list[SentenceInfo]:
    """Sentences of every paragraph, parsed, with their document offsets."""
    paras = paragraphs(text)
    infos = []
    for number, ((offset, line), doc) in enumerate(zip(paras, nlp.pipe(line for _, line in paras), strict=True)):
        heading = is_heading(line)
        for sent in doc.sents:
            if sent.text.strip():
                infos.append(SentenceInfo(sent, offset + sent.start_char, offset + sent.end_char, number, heading))
    return infos


def _main_country(infos: list[SentenceInfo]) -> PlaceHit | None:
    """The country the document is about: most named, by place (any kind) and nationality,
    outside headings (site names, menus and teasers of other stories are short lines
    without a full stop, so page furniture does not vote); all lines if that finds none."""
    narrative = [i for i in infos if not i.heading]
    return _most_named(narrative) or _most_named(infos)


def _most_named(infos: list[SentenceInfo]) -> PlaceHit | None:
    counts: Counter = Counter()
    hits: dict[str, PlaceHit] = {}
    demonyms = lexicons().actors["demonyms"]
    for info in infos:
        for hit in places_in(info.sent.text):
            if hit.country:
                counts[hit.country] += 1
                if hit.kind == "country":
                    hits.setdefault(hit.country, hit)
        for tok in info.sent:
            if tok.lower_ in demonyms:
                counts[demonyms[tok.lower_]] += 0.5
    for name, _ in counts.most_common():
        if name in hits:
            return hits[name]
    return None


def _prep_role(word: str) -> str | None:
    if word in _DEST:
        return "destination"
    if word in _ORIGIN:
        return "origin"
    return "location" if word in _LOC else None


def _role(sent: Span, hit: PlaceHit) -> str:
    """location, origin or destination from the preposition that governs the place (else the
    one just before it); the recipient of a trigger is its destination ("handed Belarus a
    system"); the object of a trigger is where it happens ("entered Belarus"),
    or where from for a withdrawal ("left Belarus"); "mentioned" otherwise ("to use Belarus")."""
    span = _span(sent, hit)
    root = span.root if span is not None else None
    if root is not None and root.dep_ == "pobj" and _prep_role(root.head.lower_):
        role = _prep_role(root.head.lower_)
        return "mentioned" if role != "location" and _other_noun(root.head.head) else role
    if root is not None and root.dep_ == "dative" and trigger_event(root.head):
        return "destination"  # the recipient of a transfer: "handed Belarus an Iskander-M"
    if root is not None and root.dep_ == "dobj":
        event = trigger_event(root.head)
        if event is None:
            return "mentioned"
        return "origin" if event == "withdrawal" else "location"
    for word in reversed(sent.text[: hit.start].lower().split()[-4:]):
        if _prep_role(word):
            return _prep_role(word)
    return "mentioned"


def _other_noun(tok) -> bool:
    """A noun that is neither a force nor an event ("a visit to Belarus"): a place after it
    says nothing about where forces go. Means of transport are no such noun ("by rail from Belarus")."""
    if tok.lemma_.lower() in lexicons().events.get("transport_nouns", ()):
        return False
    return tok.pos_ in ("NOUN", "PROPN") and item_of([tok])[0] is None and trigger_event(tok) is None


def _span(sent: Span, hit: PlaceHit) -> Span | None:
    return sent.doc.char_span(sent.start_char + hit.start, sent.start_char + hit.end, alignment_mode="expand")


def _speaker_overlap(hit_start: int, hit_end: int, sent: Span, source: Attribution | None) -> bool:
    if source is None or source.span is None:
        return False
    start, end = source.span
    return sent.start_char + hit_start < end and start < sent.start_char + hit_end


def _not_a_place(sent: Span, hit: PlaceHit) -> bool:
    """Part of a person's name ("Vladimir Putin") or of an organisation ("Ministry of Defence of Belarus")."""
    span = sent.doc.char_span(sent.start_char + hit.start, sent.start_char + hit.end, alignment_mode="expand")
    if span is None:
        return True
    if hit.kind in ("city", "region") and (any(t.ent_type_ == "PERSON" for t in span) or _name_follows(span)):
        return True  # "Vladimir" in "Vladimir Putin"
    before = [t for t in sent.doc[sent.start : span.start] if t.lower_ != "the"][-2:]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].pos_ in ("NOUN", "PROPN"):
        return before[0].lower_ not in lexicons().actors["area_nouns"]
    return False


def _name_follows(span: Span) -> bool:
    """A capitalised surname after the word: "Vladimir Putin", even when NER missed the person."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if not (nxt.pos_ == "PROPN" and nxt.is_title) or places_in(nxt.text):
        return False
    return nxt.ent_type_ == "PERSON" or nxt.text in _person_words()


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Every word of the names of known speakers (affiliations lexicon)."""
    words = set()
    for person in lexicons().affiliations["people"]:
        for alias in [person["name"], *person.get("aliases", [])]:
            words.update(alias.split())
    return frozenset(words)


_DATELINE = re.compile(r"^[A-Z][\w .,'’/-]{0,60}?\((?:[A-Z][\w.&' -]{0,30})\)\s*[-–—]")


def dateline_end(text: str) -> int:
    """End of a wire dateline ("KYIV, Oct 20 (Reuters) -"), 0 when there is none."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _aside(sent: Span, hit: PlaceHit, anchor, role: str) -> bool:
    """A place that is not where the claim happens: in the dateline, where the speaker spoke
    ("told reporters in Minsk"), or inside a clause of its own that the claim's anchor is
    not in: one that describes a place ("the border of Belarus, which borders Ukraine"),
    has its own subject ("..., while the rest trains at ranges in Russia"), or names the
    place with no preposition of movement or position ("of whom 15,000 could go against Ukraine")."""
    if hit.start < dateline_end(sent.text):
        return True
    span = _span(sent, hit)
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and _said_at(root.head):
        return True
    clause = _own_clause(root)
    if clause is None or anchor is None or anchor in clause.subtree:
        return False
    return clause.dep_ == "advcl" or role == "mentioned" or _names_place(clause.head)


def _names_place(noun) -> bool:
    """Does the noun a relative clause hangs on name a place ("the southern border")?"""
    return bool(places_in(noun.doc[noun.left_edge.i : noun.i + 1].text))


def _said_at(prep) -> bool:
    reporting = lexicons().attribution["reporting_verbs"]
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj") and item_of([head])[0] is None:
        head = head.head  # "told reporters in Minsk", "told a briefing in Kyiv"
    return head.pos_ == "VERB" and head.lemma_.lower() in reporting and not trigger_event(head)


def _own_clause(tok):
    """The nearest relative clause, or adverbial clause with its own subject, above `tok`."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "relcl" or (anc.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children)):
            return anc
    return None


def _is_agent(sent: Span, hit: PlaceHit) -> bool:
    """A place that acts ("Russia will send", "sent by Moscow") is an actor, not a location."""
    span = sent.doc.char_span(sent.start_char + hit.start, sent.start_char + hit.end, alignment_mode="expand")
    if span is None or hit.kind not in ("country", "city"):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head != root:  # "Belarus and Russia began": both act
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def claim_places(
    sent: Span, source: Attribution | None, clause: tuple[int, int], anchor=None, force_head=None
) -> dict[str, PlaceHit | None]:
    """Location, origin and destination named in one clause of a sentence (`anchor`: the
    claim's trigger or force token, to tell its own clause from asides). A place in the
    force's own phrase wins its role ("..., including about 30,000 in Belarus")."""
    roles: dict[str, PlaceHit | None] = {"location": None, "origin": None, "destination": None, "mentioned": None}
    own: set[str] = set()
    lo, hi = clause
    models = [(m.start, m.end) for m in kbview.equipment_in(sent.text)]
    for hit in places_in(sent.text):
        if not (lo <= sent.start_char + hit.start < hi) or any(hit.start < e and s < hit.end for s, e in models):
            continue  # "Pantsir-S1" is a model, not the village of Pantsir
        if _speaker_overlap(hit.start, hit.end, sent, source) or _is_agent(sent, hit) or _not_a_place(sent, hit):
            continue
        role = _role(sent, hit)
        if _aside(sent, hit, anchor, role):
            continue
        if role not in own and _in_phrase_of(sent, hit, force_head):
            roles[role] = hit
            own.add(role)
        roles[role] = roles[role] or hit
    return roles


def _in_phrase_of(sent: Span, hit: PlaceHit, head) -> bool:
    span = _span(sent, hit) if head is not None else None
    return span is not None and head.dep_ != "ROOT" and span.root in head.subtree and span.root != head


def _country_place(hit: PlaceHit) -> PlaceHit:
    if hit.kind in ("country",) or not hit.country:
        return hit
    lat, lon = kbview._coords(hit.country)
    return PlaceHit(hit.start, hit.end, hit.country, hit.country, "country", hit.country, lat, lon)


def _place_json(hit: PlaceHit | None) -> dict | None:
    return hit.as_json() if hit else None


def _actor_of(text: str) -> str | None:
    low = text.lower().strip()
    actors = lexicons().actors
    if low in actors["metonyms"]:
        return actors["metonyms"][low]
    if low in actors["demonyms"]:
        return actors["demonyms"][low]
    for country in actors["countries"]:
        if country.lower() == low:
            return country
    return None


def _phrase_actor(tokens) -> str | None:
    actors = _phrase_actors(tokens)
    return actors[0] if actors else None


def _phrase_actors(tokens) -> list[str]:
    """Every actor a phrase names, in order ("Russian and Belarusian troops": Russia, Belarus)."""
    found: list[str] = []
    for tok in tokens:
        actor = _actor_of(tok.text) or _actor_of(tok.lemma_)
        if actor and actor not in found:
            found.append(actor)
    text = " ".join(t.text for t in tokens).lower()
    for name, country in lexicons().actors["metonyms"].items():
        if " " in name and name in text and country not in found:
            found.append(country)
    return found


def force_actors(force: Force | None) -> list[str]:
    """All nationalities on the force itself, coordinated ones included."""
    if force is None:
        return []
    mods = [c for c in force.head.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    mods += [c for m in mods for c in m.children if c.dep_ == "conj"]
    return _phrase_actors(sorted(mods, key=lambda t: t.i))


def actor_for(force: Force | None, trigger: Trigger | None, speakers: tuple = ()) -> str | None:
    """Whose forces: the force's own modifiers, then the trigger's subject or agent. A
    nationality in the speaker's words (`speakers`: character spans of the sentence's Doc,
    "The Belarusian Hajun project said ...") never names the forces' actor."""
    if force is not None:
        mods = [c for c in force.head.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        mods += [c for m in mods for c in m.children if c.dep_ == "conj"]
        actor = _phrase_actor(sorted(mods, key=lambda t: t.i))
        of = [c for c in force.head.children if c.dep_ == "prep" and c.lower_ == "of"]
        actor = actor or (_phrase_actor(list(of[0].subtree)) if of else None)
        if actor:
            return actor
    if trigger is not None:
        verb = trigger.token if trigger.token.pos_ == "VERB" else trigger.token.head
        for _ in range(3):  # "Russia plans to deploy": the subject of the governing verb
            actor = _subject_actor(verb, speakers)
            if actor or verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
                return actor
            verb = verb.head
    return None


def _subject_actor(verb, speakers: tuple = ()) -> str | None:
    for child in verb.children:
        if child.dep_ not in ("nsubj", "agent") or _in_speaker(child, speakers):
            continue
        actor = _phrase_actor(_agent_words(child))
        if actor:
            return actor
    return None


def _agent_words(tok) -> list:
    """The words of a subject or agent that can name who acts: not its movement phrases
    ("moved by rail from Belarus": Belarus is where from, not who moved) nor a means of transport."""
    noun = tok
    if tok.dep_ == "agent":
        nouns = [c for c in tok.children if c.dep_ == "pobj"]
        if not nouns or nouns[0].lemma_.lower() in lexicons().events.get("transport_nouns", ()):
            return []
        noun = nouns[0]
    skip = {t.i for c in noun.children if c.dep_ == "prep" and _prep_role(c.lower_) for t in c.subtree}
    return [t for t in noun.subtree if t.i not in skip]


def _in_speaker(tok, speakers: tuple) -> bool:
    """Does the phrase under `tok` overlap a speaker's words?"""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return any(start < s_end and s_start < end for s_start, s_end in speakers)


def speaker_spans(source: Attribution | None) -> tuple:
    """Character spans (sentence Doc) of every speaker the sentence names."""
    if source is None:
        return ()
    found = [source.span] + [a.span for _, a in source.clauses if a is not None]
    return tuple(s for s in found if s)


def _clause(sent: Span, anchor) -> tuple[int, int]:
    """Character range (in the sentence's Doc) of the ';'-separated clause holding `anchor`."""
    start, end = clause_bounds(sent, anchor)
    doc = sent.doc
    return (doc[start].idx if start < sent.end else sent.end_char,
            doc[end].idx if end < sent.end else sent.end_char)


def _future_at(sent: Span, char: int) -> bool:
    """Is the verb governing the text at `char` (Doc offset) in the future ("will hold ... on Friday")?"""
    tok = next((t for t in sent if t.idx >= char), sent.root)
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok == tok.head:
            break
        tok = tok.head
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll") for c in tok.children)


def _date(sent: Span, ctx: DocContext, clause: tuple[int, int], anchor_char: int) -> str | None:
    past = find_dates(sent.text, ctx.published, False)
    ahead = {d.start: d for d in find_dates(sent.text, ctx.published, True)}
    inside = [d for d in past if clause[0] <= sent.start_char + d.start < clause[1]] or past
    if not inside:
        return None
    best = min(inside, key=lambda d: abs(sent.start_char + d.start - anchor_char))
    if _future_at(sent, sent.start_char + best.start) and best.start in ahead:
        return ahead[best.start].value
    return best.value


class _SentenceClaims:
    """Claims of one sentence."""

    def __init__(self, info: SentenceInfo, source: Attribution | None, ctx: DocContext):
        self.info, self.sent, self.source, self.ctx = info, info.sent, source, ctx
        self.triggers = find_triggers(self.sent)
        self.region = assessment_region(self.sent)
        self.assessment = self.region is not None
        self.denial = denial_sentence(self.sent)

    def forces(self) -> list[Force]:
        counted = counted_forces(self.sent, antecedent=self.ctx.last_item.get(self.info.paragraph))
        if counted:
            self.ctx.last_item[self.info.paragraph] = counted[0].item
        found = counted + named_forces(self.sent, counted)
        span = self.source.span if self.source else None
        if span:
            found = [f for f in found if not (span[0] <= f.head.idx < span[1])]
        return sorted(found, key=lambda f: f.first)

    def build(self) -> list[dict]:
        claims = []
        for force in self.forces():
            trigger = choose_trigger(force.head, self.triggers)
            if trigger is None and force.quantity is None and not (self.assessment or self.denial):
                continue
            claims.append(self._claim(force, trigger, self._judged(force, trigger)))
        if not claims and (self.assessment or self.denial or self.triggers):
            trigger = seen_doing(self.triggers[0], self.triggers) if self.triggers else None
            if self.assessment or self.denial or self._anchored():
                claims.append(self._claim(None, trigger, self.assessment))
        elif self.assessment and not self.denial and all(c["event"] != "assessment" for c in claims):
            # "troops are arriving, but no strike groups have been formed": the judgement is a claim too
            claims.append(self._claim(None, None, True))
        return _dedupe(claims)

    def _anchored(self) -> bool:
        """An event without a force is a claim only when some actor or place anchors it."""
        return bool(places_in(self.sent.text)) or any(_actor_of(t.text) for t in self.sent)

    def _judged(self, force: Force, trigger: Trigger | None) -> bool:
        """Is this force inside the judgement of an assessment sentence?"""
        if self.region is None:
            return False
        return self.region.covers(force.head, trigger.token if trigger else None)

    def _event(self, trigger: Trigger | None, judged: bool) -> str:
        if self.denial:
            return "denial"
        if judged:
            return "assessment"
        return trigger.event if trigger else lexicons().events["default"]

    def _claim(self, force: Force | None, trigger: Trigger | None, judged: bool) -> dict:
        anchor = trigger.token if trigger else (force.head if force else self.sent.root)
        clause = _clause(self.sent, anchor)
        places = self._places(clause, anchor, force.head if force else None)
        source = self.source.for_anchor(anchor) if self.source else None
        actor = self._actor(force, trigger)
        return {
            "_source": source,
            "event": refine_event(self._event(trigger, judged), places, actor, self._main_name()),
            "actor": actor,
            "actors": force_actors(force) or [a for a in [actor] if a],
            "item": force.item if force else None,
            "equipment": force.equipment if force else [],
            "unit": (force.unit if force else None) or self._unit(force),
            "quantity": force.quantity.as_schema() if force and force.quantity else None,
            **places,
            "date": _date(self.sent, self.ctx, clause, anchor.idx),
            "modality": self._modality(trigger, source),
            "negated": negated(self.sent, trigger.token if trigger else None, force.head if force else None),
            "evidence": self._evidence(force, trigger),
            "confidence": _confidence(force, trigger),
        }

    def _actor(self, force: Force | None, trigger: Trigger | None) -> str | None:
        """The clause's actor; else, for the same forces (same item, same noun), the actor an
        earlier sentence of the paragraph stated ("60 Russian tanks arrived. ... 40 tanks were moved")."""
        actor = actor_for(force, trigger, speaker_spans(self.source))
        key = (self.info.paragraph, force.item, force.head.lemma_.lower()) if force else None
        if actor:
            self.ctx.last_actor[key] = actor
            return actor
        return self.ctx.last_actor.get(key) if force is not None else None

    def _main_name(self) -> str | None:
        main = self.ctx.main_country
        return (main.country or main.name) if main else None

    def _modality(self, trigger: Trigger | None, source: Attribution | None) -> str:
        attributed = source is not None and source.how != "outlet"
        verb = source.verb if source else None
        return modality(self.sent, trigger.token if trigger else None, verb, attributed, self.denial)

    def _unit(self, force: Force | None) -> str | None:
        if force is not None and force.item == "unit":
            return None
        units = kbview.units_in(self.sent.text)
        named = [m for m in units if any(ch.isdigit() for ch in m.entry.name)]
        return (named or units)[0].entry.name if units else None  # "1st GTA" over a bare "BTG"

    def _places(self, clause: tuple[int, int], anchor, force_head=None) -> dict:
        found = claim_places(self.sent, self.source, clause, anchor, force_head)
        roles = {k: self._named_border(v) for k, v in found.items()}
        location = roles["location"]
        if location is None and roles["destination"] is not None:
            location = _country_place(roles["destination"])
        if location is None and roles["origin"] is None:
            location = roles.pop("mentioned")
        roles.pop("mentioned", None)
        out = {k: _place_json(v) for k, v in roles.items()}
        out["location"] = _place_json(location) or self._context_location()
        if location is not None:
            self.ctx.last_location[self.info.paragraph] = out["location"]
        return out

    def _named_border(self, hit: PlaceHit | None) -> PlaceHit | None:
        """"the border" is the border the document last named ("the border with Ukraine")."""
        if hit is None or hit.kind != "border":
            return hit
        if hit.name != "border":
            self.ctx.last_border = hit
            return hit
        known = self.ctx.last_border
        return PlaceHit(hit.start, hit.end, hit.text, known.name, "border", known.country) if known else hit

    def _context_location(self) -> dict | None:
        """No place in the clause: the paragraph's last location, else the document's main country."""
        carried = self.ctx.last_location.get(self.info.paragraph)
        if carried:
            return dict(carried, inferred=True)
        main = self.ctx.section_place or self.ctx.main_country
        return dict(main.as_json(), inferred=True) if main else None

    def _evidence(self, force: Force | None, trigger: Trigger | None) -> dict:
        base = self.info.start - self.sent.start_char
        out = {}
        if force is not None and force.quantity is not None:
            out["quantity"] = [force.quantity.start + base, force.quantity.end + base]
        if force is not None:
            head = force.head
            out["force"] = [self.sent.doc[force.first].idx + base, head.idx + len(head) + base]
        if trigger is not None:
            out["trigger"] = [trigger.token.idx + base, trigger.token.idx + len(trigger.token) + base]
        return out


def refine_event(event: str, places: dict, actor: str | None = None, main_country: str | None = None) -> str:
    """Movement into a country is a deployment ("moved 30,000 troops to Belarus", "roll into
    Belarus"), and so is a movement with no stated place in a story about a country; leaving
    one site for another is a movement ("left the Brestsky training ground and moved to the
    Lida airfield"); a movement from one country to another is a withdrawal when it goes home
    (to the actor's country) or out of the article's country (`cross_border_event`)."""
    dest, origin = places.get("destination") or {}, places.get("origin") or places.get("location") or {}
    crossing = cross_border_event(event, places, actor, main_country)
    if crossing:
        return crossing
    if event == "movement" and dest.get("kind") == "country":
        return "deployment"
    if event == "movement" and not dest and not places.get("origin") and _inferred_country(places.get("location")):
        return "deployment"
    if event == "withdrawal" and origin.get("kind") == "site" and dest.get("kind") == "site":
        return "movement"
    return event


def _country_of(place: dict | None) -> str | None:
    return (place.get("country") or (place.get("name") if place.get("kind") == "country" else None)) if place else None


def cross_border_event(event: str, places: dict, actor: str | None, main_country: str | None) -> str | None:
    """A movement or deployment from one country to another named as a whole ("moved by rail
    from Belarus to Russia"): a withdrawal when the destination is the forces' home country (the actor,
    when known) or when it leaves the article's main country for another; a deployment into
    the destination otherwise ("from Russia's Far East to Belarus"). None: no such crossing."""
    if event not in ("movement", "deployment") or (places.get("destination") or {}).get("kind") != "country":
        return None  # "crossed into northern Ukraine from Belarus": an axis of advance, not a way home
    came, went = _country_of(places.get("origin")), _country_of(places.get("destination"))
    if not came or not went or came == went:
        return None
    if went == actor or (came == main_country and went != main_country):
        return "withdrawal"
    return "deployment"


def _inferred_country(place: dict | None) -> bool:
    """A transfer that names no place happens in the article's country: forces moved into
    it ("the enemy transferred about 30 tanks", in a story about Belarus)."""
    return bool(place) and place.get("inferred") is True and place.get("kind") == "country"


def _confidence(force: Force | None, trigger: Trigger | None) -> float:
    score = 0.5
    if force is not None and force.quantity is not None:
        score += 0.2
    if trigger is not None:
        score += 0.2
    return round(min(score, 0.95), 2)


def _dedupe(claims: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for c in claims:
        key = (c["item"], (c["quantity"] or {}).get("text"), c["event"], tuple(c["evidence"].get("force", [])))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _finish(claim: dict, info: SentenceInfo, ctx: DocContext, n: int) -> dict:
    out = {
        "id": f"{ctx.doc_id}:{info.start}:{n}",
        "doc": ctx.doc_id,
        "sentence": ctx.text[info.start : info.end],
        "start": info.start,
        "end": info.end,
    }
    source = claim.pop("_source")
    out.update(claim)
    out["source"] = source.as_json() if source else None
    out["outlet"] = ctx.outlet
    out["published"] = ctx.published_raw
    loc = claim.get("location") or {}
    out["location_coords"] = {"lat": loc["lat"], "lon": loc["lon"]} if loc.get("lat") is not None else None
    return out


_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|EET|MSK)?\s*$", re.IGNORECASE)


def _heading_place(info: SentenceInfo) -> PlaceHit | None:
    hits = [h for h in places_in(info.sent.text) if h.kind in ("country", "region", "city", "site")]
    return hits[-1] if hits else None


@lru_cache(maxsize=1)
def _teaser_re() -> re.Pattern:
    prefixes = "|".join(re.escape(p) for p in lexicons().attribution["link_teasers"])
    return re.compile(rf"^\s*(?:{prefixes})\s*:", re.IGNORECASE)


def _link_teaser(text: str) -> bool:
    """"Read also: Russia fired 12 missiles ...": a link to another article, not this one's claim."""
    return bool(_teaser_re().match(text))


def extract_claims(
    text: str, doc_id: str, *, published: str | None = None, outlet: str | None = None, nlp=None
) -> list[dict]:
    """Every claim of a cleaned document, in text order, as schema dicts."""
    from ..nlp import load_nlp

    nlp = nlp or load_nlp()
    infos = sentence_infos(text, nlp)
    ctx = DocContext(doc_id, text, parse_published(published), published, outlet)
    ctx.main_country = _main_country(infos)
    sources = attribute(infos, text, outlet)
    claims: list[dict] = []
    stamped = False
    for info, source in zip(infos, sources, strict=True):
        if info.heading:
            if stamped:  # a live-blog entry's heading ("09:58 GMT" / "Belarus to check readiness of its army")
                ctx.section_place = _heading_place(info) or ctx.section_place
            stamped = bool(_TIMESTAMP.match(info.sent.text))
            continue
        if _link_teaser(info.sent.text):
            continue
        for claim in _SentenceClaims(info, source, ctx).build():
            claims.append(_finish(claim, info, ctx, len(claims)))
    return claims
