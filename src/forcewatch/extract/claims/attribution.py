"""Attribution: who asserts what each sentence says.

In order: an explicit speaker ("according to X", the subject of a reporting verb, "says
Minsk"); the speaker of the quote a sentence sits in ("“...,” the statement reads");
generic speakers ("a Telegram post", "the report") resolved to the last named source; a
later sentence that points back ("The news was shared by Belarusian Hajun"); the source
carried from earlier sentences; and, only when nobody is named, the document's outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ...knowledge.lexicons import lexicons
from . import kbview


@dataclass
class Attribution:
    """A source as the schema wants it: canonical `name`, the words of the text, how found."""

    name: str
    text: str
    how: str  # explicit | quote | generic | backward | carried | outlet
    verb: str | None = None
    generic: bool = False
    extra: dict = field(default_factory=dict)
    span: tuple[int, int] | None = None  # the speaker's words, offsets in the sentence's Doc
    # Every (reporting verb, speaker) of the sentence and the source the sentence would have
    # without them: a claim takes the speaker whose verb governs it (see `for_anchor`).
    clauses: list = field(default_factory=list, repr=False)
    prior: Attribution | None = field(default=None, repr=False)

    def as_json(self) -> dict:
        out = {"name": self.name, "text": self.text, "how": self.how}
        out.update(self.extra)
        return out

    def carried(self, how: str, text: str | None = None) -> Attribution:
        return Attribution(self.name, text or self.text, how, self.verb, False, dict(self.extra))

    def for_anchor(self, anchor: Token) -> Attribution | None:
        """The source of one claim of the sentence: the speaker of the deepest reporting verb
        above `anchor`; a speaker in a coordinated clause the claim is not in ("Russia massed
        troops, and U.S. officials estimate ...") is not its source, the prior one is."""
        if len(self.clauses) == 0:
            return self
        above = [(v, a) for v, a in self.clauses if anchor in v.subtree]
        if above:
            return max(above, key=lambda pair: _depth(pair[0]))[1]
        governing = [(v, a) for v, a in self.clauses if not _own_report(v)]
        if governing:
            return min(governing, key=lambda pair: _depth(pair[0]))[1]
        return self.prior


@dataclass
class SentenceInfo:
    """What attribution needs to know of one sentence of the document."""

    sent: Span
    start: int  # offset of the sentence in the document text
    end: int
    paragraph: int
    heading: bool = False


@lru_cache(maxsize=1)
def _people() -> list[tuple[str, dict]]:
    pairs = []
    for person in lexicons().affiliations["people"]:
        for alias in [person["name"], *person.get("aliases", [])]:
            pairs.append((alias, person))
    return sorted(pairs, key=lambda p: -len(p[0]))


def _person(text: str) -> Attribution | None:
    for alias, person in _people():
        if re.search(rf"\b{re.escape(alias)}\b", text):
            extra = {"person": person["name"], "role": person.get("role")}
            return Attribution(person["organisation"], text, "explicit", extra=extra)
    return None


def _kb_source(text: str) -> Attribution | None:
    matches = kbview.sources_in(text)
    if not matches:
        return None
    best = max(matches, key=lambda m: m.end - m.start)
    e = best.entry
    extra = {k: getattr(e, k, None) for k in ("type", "country", "reliability")}
    return Attribution(e.name, text, "explicit", extra={k: v for k, v in extra.items() if v})


def _metonym(text: str) -> Attribution | None:
    words = text.lower().split()
    for word in words:
        country = lexicons().actors["metonyms"].get(word.strip(".,"))
        if country and len(words) <= 3:
            return Attribution(f"Government of {country}", text, "explicit", extra={"country": country})
    return None


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:“”\"'")
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)


def _is_generic(tokens: list[Token]) -> bool:
    generic = set(lexicons().attribution["generic_sources"])
    heads = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass", "pobj", "ROOT", "appos") or t == tokens[-1]]
    return any(t.lemma_.lower() in generic or t.lower_ in generic for t in heads + tokens[-1:])


def _qualified(tokens: list[Token]) -> bool:
    """"Britain's Ministry of Defence", "the Belarusian defence ministry": a generic head with
    a country names a source of its own; only a bare "the ministry" points back."""
    actors = lexicons().actors
    names = {c.lower() for c in actors["countries"]} | set(actors["demonyms"]) | set(actors["metonyms"])
    names |= {a.lower() for a in actors.get("country_aliases", {})}
    return any(t.lower_ in names for t in tokens)


