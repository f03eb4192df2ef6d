"""Force-estimate timeline: one panel per item, each claim's range as a bar over time.

`force_timeline_svg(estimates)` returns an inline SVG (text kept as text, so it is
searchable in HTML and PDF). Estimates are dicts `{"item", "date", "low", "high"}` as
fusion gives them, or as `estimates_from_claims` derives them from quantity claims.
The web dashboard reuses both functions.
"""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..export.claims import claim_date, claim_id, date_span, quantity_parts, source_name

# Events whose count says how many forces are (or will be) in the area.
COUNTING_EVENTS = {"deployment", "movement", "presence", "exercise"}
ITEM_LABELS = {"personnel": "personnel", "tank": "tanks", "armoured_vehicle": "armoured vehicles",
               "artillery": "artillery", "rocket_artillery": "rocket artillery", "air_defence": "air defence",
               "aircraft": "aircraft", "helicopter": "helicopters", "missile": "missile systems",
               "drone": "drones", "truck": "trucks", "train": "trains", "unit": "units",
               "equipment": "equipment", "engineering": "engineering", "ship": "ships"}


def estimates_from_claims(claims: list[dict]) -> list[dict]:
    """One estimate per counting claim with a number: the claim's own range on its date."""
    out = []
    for claim in claims:
        low, high, approx, text = quantity_parts(claim)
        span = date_span(claim_date(claim))
        if claim.get("negated") or claim.get("event") not in COUNTING_EVENTS or span is None:
            continue
        if low is None and high is None or not claim.get("item"):
            continue
        out.append({"item": claim["item"], "date": span[0].isoformat(), "low": low, "high": high,
                    "approx": bool(approx), "text": text, "source": source_name(claim.get("source")),
                    "claims": [claim_id(claim)]})
    return out


def flatten_estimates(estimates: list[Any]) -> list[dict]:
    """Fusion's `ForceEstimate`s (objects or `to_dict()`s with a `series`) or flat dicts,
    as flat `{"item", "date", "low", "high", "area", "claims"}` points."""
    points = []
    for raw in estimates or []:
        est = raw.to_dict() if hasattr(raw, "to_dict") else dict(raw)
        for point in est.get("series") or [est]:
            span = date_span(str(point.get("date") or ""))
            low, high = point.get("low"), point.get("high")
            if span is None or not est.get("item") or (low is None and high is None):
                continue
            points.append({"item": est["item"], "date": span[0].isoformat(), "low": low, "high": high,
                           "text": point.get("text"), "area": est.get("area"), "claims": point.get("claims", [])})
    return points


def _group(estimates: list[Any]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for est in flatten_estimates(estimates):
        groups[est["item"]].append(est)
    return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))


def _figure(low: int | None, high: int | None) -> str:
    if low == high:
        return f"{low:,}"
    return f"up to {high:,}" if low is None else (f"more than {low:,}" if high is None else f"{low:,}-{high:,}")


def _date_limits(groups: dict[str, list[dict]], as_of: str | None) -> tuple[date, date]:
    """The period shown: every estimate and the as-of date, padded so single dates are readable."""
    days = [date.fromisoformat(e["date"]) for rows in groups.values() for e in rows]
    if as_of and date_span(as_of):
        days.append(date_span(as_of)[1])
    first, last = min(days), max(days)
    pad = max((last - first) / 12, timedelta(days=10))
    return first - pad, last + pad


def _draw_item(ax, item: str, rows: list[dict]) -> None:
    for est in sorted(rows, key=lambda e: e["date"]):
        when = date.fromisoformat(est["date"])
        low, high = est.get("low"), est.get("high")
        if low is not None and high is not None:
            ax.plot([when, when], [low, high], color="#1f4e79", linewidth=3, solid_capstyle="round")
            ax.plot([when], [(low + high) / 2], "o", color="#1f4e79", markersize=4)
        elif high is not None:  # "up to": only a ceiling
            ax.plot([when], [high], "v", color="#b35900", markersize=7)
        else:  # "more than": only a floor
            ax.plot([when], [low], "^", color="#2d7d46", markersize=7)
        label = est.get("text") or _figure(low, high)
        ax.annotate(label, (when, high if high is not None else low), textcoords="offset points",
                    xytext=(5, 3), fontsize=7, color="#333333")
    top = max(v for e in rows for v in (e.get("low"), e.get("high")) if v is not None)
    ax.set_ylim(0, top * 1.3)
    ax.set_title(ITEM_LABELS.get(item, item), loc="left", fontsize=9, fontweight="bold")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)


