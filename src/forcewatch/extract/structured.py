"""Claims straight from structured event-table rows (Eyes on Russia and similar feeds).

A row is already an observation: a date, coordinates, an event group, a title and often an
`arms/munition` cell naming models with counts ("12x 2S3 Akatsiya, 1x MT-LB"). No parser is
needed: the event comes from the group and title lexicon (`fuse/data/event_table.yaml`),
items and canonical models from the KB equipment catalogue (class words from the lexicon
where it names no model), one claim per item, with the row's coordinates, its date as both
date and publication date, the collector as source and the first poster as `origin_ref`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from ..errors import InputError, MissingInput
from ..fuse.entities import knowledge

LEXICON = Path(__file__).resolve().parents[1] / "fuse" / "data" / "event_table.yaml"
CLASS_WORD = "class word"  # KB category of generic words ("tanks", "trains"): an item, not a model
COUNT_BEFORE = re.compile(r"(\d{1,4})\s*[x×]?\s*$|\b([a-z]+)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The event-table lexicon, with its patterns compiled once."""
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    data["_groups"] = [(re.compile(g["pattern"], re.I), g) for g in data["groups"]]
    data["_titles"] = [(re.compile(t["pattern"], re.I), t["event"]) for t in data["titles"]]
    data["_directions"] = [(re.compile(d["pattern"], re.I), d["destination"]) for d in data["directions"]]
    data["_hedge"] = re.compile(r"\b(" + "|".join(data["hedges"]) + r")\b", re.I)
    words = sorted(((w, item) for item, ws in data["items"].items() for w in ws), key=lambda wi: -len(wi[0]))
    data["_items"] = [(re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.I), item) for w, item in words]
    return data


@dataclass
class Row:
    """The parts of an event-table document that claims need."""

    id: str
    text: str
    published: str | None
    url: str | None
    meta: dict = field(default_factory=dict)


def as_row(doc: Any) -> Row:
    """Accept a `RawDocument`, a stored `Document` or a dict with the same fields."""
    get = doc.get if isinstance(doc, dict) else lambda k, d=None: getattr(doc, k, d)
    doc_id = get("doc_id") or get("id") or ""
    return Row(str(doc_id), get("text") or "", get("published"), get("url"), dict(get("meta") or {}))


def event_and_actor(row: Row) -> tuple[str | None, str | None]:
    """The row's event (from its group, refined by its title) and the group's actor."""
    lex = lexicon()
    group = row.meta.get("event_group", "")
    spec = next(g for rx, g in lex["_groups"] if rx.search(group))
    event = spec["event"]
    if event in lex["refines"]:
        event = next((e for rx, e in lex["_titles"] if rx.search(row.text)), event)
    return event, spec.get("actor")


def destination(text: str) -> str | None:
    """Where the row's text says the forces go, from the lexicon's direction patterns."""
    for rx, fixed in lexicon()["_directions"]:
        found = rx.search(text)
        if found:
            return fixed or found.group(1).lower()
    return None


def _count_before(text: str, start: int) -> int | None:
    found = COUNT_BEFORE.search(text[max(0, start - 12):start])
    if not found:
        return None
    if found.group(1):
        return int(found.group(1))
    return lexicon()["numbers"].get((found.group(2) or "").lower())


def catalogue_items(text: str) -> list[tuple[str, str | None, int | None]]:
    """(item, canonical model or None for a class word, count) for every catalogue match in `text`."""
    kb = knowledge()
    if kb is None or not text:
        return []
    return [(m.entry.item, None if m.entry.category == CLASS_WORD else m.entry.name, _count_before(text, m.start))
            for m in kb.equipment.find(text)]


def class_items(text: str) -> list[str]:
    """Items named by class words ("tanks", "heavy weaponry"), longest words first."""
    found, taken = [], []
    for rx, item in lexicon()["_items"]:
        for m in rx.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append(item)
    return found


def items_of(row: Row) -> dict[str, dict]:
    """item -> {"equipment": [models], "count": summed stated counts or None}."""
    arms = row.meta.get("arms", "") or ""
    out: dict[str, dict] = {}
    for item, model, count in catalogue_items(arms) + catalogue_items(row.text):
        slot = out.setdefault(item, {"equipment": [], "count": None})
        if model and model not in slot["equipment"]:
            slot["equipment"].append(model)
            slot["count"] = (slot["count"] or 0) + count if count else slot["count"]
    for item in class_items(f"{row.text}. {arms}"):
        out.setdefault(item, {"equipment": [], "count": None})
    return _drop_vague(out) or {"equipment": {"equipment": [], "count": None}}


