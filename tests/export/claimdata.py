"""Claims for export and report tests, made from real data in ../shared/corpus.

- `news_claims`: the claims a careful analyst reads from real sentences of the sample
  articles 001 and 002 (data/news_claims.jsonl); offsets are found in the real files.
- `eor_claims`: rows of Eyes on Russia's events.csv (real, geolocated observations of
  Russian forces in Belarus before 24 February 2022) turned into claims, as an event
  feed reader would.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def need_service(reason: str) -> None:
    """Skip on a user's machine; fail where FORCEWATCH_REQUIRE_SERVICES=1 (CI)."""
    if os.environ.get("FORCEWATCH_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def news_claims(corpus: Path) -> list[dict]:
    claims = []
    for number, line in enumerate((DATA / "news_claims.jsonl").read_text(encoding="utf-8").splitlines(), 1):
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
