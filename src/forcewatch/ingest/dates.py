"""Publication dates: from metadata first, else from the text, always with how they were found.

`published_how` values written here: "text:dateline" (a "Published ..." line), "text:relative"
("Published 1 day ago", against the fetch time), "text:long" ("Wednesday, 26 January 2022"),
"text:numeric" ("(10/17/2022)", unambiguous), "text:numeric-mdy-assumed" (both parts could
be the month; US order assumed), "text:iso" ("2022-10-17").
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

HEAD_CHARS = 4000  # the date of a report is stated near its top
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I)
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})(?![\d/.])")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|an?|one)\s+(?P<unit>minute|hour|day|week|month)s?\s+ago\b|\b(?P<word>yesterday|today)\b", re.I)
_DATELINE = re.compile(r"^\s*(published|updated|posted|last updated|date)\b[^\n]{0,80}$", re.I | re.M)
_UNIT_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7, "month": 30}


def normalise(value: str | None) -> str | None:
    """An ISO 8601 date or datetime from a metadata value; None when it is not a date."""
    if not value or not str(value).strip():
        return None
    value = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return value
    try:
        parsed = dateparser.parse(value)
    except (ValueError, OverflowError):
        return None
    has_time = bool(re.search(r"\d:\d", value))
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def from_text(text: str, fetched_at: datetime) -> tuple[str, str] | None:
    """`(iso date, how)` for the publication date a text states, or None."""
    head = text[:HEAD_CHARS]
    for match in _DATELINE.finditer(head):
        found = _relative(match.group(0), fetched_at) or _first_date(match.group(0), fetched_at)
        if found:
            how = "text:relative" if found[1] == "text:relative" else "text:dateline"
            return found[0], how
    return _first_date(head, fetched_at)


def _relative(line: str, fetched_at: datetime) -> tuple[str, str] | None:
    match = _RELATIVE.search(line)
    if not match:
        return None
    if match.group("word"):
        days = 1 if match.group("word").lower() == "yesterday" else 0
    else:
        n = 1 if match.group("n").lower() in ("a", "an", "one") else int(match.group("n"))
        unit = match.group("unit").lower()
        if unit in ("minute", "hour"):
            delta = timedelta(minutes=n) if unit == "minute" else timedelta(hours=n)
            return (fetched_at - delta).date().isoformat(), "text:relative"
        days = n * _UNIT_DAYS[unit]
    return (fetched_at - timedelta(days=days)).date().isoformat(), "text:relative"


def _first_date(text: str, fetched_at: datetime) -> tuple[str, str] | None:
    """The earliest plausible date in `text`, whatever its form."""
    candidates = []
    for pattern, how in ((_DMY, "text:long"), (_MDY, "text:long"), (_ISO, "text:iso"), (_NUMERIC, "text:numeric")):
        for match in pattern.finditer(text):
            found = _to_date(match, how, fetched_at)
            if found:
                candidates.append((match.start(), found))
                break
    return min(candidates)[1] if candidates else None


def _to_date(match: re.Match, how: str, fetched_at: datetime) -> tuple[str, str] | None:
    year = int(match.group("year"))
    if how == "text:numeric":
        month, day, how = _order(int(match.group("a")), int(match.group("b")))
    else:
        month = _month(match.group("month"))
        day = int(match.group("day"))
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= year <= fetched_at.year + 1:
        return None
    return found.isoformat(), how


def _order(a: int, b: int) -> tuple[int, int, str]:
    """(month, day, how) for a/b/yyyy: unambiguous when one part exceeds 12."""
    if a > 12:
        return b, a, "text:numeric"
    if b > 12:
        return a, b, "text:numeric"
    return a, b, "text:numeric-mdy-assumed"


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return MONTHS[key] if key in MONTHS else int(name)
