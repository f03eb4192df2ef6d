"""The warning assessment: indicators evaluated as of a date, a level, a trend, an explanation.

Only what was known by `as_of` counts: claims whose document was published (or whose
event was dated) on or before it. The level comes from the problem's ladder (see
`docs/assessment.md`): stages of indicators met, a capability gate for the top levels,
and credible counter-indicators that step the level down. Everything is sorted, so the
same claims and date always give the same assessment.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import ConfigError
from ..fuse import Claim, Resolver, fuse
from ..fuse.claim import parse_day
from ..fuse.estimates import VALID_DAYS
from ..fuse.provenance import annotate
from .problem import Indicator, Problem, load_problem
from .rules import MET, RULES, Context, Finding

LEVEL_NAMES = {1: "none", 2: "routine", 3: "elevated", 4: "high", 5: "imminent"}
TREND_STEP_DAYS = 7
TREND_SPAN_DAYS = 30
MAX_EVIDENCE = 8


@dataclass
class IndicatorResult:
    indicator: Indicator
    finding: Finding

    @property
    def status(self) -> str:
        """The finding's status: met, not met, contradicted or unknown."""
        return self.finding.status

    def to_dict(self) -> dict:
        """The indicator, its finding and the claims behind it, as JSON-ready data."""
        ind, f = self.indicator, self.finding
        return {"id": ind.id, "title": ind.title, "role": ind.role, "stage": ind.stage, "weight": ind.weight,
                "capability": ind.capability, "status": f.status, "confidence": round(f.confidence, 3),
                "detail": f.detail, "why": ind.why, "claims": _evidence(f)}


def _evidence(finding: Finding) -> list[dict]:
    rows = []
    for group in finding.groups[:MAX_EVIDENCE]:
        for claim in group.claims[:3]:
            rows.append({**claim.evidence(), "group": group.id, "statement": group.statement,
                         "reliability": claim.grade, "credibility": group.credibility})
    return rows


@dataclass
class Assessment:
    problem: str
    title: str
    as_of: date
    level: int
    score: float
    indicators: list[IndicatorResult]
    trend: list[dict] = field(default_factory=list)
    explanation: str = ""
    summary: str = ""  # the explanation cut to what drives the level, for bottom lines

    def to_dict(self) -> dict:
        """The assessment in the documented JSON shape (docs/assessment.md)."""
        return {"problem": self.problem, "title": self.title, "as_of": self.as_of.isoformat(), "level": self.level,
                "level_name": LEVEL_NAMES[self.level], "score": self.score, "trend": self.trend,
                "indicators": [r.to_dict() for r in self.indicators], "explanation": self.explanation,
                "summary": self.summary}


def as_date(value: date | str) -> date:
    """A full ISO date (or a `date`) as a date; ConfigError for anything less."""
    if isinstance(value, date):
        return value
    day = parse_day(value)
    if day is None or len(str(value)) < 10:
        raise ConfigError(f"as-of date {value!r} is not a full ISO date; write it as YYYY-MM-DD, e.g. 2022-12-31")
    return day


def assess(problem: str | Path | Problem, claims: list, as_of: date | str, *, trend: bool = True,
           resolver: Resolver | None = None) -> Assessment:
    """Assess a warning problem (id, YAML path or `Problem`) on claims known by `as_of`."""
    problem, day = load_problem(problem), as_date(as_of)
    resolver = resolver or Resolver()
    items = annotate(claims, resolver)
    results = evaluate(problem, items, day, resolver)
    level, reasons = level_of(problem, results)
    assessment = Assessment(problem.id, problem.title, day, level, score_of(results), results)
    if trend:
        assessment.trend = trend_of(problem, items, day, resolver) + [trend_point(problem, day, results)]
    assessment.explanation = explain(assessment, reasons)
    assessment.summary = explain(assessment, reasons, brief=True)
    return assessment


def evaluate(problem: Problem, claims: list[Claim], as_of: date, resolver: Resolver) -> list[IndicatorResult]:
    """Every indicator of the problem, on the fused claims known by `as_of`."""
    horizon = as_of - timedelta(days=max(VALID_DAYS, problem.window_days))
    known = [c for c in claims if c.visible_on(as_of) and (c.day or c.published) >= horizon]
    ctx = Context(problem, as_of, fuse(known, resolver=resolver))
    return [IndicatorResult(ind, RULES[ind.rule](ind, ctx)) for ind in problem.indicators]


