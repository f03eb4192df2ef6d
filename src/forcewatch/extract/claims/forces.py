"""Forces in a sentence: what is counted or named (item, equipment, unit) and by how much.

A *force* is a noun phrase that names military forces: "some 170 tanks", "Russian
soldiers", "12x 2S3 Akatsiya", "the 1st Guards Tank Army". Quantities attach to the noun
phrase that follows them; a number that counts nothing military ("19 foreign military
attachés", "88 kilometers") makes no force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ...knowledge.lexicons import lexicons
from . import kbview
from .quantities import Quantity, force_counts

_NP_POS = {"ADJ", "NOUN", "PROPN", "NUM", "X"}


@dataclass
class Force:
    """One force mention; token indices are absolute in the Doc."""

    item: str | None
    head: Token
    first: int  # first token of the phrase (the quantity's, when counted)
    last: int  # last token of the phrase
    quantity: Quantity | None = None
    equipment: list[str] = field(default_factory=list)
    unit: str | None = None
    phrase: str = ""


@lru_cache(maxsize=1)
def item_index() -> dict[tuple[str, ...], str]:
    """Lemma tuples -> item, e.g. ("armored", "combat", "vehicle") -> "armoured_vehicle"."""
    index = {}
    for item, phrases in lexicons().items["items"].items():
        for phrase in phrases:
            index[tuple(phrase.lower().split())] = item
    return index


def _forms(token: Token) -> set[str]:
    """Lemma and surface, plus a naive singular: proper nouns keep their plural lemma ("Forces")."""
    low = token.lower_
    return {token.lemma_.lower(), low, low[:-1] if low.endswith("s") and len(low) > 3 else low}


@lru_cache(maxsize=1)
def _by_last_word() -> dict[str, list[tuple[int, tuple[str, ...], str]]]:
    """`item_index` grouped by the phrase's last word, with each phrase's lexicon position."""
    grouped: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for position, (key, item) in enumerate(item_index().items()):
        grouped.setdefault(key[-1], []).append((position, key, item))
    return grouped


def item_of(tokens: list[Token]) -> tuple[str | None, int]:
    """The item named by a noun phrase's last words, and how many words named it: the
    longest phrase of the lexicon that ends the run, the first listed on a tie."""
    if not tokens:
        return None, 0
    forms = [_forms(t) for t in tokens[-4:]]
    best = None
    for form in forms[-1]:
        for position, key, item in _by_last_word().get(form, ()):
            size = len(key)
            if size <= len(forms) and all(k in f for k, f in zip(key, forms[-size:], strict=True)):
                if best is None or (-size, position) < (-best[0], best[1]):
                    best = (size, position, item)
    return (best[2], best[0]) if best else (None, 0)


def _in_np(token: Token, nxt: Token | None, prev: Token | None) -> bool:
    if token.pos_ in _NP_POS or _model_code(token.text):
        return True
    if token.tag_ in ("VBN", "VBG") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        # "armored combat vehicles", "guided missiles"; after a noun it starts a clause
        # ("trains carrying Russian troops")
        return prev is None or prev.pos_ not in ("NOUN", "PROPN")
    return token.text in ("-", "/") and not token.whitespace_ and token.i > 0  # "T-72B3", "BM-21"


def _model_code(text: str) -> bool:
    """Letters and digits in one token ("MiG-31", "Su-34", "2S19"), whatever the tagger says."""
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _glued_number(tok: Token) -> bool:
    """The digits of a model name split by the tokenizer: "24" in "Mi-24"."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.text in ("-", "/") and not prev.whitespace_


def noun_run(sent: Span, start: int) -> list[Token]:
    """Tokens of the noun phrase that begins at absolute token `start` (adjectives + nouns)."""
    run: list[Token] = []
    i = start
    while i < sent.end:
        tok = sent.doc[i]
        nxt = sent.doc[i + 1] if i + 1 < sent.end else None
        if _joins_adjectives(tok, nxt, run):
            run.append(tok)
            i += 1
            continue
        if not _in_np(tok, nxt, run[-1] if run else None):
            break
        if run and tok.pos_ == "NUM" and tok.like_num and not _glued_number(tok):
            break
        run.append(tok)
        i += 1
    while run and run[-1].pos_ not in ("NOUN", "PROPN"):
        run.pop()
    return run