def _named_after(tokens: list[Token]) -> Attribution | None:
    """"the state news agency BelTA": a known source named right after the generic words."""
    doc = tokens[-1].doc
    nxt = doc[tokens[-1].i + 1 : min(len(doc), tokens[-1].i + 4)]
    names = [t for t in nxt if t.pos_ == "PROPN"]
    return _kb_source(doc[names[0].i : names[-1].i + 1].text) if names and names[0].i == tokens[-1].i + 1 else None


def resolve_speaker(tokens: list[Token]) -> Attribution | None:
    """The canonical source for a speaker phrase (person, KB source, metonym, or the words)."""
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return None
    text = _clean(tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text)
    if not text:
        return None
    found = _person(text) or _kb_source(text) or _named_after(tokens)
    if found is None and _is_generic(tokens) and not _qualified(tokens):
        span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        return Attribution(text, text, "generic", generic=True, span=span)
    found = found or _metonym(text) or Attribution(text, text, "explicit")
    found.text = text
    found.span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return found


def _span_tokens(tok: Token, limit: Span) -> list[Token]:
    """The phrase of `tok` (its subtree), cut at the first comma after the head for verbs."""
    return [t for t in tok.subtree if limit.start <= t.i < limit.end and not t.is_punct or t.text in ("-", "’", "'")]


def _according_to(sent: Span) -> list[Token]:
    prefixes = lexicons().attribution["source_prefixes"]
    low = sent.text.lower()
    for prefix in ("according to", "citing", "as reported by"):
        if prefix in prefixes and prefix in low:
            for tok in sent:
                if tok.lower_ == prefix.split()[-1] and sent.doc[tok.i - len(prefix.split()) + 1].lower_ == prefix.split()[0]:
                    return _after_prefix(sent, tok)
    return []


def _citing_by_speaker(sent: Span) -> bool:
    """", the channel said, citing residents": the speaker is the channel, which cites others."""
    citing = [t for t in sent if t.lower_ == "citing"]
    return bool(citing) and citing[0].head.lemma_.lower() in lexicons().attribution["reporting_verbs"]


def _after_prefix(sent: Span, tok: Token) -> list[Token]:
    out = []
    for t in sent.doc[tok.i + 1 : sent.end]:
        if t.is_quote and not out or t.is_quote and t.i + 1 < sent.end and sent.doc[t.i + 1].pos_ in ("PROPN", "NOUN"):
            continue  # 'according to the "Belarusian Hajun" monitoring project'
        if t.is_punct and t.text not in ("-", "'", "’"):
            break
        if t.pos_ in ("VERB", "AUX") and out:
            break
        out.append(t)
    return out


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head != tok:
        tok, depth = tok.head, depth + 1
    return depth


def _reporting_verbs(sent: Span, quotes: list[tuple[int, int]]) -> list[Token]:
    verbs = lexicons().attribution["reporting_verbs"]
    found = [
        t for t in sent
        if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX") and not _inside(t.idx, quotes)
        and not _participle_modifier(t) and not _states_no_clause(t)
    ]  # fmt: skip
    return sorted(found, key=_depth)


def _own_report(verb: Token) -> bool:
    """A reporting verb of a coordinated clause with its own content ("..., and U.S. officials
    estimate that ..."): it does not report the other clause (a trailing ", X said" does)."""
    return verb.dep_ == "conj" and any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)


def _participle_modifier(verb: Token) -> bool:
    """"38 documented losses", "the report published on Monday": a participle that modifies
    a noun reports nothing and has no speaker."""
    return verb.dep_ in ("amod", "acl", "compound") and verb.tag_ in ("VBN", "VBG")


def _states_no_clause(verb: Token) -> bool:
    """"Russia has maintained a force of 9,000": verbs that report only with a clause or a
    quote (lexicon `clause_only_verbs`) act on their object when they have none."""
    if verb.lemma_.lower() not in lexicons().attribution["clause_only_verbs"]:
        return False
    clausal = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children)
    return not clausal and any(c.dep_ == "dobj" for c in verb.children)


def _inside(char: int, quotes: list[tuple[int, int]]) -> bool:
    return any(s < char < e for s, e in quotes)


def _verb_speaker(verb: Token, sent: Span) -> list[Token]:
    """The subject of a reporting verb ("ISW continues to assess": the subject of the verb it
    completes), its agent, else the words next to it; a pronoun subject ("it has not
    recorded") is a generic speaker, never the words after the verb."""
    subject_of = verb.head if verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children) else verb
    for child in subject_of.children:
        if child.dep_ == "nsubj" and child.pos_ != "PRON":
            return _span_tokens(child, sent)
        if child.dep_ == "nsubj" and child.lower_ in lexicons().attribution["generic_sources"]:
            return [child]
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _span_tokens(objs[0], sent)
    return _adjacent_speaker(verb, sent)