def level_of(problem: Problem, results: list[IndicatorResult]) -> tuple[int, list[str]]:
    """The ladder: highest level whose stage requirements (and capability gate) hold, then
    one step down per `counter_step` of weighted counter-evidence."""
    met = [r for r in results if r.status == MET and r.indicator.role == "indicator"]
    stages = Counter(r.indicator.stage for r in met)
    capable = any(r.indicator.capability for r in met)
    base, reasons = 1, []
    for rule in sorted(problem.scoring.levels, key=lambda r: -r.level):
        if (not rule.capability or capable) and any(all(stages[s] >= n for s, n in req.items()) for req in rule.any_of):
            base = rule.level
            break
        if rule.capability and not capable and rule.level == 4:
            reasons.append("the capability indicators (force size, mass of heavy equipment) are not met, "
                           "so the level cannot pass 3")
    counter = sum(r.indicator.weight * r.finding.confidence for r in results
                  if r.status == MET and r.indicator.role == "counter")
    steps = min(problem.scoring.max_counter_steps, int(counter // problem.scoring.counter_step))
    level = max(2 if met else 1, base - steps) if steps else base
    if steps and level < base:
        reasons.append(f"credible counter-indicators (weighted {counter:.1f}) lower it from {base} to {level}")
    return level, reasons


def score_of(results: list[IndicatorResult]) -> float:
    """Weighted share of indicator evidence net of counter-evidence, 0-1 (shown, not used for the level)."""
    total = sum(r.indicator.weight for r in results if r.indicator.role == "indicator") or 1.0
    signed = sum((1 if r.indicator.role == "indicator" else -1) * r.indicator.weight * r.finding.confidence
                 for r in results if r.status == MET)
    return round(min(1.0, max(0.0, signed / total)), 3)


def trend_point(problem: Problem, day: date, results: list[IndicatorResult]) -> dict:
    """One point of a level series: the date, the level and its name, and the score."""
    level = level_of(problem, results)[0]
    return {"date": day.isoformat(), "level": level, "level_name": LEVEL_NAMES[level], "score": score_of(results)}


def trend_of(problem: Problem, claims: list[Claim], as_of: date, resolver: Resolver) -> list[dict]:
    """Weekly levels over the previous 30 days, oldest first (the as-of point is added by the caller)."""
    points = []
    for back in range(TREND_SPAN_DAYS - TREND_SPAN_DAYS % TREND_STEP_DAYS, 0, -TREND_STEP_DAYS):
        day = as_of - timedelta(days=back)
        points.append(trend_point(problem, day, evaluate(problem, claims, day, resolver)))
    return points


def trend_word(trend: list[dict]) -> str:
    """"rising", "falling" or "steady" from the first to the last point of a trend."""
    if len(trend) < 2:
        return "no trend"
    delta = trend[-1]["level"] - trend[0]["level"]
    return "rising" if delta > 0 else "falling" if delta < 0 else "steady"


def explain(a: Assessment, reasons: list[str], brief: bool = False) -> str:
    """A plain-language paragraph: level, trend, what is met, what holds it back.

    `brief=True` names only what drives the level (met, contradicted, counter-indicators,
    caps) and counts the rest, for a bottom line; the full form lists every indicator.
    """
    by = {s: [r for r in a.indicators if r.status == s and r.indicator.role == "indicator"]
          for s in ("met", "contradicted", "not met", "unknown")}
    counters = [r for r in a.indicators if r.indicator.role == "counter" and r.status == MET]
    parts = [f"Level {a.level} ({LEVEL_NAMES[a.level]}) for '{a.title}' as of {a.as_of.isoformat()}, "
             f"{trend_word(a.trend)} over the previous {TREND_SPAN_DAYS} days."]
    parts.append(_list("Indicators met", by["met"]))
    parts.append(_list("Contradicted", by["contradicted"]))
    if brief:
        parts.append(f"{len(by['not met'])} indicators not met and {len(by['unknown'])} without reporting "
                     "(see the indicator board).")
    else:
        parts.append(_list("Not met", by["not met"]))
        parts.append(_list("No reporting", by["unknown"]))
    parts.append(_list("Counter-indicators present", counters))
    parts += [r[0].upper() + r[1:] + "." for r in reasons]
    return " ".join(p for p in parts if p)


def _list(label: str, results: list[IndicatorResult]) -> str:
    if not results:
        return ""
    names = "; ".join(f"{r.indicator.title.lower()} ({r.finding.detail})" if r.finding.detail else r.indicator.title.lower()
                      for r in results)
    return f"{label}: {names}."
