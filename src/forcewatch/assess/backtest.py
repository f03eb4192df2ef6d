"""Back-tests of the warning model on real history with known outcomes.

1. `eyesonrussia`: the Eyes on Russia feed of geolocated sightings, January-February 2022.
   Russia invaded from Belarus on 24 February 2022, so the level must rise: lower on
   10 January than on 20 February, and at least 4 (high) on 20 February.
2. `autumn-2022`: reporting on the Russian grouping in Belarus, October-December 2022.
   No offensive came; modest announced numbers, equipment seen leaving and analysts finding
   no strike force must keep the level at 3 (elevated) or below on 31 December 2022.

Each back-test gives the weekly level series and its checks; `chart` draws both.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..errors import MalformedInput, MissingInput
from ..fuse import Resolver
from ..fuse.provenance import annotate
from .engine import LEVEL_NAMES, evaluate, trend_point
from .problem import load_problem
from .rules import MET

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DEFAULT_EVENTS = SAMPLES / "eyesonrussia" / "events-belarus-jan-feb-2022.csv"
DEFAULT_ARTICLES = [SAMPLES / "reports"]
OPS: dict[str, Callable[[int, int], bool]] = {"<": operator.lt, "<=": operator.le, ">=": operator.ge, ">": operator.gt}


@dataclass
class Check:
    """`level(as_of) op value`, or, with `than`, `level(as_of) op level(than)`."""

    as_of: date
    op: str
    value: int | None = None
    than: date | None = None

    def describe(self) -> str:
        """The check in words, as the back-test report prints it."""
        right = f"level on {self.than}" if self.than else str(self.value)
        return f"level on {self.as_of} {self.op} {right}"


@dataclass
class Backtest:
    id: str
    title: str
    problem: str
    start: date
    end: date
    checks: list[Check]
    extra_dates: list[date] = field(default_factory=list)

    def dates(self) -> list[date]:
        """Weekly dates from start to end, plus the extra and check dates, in order."""
        weekly = [self.start + timedelta(days=7 * n) for n in range((self.end - self.start).days // 7 + 1)]
        return sorted(set(weekly + self.extra_dates + [c.as_of for c in self.checks]))


EYES_ON_RUSSIA = Backtest(
    "eyesonrussia", "Eyes on Russia feed before the invasion of 24 February 2022", "belarus-ukraine",
    date(2022, 1, 3), date(2022, 2, 21),
    [Check(date(2022, 1, 10), "<", than=date(2022, 2, 20)), Check(date(2022, 2, 20), ">=", 4)],
    [date(2022, 2, 23)],
)
AUTUMN_2022 = Backtest(
    "autumn-2022", "Russian grouping in Belarus, autumn 2022 (no offensive came)", "belarus-ukraine",
    date(2022, 10, 3), date(2022, 12, 26), [Check(date(2022, 12, 31), "<=", 3)],
)
BACKTESTS = {b.id: b for b in (EYES_ON_RUSSIA, AUTUMN_2022)}


def run(backtest: Backtest, claims: list) -> dict:
    """The level at every date of the back-test and whether each check holds."""
    problem, resolver = load_problem(backtest.problem), Resolver()
    items = annotate(claims, resolver)
    series = []
    for day in backtest.dates():
        results = evaluate(problem, items, day, resolver)
        met = sorted(r.indicator.id for r in results if r.status == MET)
        series.append({**trend_point(problem, day, results), "met": met})
    levels = {p["date"]: p["level"] for p in series}
    checks = [{"check": c.describe(), "passed": _holds(c, levels)} for c in backtest.checks]
    return {"id": backtest.id, "title": backtest.title, "problem": backtest.problem, "claims": len(items),
            "series": series, "checks": checks, "passed": all(c["passed"] for c in checks)}


def _holds(check: Check, levels: dict[str, int]) -> bool:
    right = levels[check.than.isoformat()] if check.than else check.value
    return OPS[check.op](levels[check.as_of.isoformat()], right)


def read_jsonl(path: str | Path) -> list[dict]:
    """Claims from a JSON Lines file (as `forcewatch extract --format jsonl` prints them)."""
    path = Path(path)
    if not path.is_file():
        raise MissingInput(str(path), "no such claims file", "give a .jsonl file of claims")
    claims = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                claims.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise MalformedInput(str(path), f"invalid JSON: {exc.msg}", "one claim object per line", number) from exc
    return claims


def event_claims(path: str | Path = DEFAULT_EVENTS) -> list[dict]:
    """Claims from an event table (Eyes on Russia's CSV by default), bad rows dropped."""
    from ..extract.structured import claims_from_table

    return claims_from_table(path).claims


def chart(results: list[dict], path: str | Path) -> Path:
    """Step charts of the weekly levels, one panel per back-test, as SVG or PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(results), 1, figsize=(8, 2.6 * len(results)), squeeze=False)
    for ax, result in zip(axes[:, 0], results, strict=True):
        days = [date.fromisoformat(p["date"]) for p in result["series"]]
        ax.step(days, [p["level"] for p in result["series"]], where="post", marker="o")
        ax.set_ylim(0.5, 5.5)
        ax.set_yticks(range(1, 6), [f"{n} {LEVEL_NAMES[n]}" for n in range(1, 6)])
        ax.set_title(f"{result['title']} ({'passed' if result['passed'] else 'FAILED'})", fontsize=9)
        ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    plt.close(fig)
    return path


def article_claims(paths: list[str | Path]) -> list[dict]:
    """Claims the extractor finds in article files or folders (a `meta.json` gives dates)."""
    from ..extract.claims.api import extract_paths

    return extract_paths([str(p) for p in paths])[0]


def run_all(events: str | Path = DEFAULT_EVENTS, articles: list[str | Path] | None = None,
            autumn_claims: str | Path | None = None) -> list[dict]:
    """Both back-tests: the event table, and the autumn-2022 articles (or their claims file)."""
    autumn = read_jsonl(autumn_claims) if autumn_claims else article_claims(articles or DEFAULT_ARTICLES)
    return [run(EYES_ON_RUSSIA, event_claims(events)), run(AUTUMN_2022, autumn)]