def _appositive_speaker(verb: Token, sent: Span) -> list[Token]:
    """", Vadym Skibitskyi, deputy head of Ukraine's military intelligence (HUR), said": the
    name and its title between the commas before the verb."""
    commas = [t.i for t in sent.doc[sent.start : verb.i] if t.text == ","]
    if len(commas) < 2 or commas[-1] != verb.i - 1:
        return []
    words = [t for t in sent.doc[commas[-3] + 1 if len(commas) > 2 else sent.start : verb.i] if not t.is_punct]
    return words if any(t.ent_type_ == "PERSON" or t.text in _speaker_words() for t in words) else []


@lru_cache(maxsize=1)
def _speaker_words() -> frozenset[str]:
    return frozenset(w for alias, _ in _people() for w in alias.split())


def _adjacent_speaker(verb: Token, sent: Span) -> list[Token]:
    """", the Belarusian Defense Ministry reported Monday" or "says Minsk" without a parse link."""
    before = []
    for t in reversed(list(sent.doc[sent.start : verb.i])):
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            break
        before.insert(0, t)
    if not before:
        before = _appositive_speaker(verb, sent)
    if before and any(t.pos_ in ("PROPN", "NOUN") for t in before):
        return before
    after = []
    for t in sent.doc[verb.i + 1 : sent.end]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            break
        after.append(t)
    return after if any(t.pos_ in ("PROPN", "NOUN") for t in after) else []


def explicit_source(sent: Span, quotes: list[tuple[int, int]]) -> tuple[Attribution | None, Token | None]:
    """The speaker named in the sentence itself, with the reporting verb when there is one."""
    pairs = speakers(sent, quotes)
    if pairs and pairs[0][0] is None:
        return pairs[0][1], None
    return (pairs[0][1], pairs[0][0]) if pairs else (None, None)


def speakers(sent: Span, quotes: list[tuple[int, int]]) -> list[tuple[Token | None, Attribution]]:
    """(reporting verb, speaker) for each speaker of the sentence, the main one first; an
    "according to X" speaker has no verb and stands alone."""
    according = _according_to(sent)
    if according and not _citing_by_speaker(sent):
        found = resolve_speaker(according)
        return [(None, found)] if found else []
    pairs = []
    for verb in _reporting_verbs(sent, quotes):
        speaker = _verb_speaker(verb, sent)
        found = resolve_speaker(speaker) if speaker else None
        if found:
            found.verb = verb.lemma_.lower()
            pairs.append((verb, found))
    return pairs


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (“...” or "..."), opening to closing mark."""
    regions = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]
    regions += [(m.start(), m.end()) for m in re.finditer(r'"[^"\n]*"', text)]
    return sorted(regions)


def _backward(info: SentenceInfo, verb: Token | None) -> bool:
    """"The news was shared by X": X is the source of what came before."""
    if verb is None:
        return False
    nouns = set(lexicons().attribution["backward_nouns"])
    return any(c.dep_ in ("nsubjpass", "nsubj") and c.lemma_.lower() in nouns for c in verb.children) and any(
        c.dep_ == "agent" for c in verb.children
    )


class _Attributor:
    """One pass over a document's sentences, in order."""

    def __init__(self, infos: list[SentenceInfo], text: str, outlet: str | None):
        self.infos = infos
        self.quotes = quote_regions(text)
        self.outlet = outlet
        self.result: list[Attribution | None] = [None] * len(infos)
        self.own = [False] * len(infos)
        self.last_named: Attribution | None = None

    def run(self) -> list[Attribution | None]:
        for i, info in enumerate(self.infos):
            self._explicit(i, info)
        self._quotes()
        self._labels()
        self._carry()
        return self.result

    def _labels(self) -> None:
        """Transcripts: "MR. KIRBY: ..." speaks for its whole paragraph; "I"/"we" is the label."""
        label: Attribution | None = None
        for i, info in enumerate(self.infos):
            if i == 0 or self.infos[i - 1].paragraph != info.paragraph:
                label = speaker_label(info.sent)
            if label is None:
                continue
            own = self.result[i]
            if own is None or own.how == "generic" and own.text.lower() in ("i", "we", "you"):
                self.result[i], self.own[i] = label.carried("speaker"), True

    def _explicit(self, i: int, info: SentenceInfo) -> None:
        if info.heading:  # "Show key events only" is a button, "UK says ..." a headline: no speaker of the text
            return
        local = [(s - info.start + info.sent.start_char, e - info.start + info.sent.start_char) for s, e in self.quotes]
        pairs = speakers(info.sent, local)
        if not pairs:
            return
        pairs = [(v, self._resolved(i, a)) for v, a in pairs]
        verb, found = pairs[0]
        if not found.generic and found.how == "explicit":
            self.last_named = found  # the main speaker is what "the ministry" later points back to
        if verb is not None:
            found.clauses = pairs
        self.result[i], self.own[i] = found, True
        if _backward(info, verb):
            self._assign_back(i, found)

    def _resolved(self, i: int, found: Attribution) -> Attribution:
        """A generic speaker ("the ministry of defence", "the report") named from context."""
        if not found.generic:
            self.last_named = found
            return found
        named = _ministry_of(self._paragraph_country(i), found.text) or self.last_named
        if named is None:
            return found
        span, found = found.span, named.carried("generic", found.text)
        found.span = span
        return found

    def _paragraph_country(self, i: int) -> str | None:
        """The country the paragraph is about so far: the last one it names (not as a speaker)."""
        para = self.infos[i].paragraph
        country = None
        for info in self.infos[: i + 1]:
            if info.paragraph == para:
                country = _last_country(info.sent) or country
        return country

    def _assign_back(self, i: int, found: Attribution) -> None:
        for j in range(i - 1, -1, -1):
            if self.own[j]:
                break
            self.result[j] = found.carried("backward")
            self.own[j] = True

    def _quotes(self) -> None:
        for qs, qe in self.quotes:
            inside = [i for i, info in enumerate(self.infos) if info.start < qe and qs < info.end]
            speaker = next((self.result[i] for i in inside if self.own[i]), None)
            for i in inside:
                if speaker is not None and not self.own[i]:
                    self.result[i], self.own[i] = speaker.carried("quote"), True

    def _carry(self) -> None:
        last: Attribution | None = None
        for i, info in enumerate(self.infos):
            if info.heading:
                last = None
                continue
            new_paragraph = i > 0 and self.infos[i - 1].paragraph != info.paragraph
            if self.result[i] is not None:
                self.result[i].prior = last or self._outlet()
                last = self.result[i] if not self.result[i].generic else last
            elif last is not None and not (self.outlet and new_paragraph and _narrated(info.sent)):
                self.result[i] = last.carried("carried")
            elif self.outlet:
                self.result[i] = Attribution(self.outlet, self.outlet, "outlet")
                last = None


    def _outlet(self) -> Attribution | None:
        return Attribution(self.outlet, self.outlet, "outlet") if self.outlet else None


