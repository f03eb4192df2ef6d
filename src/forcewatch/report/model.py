"""What a brief says, gathered once and rendered as HTML, Markdown or PDF.

`build_report` takes an assessment (`Assessment.to_dict()` shape), the claims, and
optionally a fusion result and documents; every renderer reads the `Report` it returns,
so the three formats always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from ..assess.engine import LEVEL_NAMES
from ..assess.engine import trend_word as assessment_trend_word  # one wording for brief and explanation
from ..export.claims import (
    attributed_to,
    claim_date,
    claim_id,
    normalise_contradictions,
    place_name,
    quantity_parts,
    ref_id,
    source_name,
)
from ..export.geo import claim_place, source_entry
from ..fuse.claim import Quantity
from .charts import estimates_from_claims, flatten_estimates, force_timeline_svg, level_trend_svg
from .maps import claims_map_svg, load_borders, sites_near

STATUS_ORDER = ("met", "contradicted", "not met", "unknown")


@dataclass
class Report:
    """Everything a brief shows, in reading order."""

    problem: str
    title: str
    as_of: str
    generated: str
    level: int | None
    level_label: str
    trend: list[dict]
    trend_word: str
    bottom_line: str
    indicators: list[dict]
    timeline_svg: str
    timeline_note: str
    map_svg: str
    map_note: str
    contradictions: list[dict]
    sources: list[dict]
    claims: list[dict]
    documents: dict[str, dict] = field(default_factory=dict)
    trend_svg: str = ""  # the level over the previous 30 days, as on the dashboard

    def counts(self) -> dict[str, int]:
        """How many indicators have each status."""
        tally = {s: 0 for s in STATUS_ORDER}
        for ind in self.indicators:
            tally[ind["status"]] = tally.get(ind["status"], 0) + 1
        return tally


def safe_url(url: Any) -> str | None:
    """Only http(s) links go into a report: a `javascript:` URL from a scraped page must not."""
    if not isinstance(url, str) or urlparse(url).scheme not in ("http", "https"):
        return None
    return url


def trend_points(trend: Any) -> list[dict]:
    """An assessment's trend as `[{"as_of", "level"}]`, from dicts or bare levels."""
    points = []
    for entry in trend or []:
        if isinstance(entry, dict):
            level = entry.get("level")
            when = entry.get("as_of") or entry.get("date") or ""
        else:
            level, when = entry, ""
        if isinstance(level, int):
            points.append({"as_of": str(when), "level": level, "label": LEVEL_NAMES.get(level, "")})
    return points


def appendix_row(claim: dict, number: int, documents: dict[str, dict]) -> dict:
    """A claim as the appendix and the evidence lists show it."""
    doc = documents.get(str(claim.get("doc")), {})
    place = claim_place(claim)
    return {
        "n": number, "id": claim_id(claim), "anchor": "claim-" + "".join(ch if ch.isalnum() else "-" for ch in claim_id(claim)),
        "date": claim_date(claim) or "", "event": claim.get("event") or "", "item": claim.get("item") or "",
        "quantity": _figure(claim),
        "actor": claim.get("actor") or "", "place": place.name or place_name(claim.get("location")) or "",
        "source": source_name(claim.get("source")) or "unattributed", "outlet": claim.get("outlet") or doc.get("outlet") or "",
        "modality": claim.get("modality") or "", "negated": bool(claim.get("negated")),
        "sentence": claim.get("sentence") or "", "doc": str(claim.get("doc")),
        "doc_title": doc.get("title") or "", "url": safe_url(doc.get("url") or claim.get("url")),
    }


def _figure(claim: dict) -> str:
    """The claim's figure as the text gave it, else from its bounds ("up to 9000", not "None-9000")."""
    low, high, _, text = quantity_parts(claim)
    if text or (low is None and high is None):
        return text or ""
    return Quantity(low, high).describe()


def cite(rows: list[dict]) -> list[dict]:
    """Evidence for display: one entry per sentence, with every claim read from it, so a
    sentence that yields three claims (tanks, vehicles, guns) is quoted once."""
    quotes: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["doc"], row["sentence"])
        entry = quotes.setdefault(key, {"sentence": row["sentence"], "source": row["source"], "date": row["date"],
                                        "refs": []})
        entry["refs"].append({"n": row["n"], "anchor": row["anchor"]})
    return list(quotes.values())