def _svg_text(fig) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "forcewatch"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]  # drop the XML prolog and doctype: the SVG goes inline


def force_timeline_svg(estimates: list[Any], as_of: str | None = None, width_in: float = 7.0) -> str:
    """An SVG chart with one panel per item: bars are ranges, ▼ ceilings ("up to"),
    ▲ floors ("more than"). Returns "" when there is nothing to draw."""
    groups = _group(estimates)
    if not groups:
        return ""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, 1.25 * len(groups) + 0.5))
    axes = fig.subplots(len(groups), 1, sharex=True, squeeze=False)[:, 0]
    for ax, (item, rows) in zip(axes, groups.items(), strict=True):
        _draw_item(ax, item, rows)
    axes[-1].set_xlim(*_date_limits(groups, as_of))
    axes[-1].xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate(rotation=30)
    fig.tight_layout()
    return _svg_text(fig)


# Level colours from calm to alarm, one per warning level 1-5 (the dashboard's CSS uses the same).
LEVEL_COLOURS = {1: "#2d7d46", 2: "#7fa650", 3: "#d4a017", 4: "#d35400", 5: "#a93226"}


def _trend_rows(trend: list[Any]) -> list[tuple[date, int, str]]:
    """(day, level, name) of each trend point with a full date and a level 1-5, oldest first."""
    rows = []
    for point in trend or []:
        point = point.to_dict() if hasattr(point, "to_dict") else dict(point)
        span = date_span(str(point.get("date") or point.get("as_of") or ""))
        level = point.get("level")
        if span is not None and isinstance(level, int) and level in LEVEL_COLOURS:
            rows.append((span[0], level, str(point.get("level_name") or "")))
    return sorted(rows)


def _draw_levels(ax, rows: list[tuple[date, int, str]], names: dict[int, str]) -> None:
    days, levels = [r[0] for r in rows], [r[1] for r in rows]
    for level, colour in LEVEL_COLOURS.items():  # faint bands so a level reads at a glance
        ax.axhspan(level - 0.5, level + 0.5, color=colour, alpha=0.08, linewidth=0)
    ax.step(days, levels, where="post", color="#1f4e79", linewidth=2)
    ax.scatter(days, levels, c=[LEVEL_COLOURS[v] for v in levels], s=36, zorder=3, edgecolors="#1f4e79")
    last_day, last_level, _ = rows[-1]
    ax.annotate(f"{last_level} {names.get(last_level, '')}".strip(), (last_day, last_level),
                textcoords="offset points", xytext=(6, 6), fontsize=8, fontweight="bold", color="#1f4e79")
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks(range(1, 6), [f"{n} {names.get(n, '')}".strip() for n in range(1, 6)])
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)


def level_trend_svg(trend: list[Any], width_in: float = 7.0) -> str:
    """A step chart of the warning level over time (an assessment's `trend`: dicts with
    `date` and `level` 1-5, `level_name` optional). Returns "" when no point can be drawn."""
    rows = _trend_rows(trend)
    if not rows:
        return ""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from ..assess.engine import LEVEL_NAMES

    names = {**LEVEL_NAMES, **{level: name for _, level, name in rows if name}}
    fig = Figure(figsize=(width_in, 2.3))
    ax = fig.subplots()
    _draw_levels(ax, rows, names)
    first, last = rows[0][0], rows[-1][0]
    pad = max((last - first) / 10, timedelta(days=2))
    ax.set_xlim(first - pad, last + pad)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate(rotation=30)
    fig.tight_layout()
    return _svg_text(fig)
