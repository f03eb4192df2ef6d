"""Quantity expressions of defence reporting, and the trap numbers that count no forces."""

from __future__ import annotations

import pytest

from forcewatch.extract.claims.quantities import find_quantities, force_counts


def one(text: str):
    found = force_counts(text)
    assert len(found) == 1, found
    return found[0]


def test_quantity_plain_digits_with_separator_is_exact():
    q = one("Belarus received 9,000 Russian soldiers.")
    assert (q.low, q.high, q.approx, q.text) == (9000, 9000, False, "9,000")


def test_quantity_up_to_sets_only_high():
    q = one("Russia will send up to 200 armored combat vehicles.")
    assert (q.low, q.high, q.approx, q.text) == (None, 200, False, "up to 200")


def test_quantity_more_than_sets_only_low():
    q = one("More than 90 tanks left Belarus for Russia.")
    assert (q.low, q.high) == (90, None)


def test_quantity_at_least_sets_only_low():
    assert (one("at least 50 T-72B3 tanks were destroyed").low, one("at least 50 tanks").high) == (50, None)


def test_quantity_some_is_approximate_point():
    q = one("some 170 tanks")
    assert (q.low, q.high, q.approx, q.text) == (170, 170, True, "some 170")


def test_quantity_around_and_nearly_are_approximate():
    assert one("around 20,000 conscripts").approx and one("nearly 9,000 troops").approx


def test_quantity_range_with_to():
    q = one("between 10,000 to 15,000 soldiers are training in Belarus")
    assert (q.low, q.high) == (10000, 15000)


def test_quantity_range_between_and():
    q = one("between 20 and 30 helicopters")
    assert (q.low, q.high, q.text) == (20, 30, "between 20 and 30")


def test_quantity_range_with_hyphen():
    assert (one("10,000-15,000 troops").low, one("10,000-15,000 troops").high) == (10000, 15000)


def test_quantity_range_shares_scale_word():
    q = one("10 to 15 thousand soldiers")
    assert (q.low, q.high) == (10000, 15000)


def test_number_words_nine_thousand():
    assert one("nine thousand soldiers").low == 9000


def test_number_words_hyphenated_tens():
    assert one("twenty-five tanks").low == 25


def test_number_words_a_dozen():
    assert one("a dozen Ka-52 helicopters").low == 12


def test_several_hundred_is_an_approximate_range():
    q = one("several hundred paratroopers")
    assert (q.low, q.high, q.approx) == (300, 900, True)


def test_thousands_of_sets_low_1000_and_no_high():
    q = one("thousands of troops")
    assert (q.low, q.high, q.approx, q.text) == (1000, None, True, "thousands of")


def test_multiplier_12x_is_a_count():
    q = force_counts("Hajun spotted 12x 2S3 Akatsiya near Rechitsa.")
    assert [(x.low, x.multiplier) for x in q] == [(12, True)]


def test_battalion_set_keeps_echelon():
    q = one("one battalion set of tanks")
    assert (q.low, q.echelon, q.text) == (1, "battalion", "one battalion set")


def test_scale_suffix_k():
    assert one("15k troops").low == 15000


@pytest.mark.parametrize(
    "text, trap",
    [
        ("about 40 kilometers from the border", "distance"),
        ("88 km north of Kyiv", "distance"),
        ("20 percent of the trains", "percent"),
        ("20% of the trains", "percent"),
        ("sentenced to 16 years in prison", "time"),
        ("a $5 million contract", "money"),
        ("a 25-year-old conscript", "age"),
        ("one in three mobilized men", "odds"),
        ("in 2022", "year"),
        ("the 93rd Mechanized Brigade", "model"),
        ("an M109 howitzer", "model"),
        ("the S-400 system", "model"),
        ("a 2S19 Msta-S", "model"),
    ],
)
def test_trap_numbers_are_marked_and_not_counted(text, trap):
    found = find_quantities(text)
    assert found and all(q.trap for q in found)
    assert trap in {q.trap for q in found}
    assert force_counts(text) == []


def test_date_with_slashes_is_no_quantity():
    assert find_quantities("the ministry reported Monday (10/17/2022)") == []


def test_outlet_name_with_digits_is_no_count():
    assert force_counts("Jack Buckby is 19FortyFive's Breaking News Editor.") == []


def test_two_counts_in_one_list_are_both_found():
    texts = [q.text for q in force_counts("some 170 tanks, up to 200 armored combat vehicles and up to 100 artillery pieces")]
    assert texts == ["some 170", "up to 200", "up to 100"]


def test_schema_object_has_the_four_fields():
    assert one("up to 9,000 soldiers").as_schema() == {"low": None, "high": 9000, "approx": False, "text": "up to 9,000"}