def _drop_vague(items: dict[str, dict]) -> dict[str, dict]:
    """"Train transporting tanks" is about tanks: a carrier or "equipment" named by a class word
    only gives way to what is carried; named models (a KB-known signals truck) stay."""
    for vague in [*lexicon()["carriers"], "equipment"]:
        slot = items.get(vague)
        if len(items) > 1 and slot is not None and not (slot["count"] or slot["equipment"]):
            items.pop(vague)
    return items


def origin_ref(link: str | None) -> str | None:
    """The first poster: host plus account ("twitter.com/GirkinGirkin"), else the host."""
    if not link:
        return None
    parsed = urlparse(link)
    host = parsed.netloc.lower().removeprefix("www.")
    first = next((p for p in parsed.path.split("/") if p), "")
    return f"{host}/{first}" if first and host in {"twitter.com", "x.com", "tiktok.com", "t.me", "youtube.com",
                                                   "instagram.com", "facebook.com", "vk.com"} else host or None


def collector(row: Row) -> str | None:
    """Who collected the row: the table's named collector, else the link's host."""
    named = lexicon()["collectors"].get(row.meta.get("table", ""))
    return named or (urlparse(row.meta.get("link") or row.url or "").netloc.removeprefix("www.") or None)


def location(row: Row) -> dict | None:
    """The row's place: its finest name, its country, and its coordinates when given."""
    lat, lon = row.meta.get("lat"), row.meta.get("lon")
    name = row.meta.get("town") or row.meta.get("district") or row.meta.get("province") or row.meta.get("country")
    if lat in (None, "") and not name:
        return None
    place = {"name": name, "country": row.meta.get("country")}
    if lat not in (None, "") and row.meta.get("lon") not in (None, ""):
        place.update(lat=float(lat), lon=float(lon))
    return place


def claims_from_document(doc: Any) -> list[dict]:
    """Claims in the claim schema for one event-table document (empty if it reports no forces)."""
    row = as_row(doc)
    event, actor = event_and_actor(row)
    if event is None:
        return []
    base = _base_claim(row, event, actor)
    return [{**base, "id": f"{row.id}:{n}", "item": item, "equipment": spec["equipment"],
             "quantity": _quantity(spec["count"])} for n, (item, spec) in enumerate(sorted(items_of(row).items()))]


def _quantity(count: int | None) -> dict | None:
    return None if not count else {"low": count, "high": count, "approx": False, "text": str(count)}


def _base_claim(row: Row, event: str, actor: str | None) -> dict:
    place = location(row)
    coords = {"lat": place["lat"], "lon": place["lon"]} if place and "lat" in place else None
    return {"doc": row.id, "sentence": row.text, "start": 0, "end": len(row.text), "event": event, "actor": actor,
            "unit": None, "location": place, "origin": None, "destination": destination(row.text),
            "date": row.published, "published": row.published, "source": collector(row), "outlet": None,
            "modality": "alleged" if lexicon()["_hedge"].search(row.text) else "asserted", "negated": False,
            "location_coords": coords, "origin_ref": origin_ref(row.meta.get("link") or row.url)}


@dataclass
class TableClaims:
    claims: list[dict] = field(default_factory=list)
    rejects: list[InputError] = field(default_factory=list)


def claims_from_table(path: str | Path, max_bytes: int = 200 * 1024 * 1024) -> TableClaims:
    """Read an event table with the ingest stage's table reader; bad rows are kept as rejects."""
    from ..ingest.readers import ReadContext
    from ..ingest.readers.table import read_table
    from ..ingest.sources import Source

    path = Path(path)
    if not path.is_file():
        raise MissingInput(str(path), "no such event table", "give the path to a CSV such as events.csv")
    out = TableClaims()
    for doc in read_table(Source(label=str(path), name=path.name, data=path.read_bytes()), ReadContext(max_bytes)):
        if isinstance(doc, InputError):
            out.rejects.append(doc)
        else:
            out.claims.extend(claims_from_document(doc))
    return out