def _joins_adjectives(tok: Token, nxt: Token | None, run: list[Token]) -> bool:
    """"Russian and Belarusian servicemen": a conjunction between two adjectives stays in the phrase."""
    return tok.lower_ in ("and", "or") and bool(run) and run[-1].pos_ == "ADJ" and nxt is not None and nxt.pos_ == "ADJ"


def _non_force(head: Token) -> bool:
    return bool(_forms(head) & set(lexicons().traps["non_force_people"]))


def _after_of(sent: Span, run: list[Token]) -> list[Token]:
    """Follow "of": "a battalion set of tanks", "units of equipment", "dozens of tanks"."""
    nxt = run[-1].i + 1 if run else None
    if nxt is not None and nxt < sent.end and sent.doc[nxt].lower_ == "of":
        return noun_run(sent, nxt + 1)
    return []


def _token_at(sent: Span, char: int) -> int | None:
    for tok in sent:
        if tok.idx >= char:
            return tok.i
    return None


def _equipment(text: str) -> list:
    return [m for m in kbview.equipment_in(text) if getattr(m.entry, "item", None)]


def _phrase_force(sent: Span, run: list[Token], first: int, q: Quantity | None) -> Force | None:
    containers = set(lexicons().items["containers"])
    if run and (run[-1].lemma_.lower() in containers or q is not None and q.echelon) and _after_of(sent, run):
        run = _after_of(sent, run)
    if not run or _non_force(run[-1]):
        return None
    text = sent.doc[run[0].i : run[-1].i + 1].text
    models = _equipment(text)
    item, _ = item_of(run)
    if models:  # the model says what it is: "Iskander-M launchers" are missiles, not MLRS
        item = models[0].entry.item or item
    if item is None:
        return None
    names = [m.entry.name for m in models if not getattr(m.entry, "generic", False)]
    return Force(item, run[-1], first, run[-1].i, q, names, phrase=text)


def _linked_noun(sent: Span, q_token: int) -> list[Token]:
    """For a bare number ("has reached 9,000"), the force noun before it joined by a link word."""
    links = lexicons().items["link_words"]
    window = sent.doc[max(sent.start, q_token - 12) : q_token].text.lower()
    if not any(f" {w} " in f" {window} " for w in links):
        return []
    noun = _noun_before(sent, q_token)
    return [noun] if noun is not None else [sent.doc[q_token]]


def counted_forces(sent: Span, counts: list[Quantity] | None = None, antecedent: str | None = None) -> list[Force]:
    """Forces with a quantity: each count of the sentence attached to the phrase after it.

    A count with no force noun after it ("as many as 14", "4,000 of them", "the 9,000
    Minsk announced") takes the item of its antecedent (see `_bare_count`); `antecedent`
    is the item last counted in the paragraph, for "estimated the number at 9,000".
    """
    forces: list[Force] = []
    for q in counts if counts is not None else force_counts(sent.text):
        q = _shift(q, sent.start_char)
        after = _token_at(sent, q.end)
        first = _token_at(sent, q.start)
        if after is None or first is None or _anaphoric_small(sent, first, q):
            continue
        after = _skip_quotes(sent, after)
        run = noun_run(sent, after)
        if not run and sent.doc[after].lower_ == "of":
            run = noun_run(sent, _past_determiners(sent, after + 1))
        force = _phrase_force(sent, run, first, q) or _bracketed(sent, first, q) or _counted_by(sent, run, first, q)
        if force is None and _bare(run):
            force = _bare_count(sent, first, after, q, forces, antecedent)
        if force is not None and not hypothetical(sent, force):
            _convert_set(force)
            forces.append(force)
    return forces


def _past_determiners(sent: Span, i: int) -> int:
    """"ten of its Su-25 aircraft", "three of the helicopters": skip to the noun phrase."""
    while i < sent.end and sent.doc[i].tag_ in ("DT", "PRP$") and sent.doc[i].lower_ not in ("no", "that"):
        i += 1
    return i


def _bracketed(sent: Span, first: int, q: Quantity) -> Force | None:
    """"Tanks (96, of which destroyed: 51)": a count in brackets right after a force noun
    (equipment-loss lists) counts that noun."""
    if first - 2 < sent.start or sent.doc[first - 1].text != "(":
        return None
    noun = sent.doc[first - 2]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    run = list(sent.doc[_np_start(noun) : noun.i + 1])
    force = _phrase_force(sent, run, run[0].i, q)
    if force is not None:
        force.last = first
    return force


