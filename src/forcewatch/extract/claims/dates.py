"""Dates in a sentence, resolved against the publication date to ISO 8601 (full or partial).

"on Saturday" -> the last Saturday on or before publication ("next Saturday" when the
sentence speaks of the future); "last week" -> "2022-W41"; "in September" -> "2022-09"
(the last September not after publication); "December 19" -> "2022-12-19";
"Monday (10/17/2022)" -> "2022-10-17" (the explicit date wins over the weekday).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(_DAYS) + r")"

# Order matters: the most specific pattern first; matches never overlap.
_PATTERNS = [
    ("iso", rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("numeric", r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
    ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?"),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    ("month_year", rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("weekday", rf"\b(?P<rel>last|this|next|on|past)?\s*{_WEEKDAY}\b"),
    ("relative", r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|this morning|last night"
     r"|last week|this week|next week|last month|this month|earlier this month|next month"
     r"|last year|this year|next year)\b"),
    ("ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<unit>day|week|month)s?\s+ago\b"),
    ("in_month", rf"\b(?:in|since|during|by|until|early|late|mid-?|end of|beginning of)\s+{_MONTH}\b"),
    ("year", rf"\b(?:in|since|during|by|until|of)\s+{_YEAR}\b"),
]  # fmt: skip
_COMPILED = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@dataclass
class DateMention:
    """A date expression and its resolved ISO value; offsets into the text it came from."""

    start: int
    end: int
    text: str
    value: str


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _month_year(month: int, pub: date, future: bool) -> int:
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _full(year: int | None, month: int, day: int, pub: date, future: bool) -> str | None:
    year = year or _month_year(month, pub, future)
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not future and value > pub + timedelta(days=7) and value.year == pub.year:
        value = value.replace(year=year - 1)  # "December 19" in a January article
    return value.isoformat()


def _weekday(m: re.Match, pub: date, future: bool) -> str:
    target = _DAYS[m.group("weekday").lower()]
    rel = (m.group("rel") or "").lower()
    back = (pub.weekday() - target) % 7
    if rel == "next" or (future and rel != "last"):
        return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat()
    if rel == "last" and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat()


def _relative(rel: str, pub: date) -> str:
    rel = rel.lower()
    days = {"the day before yesterday": -2, "yesterday": -1, "last night": -1}
    if rel in days:
        return (pub + timedelta(days=days[rel])).isoformat()
    if rel in ("today", "tonight", "this morning"):
        return pub.isoformat()
    if rel.endswith("week"):
        shift = {"last": -7, "this": 0, "next": 7}[rel.split()[0]]
        return _iso_week(pub + timedelta(days=shift))
    if rel.endswith("month"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        index = pub.year * 12 + pub.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
    return str(pub.year + shift)


def _ago(m: re.Match, pub: date) -> str:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _SMALL[raw]
    unit = m.group("unit").lower()
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat()
    if unit == "week":
        return _iso_week(pub - timedelta(days=7 * n))
    index = pub.year * 12 + pub.month - 1 - n
    return f"{index // 12}-{index % 12 + 1:02d}"


def _numeric(m: re.Match) -> str | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve(name: str, m: re.Match, pub: date | None, future: bool) -> str | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if name == "iso":
        return f"{g['year']}-{g['m']}-{g['d']}"
    if name == "numeric":
        return _numeric(m)
    if name == "month_year":
        return f"{year}-{_MONTHS[g['month'].lower()]:02d}"
    if name == "year":
        return str(year)
    if pub is None:
        return _undated(name, g, year)
    if name in ("month_day", "day_month"):
        return _full(year, _MONTHS[g["month"].lower()], int(g["day"]), pub, future)
    if name == "in_month":
        month = _MONTHS[g["month"].lower()]
        return f"{_month_year(month, pub, future)}-{month:02d}"
    if name == "weekday":
        return _weekday(m, pub, future)
    if name == "relative":
        return _relative(g["rel"], pub)
    return _ago(m, pub)


def _undated(name: str, g: dict, year: int | None) -> str | None:
    """Without a publication date only expressions that carry their year resolve."""
    if name in ("month_day", "day_month") and year:
        return date(year, _MONTHS[g["month"].lower()], int(g["day"])).isoformat()
    return None


def find_dates(text: str, published: date | None, future: bool = False) -> list[DateMention]:
    """Date expressions in `text` with ISO values; `future` when the sentence speaks ahead."""
    taken: list[tuple[int, int]] = []
    found = []
    for name, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if not _capitalised(m):
                continue
            value = _resolve(name, m, published, future)
            if value:
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                taken.append((start, m.end()))
                found.append(DateMention(start, m.end(), text[start : m.end()], value))
    return _merge_weekday_with_explicit(sorted(found, key=lambda d: d.start), text)


def _merge_weekday_with_explicit(found: list[DateMention], text: str) -> list[DateMention]:
    """'Monday (10/17/2022)': one mention whose value is the explicit date."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        between = text[prev.end : d.start] if prev else ""
        if prev and len(d.value) == 10 and re.fullmatch(r"\s*\(?\s*", between) and _is_weekday(prev.text):
            out[-1] = DateMention(prev.start, d.end, text[prev.start : d.end], d.value)
        else:
            out.append(d)
    return out


def _capitalised(m: re.Match) -> bool:
    """Month and day names are proper nouns: "may" and "march" in lower case are verbs."""
    groups = m.groupdict()
    return all(groups.get(g) is None or groups[g][0].isupper() for g in ("month", "weekday"))


def _is_weekday(text: str) -> bool:
    return text.split()[-1].lower() in _DAYS


def parse_published(value: str | None) -> date | None:
    """The date part of an ISO publication date or datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
