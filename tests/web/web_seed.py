"""Seed data for the web tests: the real news articles, a hostile document, claims from real sentences."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from forcewatch.store import Document

TOKEN = "test-token-7f3a"
HOSTILE_ID = "hostile-1"
HOSTILE_TEXT = (
    "Residents of Mazyr posted <script>document.title='pwned'</script> videos of 40 tanks "
    'on trains <img src=x onerror="alert(1)">; the Belarusian Hajun project counted them.'
)


def _document(doc_id: str, text: str, meta: dict) -> Document:
    return Document(
        id=doc_id, input=f"{doc_id}.txt", reader="text", raw_text=text, text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), status="ok", meta={},
        outlet=meta.get("outlet"), published=meta.get("published"), title=meta.get("title"), url=meta.get("url"),
    )


def news_documents(corpus: Path) -> list[Document]:
    meta = json.loads((corpus / "news" / "meta.json").read_text(encoding="utf-8"))
    docs = []
    for path in sorted((corpus / "news").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first_line = text.strip().splitlines()[0]
        docs.append(_document(path.stem, text, {**meta.get(path.stem, {}), "title": first_line[:120]}))
    return docs


def hostile_document() -> Document:
    meta = {"title": "<script>alert('title')</script> Hajun report", "outlet": "<b>Hajun</b>",
            "published": "2022-11-25", "url": "javascript:alert(1)"}
    return _document(HOSTILE_ID, HOSTILE_TEXT, meta)


def _claim(text: str, sentence_start: str, **fields) -> dict:
    """A claim on the sentence of `text` that begins with `sentence_start` (offsets from the text)."""
    start = text.index(sentence_start)
    end = min(i for i in (text.find(". ", start), text.find(".\n", start), len(text)) if i >= 0) + 1
    base = {"sentence": text[start:end], "start": start, "end": end, "equipment": [], "unit": None,
            "quantity": None, "location": None, "origin": None, "destination": None, "outlet": None,
            "negated": False, "actor": "Russia"}
    return {**base, **fields}


def claims_by_document(texts: dict[str, str]) -> dict[str, list[dict]]:
    """Claims a careful analyst reads from real sentences of the seeded documents."""
    mod_belarus = {"name": "Ministry of Defence of Belarus"}
    # extraction stores the gazetteer's point for a country (kb places: Belarus 53.9, 27.5667)
    belarus = {"name": "Belarus", "country": "Belarus", "lat": 53.9, "lon": 27.5667}
    send = "Russia will send some 170 tanks"
    t2 = texts["002"]
    return {
        "002": [
            _claim(t2, send, event="deployment", item="tank", modality="planned", date="2022-10-17",
                   quantity={"low": 170, "high": 170, "approx": True, "text": "some 170"}, source=mod_belarus,
                   location=belarus, destination={"name": "southern border of Belarus"}),
            _claim(t2, send, event="deployment", item="armoured_vehicle", modality="planned", date="2022-10-17",
                   quantity={"low": None, "high": 200, "approx": False, "text": "up to 200"}, source=mod_belarus,
                   location=belarus),
            _claim(t2, "The military team that the Kremlin will send", event="deployment", item="personnel",
                   modality="planned", date="2022-10-17", source=mod_belarus, location=belarus,
                   quantity={"low": None, "high": 9000, "approx": False, "text": "up to 9,000"}),
        ],
        "001": [
            _claim(texts["001"], "“The Armed Forces of the Republic of Belarus", event="exercise", item="personnel",
                   modality="reported", date="2022-12-19", source={"name": "Ministry of Defence of Belarus"},
                   location={"name": "Brest", "country": "Belarus", "lat": 52.0976, "lon": 23.7341}),
        ],
        HOSTILE_ID: [
            _claim(HOSTILE_TEXT, "Residents of Mazyr", event="presence", item="tank", modality="reported",
                   date="2022-11-25", source={"name": "Belarusian Hajun"},
                   quantity={"low": 40, "high": 40, "approx": False, "text": "40"},
                   location={"name": "Mazyr", "country": "Belarus", "lat": 52.0495, "lon": 29.2456}),
        ],
    }


def store_claims(session, docs: list[Document]) -> int:
    """Save the claims through the extraction stage's own storage function."""
    from forcewatch.extract.claims.storage import save_claims

    by_doc = claims_by_document({d.id: d.text for d in docs})
    return sum(save_claims(session, d, by_doc.get(d.id, [])) for d in docs)
