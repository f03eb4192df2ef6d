"""Publication dates found in text, with how they were found."""

from __future__ import annotations

from datetime import UTC, datetime

from forcewatch.ingest.dates import from_text, normalise

FETCHED = datetime(2022, 2, 24, 9, 0, tzinfo=UTC)


def test_long_date_with_weekday():
    assert from_text("Wednesday, 26 January 2022\n\nRussian troops arrived in Belarus.", FETCHED) == (
        "2022-01-26", "text:long")


def test_us_numeric_date_in_parentheses_is_unambiguous(corpus):
    text = (corpus / "news" / "002.txt").read_text("utf-8")
    assert from_text(text, FETCHED) == ("2022-10-17", "text:numeric")


def test_ambiguous_numeric_date_says_the_order_was_assumed():
    assert from_text("Kyiv (03/02/2022) - Ukraine said", FETCHED) == ("2022-03-02", "text:numeric-mdy-assumed")


def test_relative_dateline_counts_back_from_fetch_time():
    assert from_text("Published 1 day ago\n\nTanks were seen.", FETCHED) == ("2022-02-23", "text:relative")
    assert from_text("Posted 3 weeks ago", FETCHED) == ("2022-02-03", "text:relative")


def test_dateline_beats_an_earlier_mentioned_date():
    text = "Updated: 21 February 2022\n\nThe drills that began on 10 February 2022 were extended."
    assert from_text(text, FETCHED) == ("2022-02-21", "text:dateline")


def test_numbers_that_are_not_dates_give_nothing():
    assert from_text("Troops moved 88 kilometers; 19 attachés were briefed; 13/45/2022 is no date.", FETCHED) is None


def test_metadata_dates_are_normalised_to_iso():
    assert normalise("Tue, 02 Nov 2021 08:30:00 GMT") == "2021-11-02T08:30:00+00:00"
    assert normalise("2022-10-17") == "2022-10-17"
    assert normalise("sometime last week") is None