_LABEL = re.compile(r"^((?:[A-Z][A-Z.'’-]*\s){0,5}[A-Z][A-Z.'’-]*|Q)\s?:\s")


def speaker_label(sent: Span) -> Attribution | None:
    """The speaker of a transcript paragraph ("MR. KIRBY: ...", "Q: ..."), or None."""
    m = _LABEL.match(sent.text)
    if m is None or m.group(1).lower() in lexicons().attribution["not_speaker_labels"]:
        return None
    words = m.group(1).title()
    if words == "Q":
        return Attribution("question from a reporter", "Q", "speaker")
    found = _person(words) or _kb_source(words) or Attribution(words, words, "speaker")
    found.text = words
    return found


def _last_country(sent: Span) -> str | None:
    actors = lexicons().actors
    country = None
    for tok in sent:
        low = tok.lower_
        country = actors["demonyms"].get(low) or actors["country_aliases"].get(low) or country
        country = next((c for c in actors["countries"] if c.lower() == low), country)
    return country


def _ministry_of(country: str | None, text: str) -> Attribution | None:
    """"the ministry of defence" with no country: the defence ministry of the paragraph's country."""
    low = text.lower()
    if country is None or "ministry" not in low or not ("defence" in low or "defense" in low):
        return None
    for name in (f"Defence Ministry of {country}", f"Defense Ministry of {country}", f"{country}'s Defense Ministry"):
        found = _kb_source(name)
        if found is not None and found.extra.get("country") == country:
            return found
    return None


def _narrated(sent: Span) -> bool:
    """A new paragraph whose subject is a named actor ("Lukashenko allowed Russia ...", "Ukraine
    responded by ...") is the writer's own narrative, not more of the last speaker's words."""
    actors = lexicons().actors
    names = {c.lower() for c in actors["countries"]} | set(actors["metonyms"])
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head == sent.root:
            words = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "poss", "amod")}
            return bool(words & names) or tok.text in _speaker_words()
    return False


def attribute(infos: list[SentenceInfo], text: str, outlet: str | None) -> list[Attribution | None]:
    """The source of each sentence of a document (None when nobody and no outlet is known)."""
    return _Attributor(infos, text, outlet).run()
