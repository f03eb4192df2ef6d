"""Which claims an export or report covers: dates, region, warning problem."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..errors import ConfigError
from .claims import claim_date, claim_id, date_span, place_country, place_name, ref_id
from .geo import claim_place, resolve


def option_day(value: str | date | None, option: str, *, last: bool = False) -> date | None:
    """A `--since`/`--until` value as a date: the first day a month or year means, or with
    `last` its last day ("--until 2022-10" includes all of October)."""
    if value is None or isinstance(value, date):
        return value
    span = date_span(value)
    if span is None:
        raise ConfigError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY.")
    return span[1] if last else span[0]


def in_period(claim: dict, since: date | None, until: date | None) -> bool:
    """True when the claim's date (or publication date) can fall inside [since, until].

    A claim without any date is kept only when no period is asked for."""
    if since is None and until is None:
        return True
    span = date_span(claim_date(claim))
    if span is None:
        return False
    first, last = span
    return (since is None or last >= since) and (until is None or first <= until)


def _names_for(claim: dict) -> set[str]:
    names: set[str] = set()
    for key in ("location", "origin", "destination"):
        value = claim.get(key)
        for name in (place_name(value), place_country(value)):
            if name:
                names.add(name.lower())
                found = resolve(name)
                if found:
                    names.update(n.lower() for n in (found.name, found.country, found.admin1) if n)
    place = claim_place(claim)
    names.update(n.lower() for n in (place.country, place.admin1) if n)
    return names


def in_region(claim: dict, region: str | None) -> bool:
    """True when any of the claim's places is, or lies in, `region` (country or admin1)."""
    if not region:
        return True
    wanted = region.strip().lower()
    return any(wanted == name or wanted in name.split() for name in _names_for(claim))


def cited_ids(assessment: dict) -> set[str]:
    """Ids of the claims an assessment's indicators cite: ids, claim dicts, or evidence
    dicts (`{"claim": id, ...}`) as `Assessment.to_dict()` gives them."""
    return {ref_id(ref) for indicator in assessment.get("indicators", []) for ref in indicator.get("claims", [])}


def select(
    claims: Iterable[dict],
    since: str | date | None = None,
    until: str | date | None = None,
    region: str | None = None,
    cited: set[str] | None = None,
) -> list[dict]:
    """The claims inside the period and region, and among `cited` when given (a problem's
    evidence, from `cited_ids(assessment)`)."""
    start, end = option_day(since, "--since"), option_day(until, "--until", last=True)
    return [
        c for c in claims
        if in_period(c, start, end) and in_region(c, region) and (cited is None or claim_id(c) in cited)
    ]
