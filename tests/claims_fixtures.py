"""Claims shared by the fusion, assessment, export and report tests.

- `build_claim` / `make_claim`: one claim-schema dict from a sentence in the style of
  defence reporting, with the defaults most tests share (actor Russia, in Belarus).
- `news_claims` / `claims_news`: the claims a careful analyst reads from real sentences of
  the sample articles 001 and 002 (export/data/news_claims.jsonl); offsets are found in the
  real files.
- `eor_claims` / `claims_eor`: rows of Eyes on Russia's events.csv (real, geolocated
  observations of Russian forces in Belarus before 24 February 2022) turned into claims, as
  an event feed reader would.

A test folder's conftest.py imports the fixtures it uses from here (tests are not a package;
pytest puts this folder on sys.path while it loads tests/conftest.py).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

NEWS_CLAIMS = Path(__file__).parent / "export" / "data" / "news_claims.jsonl"


def build_claim(sentence: str, event: str, item: str | None, **fields) -> dict:
    """A claim-schema dict; `fields` override the defaults (actor Russia, in Belarus)."""
    claim = {"doc": fields.pop("doc", "d1"), "sentence": sentence, "start": 0, "end": len(sentence), "event": event,
             "actor": "Russia", "item": item, "equipment": [], "unit": None, "quantity": None, "location": "Belarus",
             "origin": None, "destination": None, "date": None, "published": "2022-10-17", "source": None,
             "outlet": None, "modality": "reported", "negated": False}
    qty = fields.pop("qty", None)
    if qty is not None:
        low, high, text = qty
        claim["quantity"] = {"low": low, "high": high, "approx": "about" in text or "some" in text, "text": text}
    claim.update(fields)
    return claim


def without_ids(claims: list[dict]) -> list[dict]:
    """The claims less their `id`, which a store assigns anew on import."""
    return [{k: v for k, v in c.items() if k != "id"} for c in claims]


def news_claims(corpus: Path) -> list[dict]:
    """The analyst's claims on articles 001 and 002, with ids and offsets into the real texts."""
    claims = []
    for number, line in enumerate(NEWS_CLAIMS.read_text(encoding="utf-8").splitlines(), 1):
        claim = json.loads(line)
        text = (corpus / "news" / f"{claim['doc']}.txt").read_text(encoding="utf-8")
        start = text.index(claim["sentence"])
        claim.update(id=f"news-{number}", start=start, end=start + len(claim["sentence"]))
        claims.append(claim)
    return claims


def _event(title: str) -> str:
    words = title.lower()
    if any(w in words for w in ("camp", "presence", "gathered", "deployed", "stationed")):
        return "presence"
    return "movement"


def eor_claim(row: dict) -> dict:
    """One Eyes on Russia row as a claim: its description, place and coordinates, CIR as source."""
    text = row["brief description"].strip() or row["title"].strip()
    place = row["town/city"] or row["district"] or row["province"] or row["country"]
    return {
        "id": f"eor-{row['entry'] or row['date'] + '-' + row['lat'][:7]}", "doc": f"eor-{row['entry']}",
        "sentence": text, "start": 0, "end": len(text), "event": _event(text), "actor": "Russia",
        "item": "equipment", "equipment": [e.strip() for e in row["arms/munition"].split(",") if e.strip()],
        "unit": None, "quantity": None,
        "location": {"name": place, "lat": float(row["lat"]), "lon": float(row["lon"]), "country": "Belarus"},
        "origin": None, "destination": None, "date": row["date"], "source": "Centre for Information Resilience",
        "outlet": "Eyes on Russia", "modality": "reported", "negated": False, "published": row["date"],
        "url": row["link"],
    }


def eor_claims(corpus: Path, until: str = "2022-02-23", limit: int = 40) -> list[dict]:
    """Belarus rows (raw country spellings cleaned) from January 2022 up to `until`."""
    claims = []
    with open(corpus / "eyesonrussia" / "events.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["country"].strip().lower().startswith("bela") and row["date"] <= until and row["lat"]:
                claims.append(eor_claim(row))
            if len(claims) >= limit:
                break
    return claims


@pytest.fixture
def make_claim():
    """`build_claim`, as a fixture."""
    return build_claim


@pytest.fixture(scope="session")
def claims_news(corpus):
    return news_claims(corpus)


@pytest.fixture(scope="session")
def claims_eor(corpus):
    return eor_claims(corpus)


@pytest.fixture(scope="session")
def claims_all(claims_news, claims_eor):
    return claims_news + claims_eor


@pytest.fixture
def need_service(request):
    """`need_service` of tests/conftest.py: skip on a user's machine, fail where services are required (CI)."""
    root = request.config.pluginmanager.get_plugin(str(Path(__file__).with_name("conftest.py")))
    return root.need_service