def _indicator(raw: dict, rows: dict[str, dict]) -> dict:
    refs = raw.get("claims") or []
    ids = list(dict.fromkeys(ref_id(r) for r in refs))
    status = str(raw.get("status") or "unknown")
    return {"name": raw.get("name") or raw.get("title") or raw.get("id") or "indicator",
            "id": raw.get("id") or "", "status": status if status in STATUS_ORDER else "unknown",
            "note": raw.get("detail") or raw.get("explanation") or raw.get("note") or raw.get("why") or "",
            "evidence": cite([rows[i] for i in ids if i in rows])}


def _sources(claims: list[dict], fusion: dict | None) -> list[dict]:
    if fusion and fusion.get("sources"):
        return [{"name": s.get("name"), "grade": s.get("grade") or "F", "note": s.get("grade_note") or "",
                 "claims": s.get("claims", 0), "corroborated": s.get("corroborated"),
                 "contradicted": s.get("contradicted"), "track": s.get("track_record")}
                for s in sorted(fusion["sources"], key=lambda s: (s.get("grade") or "F", s.get("name") or ""))]
    counts: dict[str, int] = {}
    for claim in claims:
        name = attributed_to(claim) or "unattributed"
        counts[name] = counts.get(name, 0) + 1
    return [{"name": n, **_kb_grade(n), "claims": c, "corroborated": None, "contradicted": None, "track": None}
            for n, c in sorted(counts.items())]


def _kb_grade(name: str) -> dict:
    """The registry's grade of a source; F (cannot be judged) for a source it does not know."""
    entry = source_entry(name)
    return {"grade": getattr(entry, "reliability", None) or "F", "note": getattr(entry, "reliability_note", None) or ""}


def _contradictions(fusion: dict | None, rows: dict[str, dict]) -> list[dict]:
    out = []
    for entry in normalise_contradictions((fusion or {}).get("contradictions")):
        sides = [cite([rows[i] for i in side if i in rows]) for side in entry["sides"]]
        out.append({"kind": entry["kind"], "reason": entry["reason"], "sides": [s for s in sides if s]})
    return out


def _timeline(claims: list[dict], fusion: dict | None, as_of: str) -> tuple[str, str]:
    estimates = (fusion or {}).get("estimates") or []
    if flatten_estimates(estimates):
        return force_timeline_svg(estimates, as_of=as_of), "Fused estimates per item over time; each mark is one fused figure."
    svg = force_timeline_svg(estimates_from_claims(claims), as_of=as_of)
    return svg, "Figures as each claim states them (no fusion was run)."


def _map(claims: list[dict], borders: dict | None, sites: list[dict] | None) -> tuple[str, str]:
    sites = sites if sites is not None else sites_near(claims)
    borders = borders if borders is not None else load_borders()
    note = "Circles are claims (colour: event; hollow: negated); triangles are military sites."
    if borders is None:
        note += " Country borders were not available."
    return claims_map_svg(claims, borders, sites), note


def build_report(assessment: dict, claims: list[dict], fusion: Any = None, documents: list[dict] | None = None,
                 borders: dict | None = None, sites: list[dict] | None = None, title: str | None = None) -> Report:
    """Gather a brief: bottom line, indicator board, timeline, map, contradictions, sources, appendix."""
    fusion = fusion.to_dict() if hasattr(fusion, "to_dict") else fusion
    docs = {str(d.get("id")): d for d in documents or []}
    ordered = sorted(claims, key=lambda c: (claim_date(c) or "", str(c.get("doc")), c.get("start") or 0))
    rows = {claim_id(c): appendix_row(c, n, docs) for n, c in enumerate(ordered, 1)}
    level = assessment.get("level")
    trend = trend_points(assessment.get("trend"))
    indicators = [_indicator(i, rows) for i in assessment.get("indicators") or []]
    indicators.sort(key=lambda i: STATUS_ORDER.index(i["status"]))
    as_of = str(assessment.get("as_of") or "")
    timeline_svg, timeline_note = _timeline(ordered, fusion, as_of)
    map_svg, map_note = _map(ordered, borders, sites)
    problem = str(assessment.get("problem") or "")
    return Report(
        problem=problem, title=title or assessment.get("title") or f"Warning brief: {problem}", as_of=as_of,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), level=level,
        level_label=assessment.get("level_name") or assessment.get("label") or LEVEL_NAMES.get(level, "unknown"), trend=trend, trend_word=assessment_trend_word(trend),
        bottom_line=str(assessment.get("summary") or assessment.get("explanation") or ""), indicators=indicators,
        timeline_svg=timeline_svg, timeline_note=timeline_note, map_svg=map_svg, map_note=map_note,
        contradictions=_contradictions(fusion, rows), sources=_sources(ordered, fusion),
        claims=list(rows.values()), documents=docs, trend_svg=level_trend_svg(trend),
    )
