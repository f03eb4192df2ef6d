"""Dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

from forcewatch.extract.claims.dates import find_dates, parse_published

MONDAY_17_OCT = date(2022, 10, 17)


def values(text: str, published=MONDAY_17_OCT, future=False) -> list[str]:
    return [d.value for d in find_dates(text, published, future)]


def test_weekday_is_the_last_such_day_before_publication():
    assert values("On Saturday the Minsk authorities announced") == ["2022-10-15"]


def test_weekday_in_future_sentence_is_the_next_one():
    assert values("troops will hold drills on Friday", future=True) == ["2022-10-21"]


def test_weekday_with_explicit_date_takes_the_explicit_date():
    found = find_dates("the ministry reported Monday (10/17/2022).", MONDAY_17_OCT)
    assert [(d.text.startswith("Monday"), d.value) for d in found] == [(True, "2022-10-17")]


def test_last_week_is_an_iso_week():
    assert values("Last week, the president announced") == ["2022-W41"]


def test_month_alone_is_the_last_such_month():
    assert values("Lukashenko announced in October", published=date(2022, 12, 21)) == ["2022-10"]


def test_later_month_alone_belongs_to_the_previous_year():
    assert values("In February, Russia attacked Ukraine") == ["2022-02"]
    assert values("in November troops arrived") == ["2021-11"]


def test_month_and_day_with_ordinal_suffix():
    assert values("on February 10th the drills ended", published=date(2022, 3, 1)) == ["2022-02-10"]


def test_day_month_year():
    assert values("on 17 October 2022") == ["2022-10-17"]


def test_yesterday_and_days_ago():
    assert values("yesterday, and three days ago") == ["2022-10-16", "2022-10-14"]


def test_lower_case_may_is_not_a_month():
    assert values("troops may arrive 10 days later") == []


def test_without_publication_date_only_full_dates_resolve():
    assert values("On Saturday, on 17 October 2022", published=None) == ["2022-10-17"]


def test_parse_published_accepts_datetimes_and_rejects_rubbish():
    assert parse_published("2022-10-17T08:00:00") == MONDAY_17_OCT
    assert parse_published("last Monday") is None