def _counted_by(sent: Span, run: list[Token], first: int, q: Quantity) -> Force | None:
    """"the T-72B3, with 38 documented losses": a count of a counting noun (lexicon
    `count_nouns`) counts the force named just before it."""
    if not run or run[-1].lemma_.lower() not in lexicons().items["count_nouns"]:
        return None
    before = _force_before(sent, first)
    if before is None:
        return None
    item, names = before
    head = run[-1]
    return Force(item, head, first, head.i, q, names, phrase=q.text)


def _force_before(sent: Span, q_token: int) -> tuple[str, list[str]] | None:
    """The item (and models) of the nearest force noun or catalogue model before a count."""
    for tok in reversed(list(sent.doc[sent.start : q_token])):
        models = _equipment(tok.text) if _model_code(tok.text) or tok.pos_ == "PROPN" else []
        if models:
            return models[0].entry.item, [m.entry.name for m in models if not getattr(m.entry, "generic", False)]
        if tok.pos_ == "NOUN" and item_of([tok])[0] not in (None, "unit", "equipment"):
            return item_of([tok])[0], []
    return None


def hypothetical(sent: Span, force: Force) -> bool:
    """A rule's threshold, not forces: "exercises involving more than 13,000 troops must be
    open to observers", "notification of exercises involving 9,000 troops or more". The
    count sits in a modifier of a noun governed by a rule (a modal of obligation or a rule
    verb, lexicon `traps.rules`), or is followed by "or more"."""
    rules = lexicons().traps["rules"]
    tail = " ".join(t.lower_ for t in sent.doc[force.last + 1 : min(force.last + 3, sent.end)])
    if any(tail.startswith(p) for p in rules["threshold_after"]):
        return True
    modifier = False
    for tok in [force.head, *force.head.ancestors]:
        if tok.dep_ in ("acl", "relcl"):
            modifier = True
        elif modifier and tok.pos_ in ("VERB", "AUX") and _rule_verb(tok, rules):
            return True
    return False


def _rule_verb(verb: Token, rules: dict) -> bool:
    if verb.lemma_.lower() in rules["verbs"]:
        return True
    return any(c.dep_ == "aux" and c.lower_ in rules["modals"] for c in verb.children)


def _skip_quotes(sent: Span, i: int) -> int:
    """Past closing quotes: '"tens of thousands" of troops'."""
    while i + 1 < sent.end and sent.doc[i].is_quote:
        i += 1
    return i


def _anaphoric_small(sent: Span, first: int, q: Quantity) -> bool:
    """"the two air forces", "both three": a spelled small number after a determiner names
    things already known, it counts nothing new."""
    prev = sent.doc[first - 1] if first > sent.start else None
    return prev is not None and prev.lower_ in ("the", "these", "those") and q.text.isalpha()


def _bare(run: list[Token]) -> bool:
    """No force noun after the count: nothing, or a name that is no item ("9,000 Minsk announced")."""
    return not run or (run[0].pos_ == "PROPN" and item_of(run)[0] is None and not _equipment(run[0].text))


def _bare_count(sent: Span, first: int, after: int, q: Quantity, earlier: list[Force], antecedent: str | None):
    """The force of a count without a noun: its antecedent's item, when something links them.

    Links: "of them/whom/which" next to the count, a link word ("the number ... reached",
    "the figure of"), or a force counted earlier in the same sentence ("four MiG-31K
    interceptors, down from as many as 14"); else, with a link word, the paragraph's last
    counted item. The head is the count itself, so the count's own verb gives the event.
    """
    head = max((t for t in sent.doc[first : sent.end] if t.idx < q.end), key=lambda t: t.i, default=sent.doc[first])
    anaphor = _anaphora(sent, first, after)
    linked = _linked_noun(sent, first)
    item = None
    if anaphor or linked:
        noun = _noun_before(sent, first, allow_equipment=bool(anaphor))
        item = item_of([noun])[0] if noun is not None else None
    if item is None and earlier:
        item = earlier[-1].item
    if item is None and linked and antecedent:
        item = antecedent
    if item is None:
        return None
    return Force(item, head, first, head.i, q, phrase=q.text)


def _anaphora(sent: Span, first: int, after: int) -> bool:
    pronouns = {"them", "those", "whom", "which", "these"}
    doc = sent.doc
    before = [doc[i].lower_ for i in range(max(sent.start, first - 2), first)]
    following = [doc[i].lower_ for i in range(after, min(sent.end, after + 2))]
    return (before[-2:-1] == ["of"] and before[-1:] and before[-1] in pronouns) or (
        following[:1] == ["of"] and following[1:] and following[1] in pronouns
    )


