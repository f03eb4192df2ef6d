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


def item_of(tokens: list[Token]) -> tuple[str | None, int]:
    """The item named by a noun phrase's last words, and how many words named it."""
    index = item_index()
    for size in range(min(4, len(tokens)), 0, -1):
        tail = tokens[-size:]
        for key, item in index.items():
            if len(key) == size and all(k in _forms(t) for k, t in zip(key, tail, strict=True)):
                return item, size
    return None, 0


def _in_np(token: Token, nxt: Token | None) -> bool:
    if token.pos_ in _NP_POS:
        return True
    if token.tag_ in ("VBN", "VBG") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        return True  # "armored combat vehicles", "guided missiles"
    return token.text in ("-", "/") and not token.whitespace_ and token.i > 0  # "T-72B3", "BM-21"


def noun_run(sent: Span, start: int) -> list[Token]:
    """Tokens of the noun phrase that begins at absolute token `start` (adjectives + nouns)."""
    run: list[Token] = []
    i = start
    while i < sent.end:
        tok = sent.doc[i]
        nxt = sent.doc[i + 1] if i + 1 < sent.end else None
        if not _in_np(tok, nxt) or (run and tok.pos_ == "NUM" and tok.like_num):
            break
        run.append(tok)
        i += 1
    while run and run[-1].pos_ not in ("NOUN", "PROPN"):
        run.pop()
    return run


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
    if models:
        item = item or models[0].entry.item
        if item_of(run)[0] in (None, "equipment"):
            item = models[0].entry.item
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
    for tok in reversed(list(sent.doc[sent.start : q_token])):
        if tok.pos_ == "NOUN" and item_of([tok])[0] not in (None, "unit", "equipment"):
            return [tok]
    return []


def counted_forces(sent: Span, counts: list[Quantity] | None = None) -> list[Force]:
    """Forces with a quantity: each count of the sentence attached to the phrase after it."""
    forces = []
    for q in counts if counts is not None else force_counts(sent.text):
        q = _shift(q, sent.start_char)
        after = _token_at(sent, q.end)
        first = _token_at(sent, q.start)
        if after is None or first is None:
            continue
        run = noun_run(sent, after)
        if not run and sent.doc[after].lower_ == "of":
            run = noun_run(sent, after + 1)
        force = _phrase_force(sent, run, first, q)
        if force is None and not run:
            linked = _linked_noun(sent, first)
            force = _phrase_force(sent, linked, first, q) if linked else None
        if force is not None:
            _convert_set(force)
            forces.append(force)
    return forces


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
    start = tok.i
    while start > tok.sent.start and tok.doc[start - 1].head == tok and tok.doc[start - 1].dep_ in (
        "amod", "compound", "nmod", "nummod",
    ):  # fmt: skip
        start -= 1
    return start


def _is_named_force(force: Force) -> bool:
    """Generic words ("unit", "force", "military") name forces only with a modifier."""
    bare = {"unit", "force", "military", "army", "group", "grouping", "formation", "company", "man", "staff",
            "corps", "contingent", "equipment", "weapon", "platform", "launcher", "fighter", "gun", "rocket"}  # fmt: skip
    if force.equipment or force.head.lemma_.lower() not in bare:
        return True
    return force.first < force.head.i or force.head.lemma_.lower() == "equipment" or _has_modifier(force.head)


def _has_modifier(tok: Token) -> bool:
    return any(c.dep_ in ("amod", "compound", "poss") for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _units(sent: Span, covered: set[int]) -> list[Force]:
    out = []
    for m in kbview.units_in(sent.text):
        span = sent.doc.char_span(sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand")
        if span is None or any(t.i in covered for t in span):
            continue
        out.append(Force("unit", span.root, span.start, span.end - 1, unit=m.entry.name, phrase=m.text))
    return out