def _noun_before(sent: Span, q_token: int, allow_equipment: bool = False) -> Token | None:
    """The nearest noun before the count that names a force item (not "unit"/"equipment",
    unless a pronoun points back: "counts vehicles ... 1,800 of them")."""
    skip = (None, "unit") if allow_equipment else (None, "unit", "equipment")
    for tok in reversed(list(sent.doc[sent.start : q_token])):
        if tok.pos_ == "NOUN" and item_of([tok])[0] not in skip:
            return tok
    return None


def _shift(q: Quantity, offset: int) -> Quantity:
    """The quantity with offsets into the document instead of the sentence."""
    from dataclasses import replace

    return replace(q, start=q.start + offset, end=q.end + offset)


def _convert_set(force: Force) -> None:
    """"one battalion set of tanks" -> the count, when the catalogue knows the set size."""
    q = force.quantity
    if q is None or not q.echelon:
        return
    size = None
    for name in force.equipment + [force.phrase, force.head.lemma_]:
        size = size or kbview.set_size(name, q.echelon)
    if size and q.low is not None:
        q.low = q.high = q.low * size
        q.approx = True


def named_forces(sent: Span, taken: list[Force]) -> list[Force]:
    """Forces without a number: heads of noun phrases that name an item, models, units."""
    covered = {i for f in taken for i in range(f.first, f.last + 1)} | {f.head.i for f in taken}
    out = []
    for tok in sent:
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        if tok.i + 1 < sent.end and sent.doc[tok.i + 1].dep_ == "compound" and sent.doc[tok.i + 1].head == tok:
            continue
        start = _np_start(tok)
        run = [t for t in sent.doc[start : tok.i + 1] if t.pos_ in _NP_POS or t.tag_ in ("VBN", "VBG")]
        run = _with_of_tail(sent, run)
        force = _phrase_force(sent, run, start, None) if run and tok in run else None
        if force is not None and _is_named_force(force) and not _coordinated(force, taken):
            out.append(force)
            covered.update(range(start, tok.i + 1))
    return out + _units(sent, covered)


def _with_of_tail(sent: Span, run: list[Token]) -> list[Token]:
    """"group of forces", "piece of equipment": keep "of X" when the lexicon names the whole."""
    if not run or run[-1].i + 2 >= sent.end or sent.doc[run[-1].i + 1].lower_ != "of":
        return run
    longer = run + [sent.doc[run[-1].i + 1], sent.doc[run[-1].i + 2]]
    item, size = item_of(longer)
    return longer if item and size >= 3 else run


def _coordinated(force: Force, taken: list[Force]) -> bool:
    """"up to 100 artillery pieces and mortars": one count for the coordinated pair."""
    head = force.head
    return head.dep_ == "conj" and any(f.head == head.head and f.item == force.item for f in taken)


def _np_start(tok: Token) -> int:
    """First token of the modifiers before `tok`, nested ones included ("S-400 air defense systems")."""
    start = tok.i
    while start > tok.sent.start:
        prev = tok.doc[start - 1]
        if prev.dep_ not in ("amod", "compound", "nmod", "nummod") or not start <= prev.head.i <= tok.i:
            break
        start -= 1
    return start


def _is_named_force(force: Force) -> bool:
    """Generic words ("unit", "force", "military") name forces only with a modifier."""
    bare = {"unit", "force", "military", "army", "group", "grouping", "formation", "company", "man", "staff",
            "corps", "contingent", "equipment", "weapon", "platform", "launcher", "fighter", "gun", "rocket"}  # fmt: skip
    if force.equipment or force.head.lemma_.lower() not in bare:
        return True
    return force.first < force.head.i or force.head.lemma_.lower() == "equipment" or _has_modifier(force.head)


_QUANTIFIERS = {"some", "several", "many", "more", "additional", "other", "most", "these", "those"}


def _has_modifier(tok: Token) -> bool:
    """"Belarusian units", "units of the 1st GTA", "some units" (plural with a quantifier)."""
    if any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
        return True
    if tok.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _units(sent: Span, covered: set[int]) -> list[Force]:
    out = []
    for m in kbview.units_in(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or any(t.i in covered for t in span):
            continue
        out.append(Force("unit", span.root, span.start, span.end - 1, unit=m.entry.name, phrase=m.text))
    return out
