"""Reading numbers as news writes them: values, bounds from qualifiers, units, currencies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core.quantities import QUALIFIERS, UNKNOWN_CURRENCY, find_quantities, parse_number, parse_quantity


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,500", 1500), ("six", 6), ("two dozen", 24), ("1.5 million", 1_500_000), ("22.4bn", 22_400_000_000),
        ("twenty-five", 25), ("hundreds", 100), ("tens of thousands", 10_000), ("a dozen", 12),
    ],
)
def test_numbers_in_digits_and_words(text, value):
    assert parse_number(text) == value


def test_parse_number_rejects_words_that_are_not_numbers():
    assert parse_number("panic") is None
    assert parse_number("") is None


@pytest.mark.parametrize(
    "text, low, high, qualifier",
    [
        ("more than 3,000 troops", 3000, None, "more than"),
        ("at least three people", 3, None, "more than"),
        ("over 100 mph", 100, None, "more than"),
        ("up to 11,000 troops", None, 11000, "up to"),
        ("as many as 20,000 people", None, 20000, "up to"),
        ("fewer than 50 people", None, 50, "up to"),
        ("nearly 90 people", 81, 90, "nearly"),
        ("1,000 containers", 1000, 1000, None),
    ],
)
def test_qualifiers_set_bounds(text, low, high, qualifier):
    q = one(text)
    assert q.low == (None if low is None else pytest.approx(low))
    assert q.high == (None if high is None else pytest.approx(high))
    assert q.qualifier == qualifier


def test_about_is_ten_percent_either_side():
    q = one("about 10,000 North Korean troops")
    assert (q.value, q.low, q.high) == (10000, pytest.approx(9000), pytest.approx(11000))
    assert one("an approximate 200,000").qualifier == "about"
    assert one("Around 1,500 troops").text == "Around 1,500"


def test_vague_plurals_have_a_floor_and_a_ceiling():
    q = one("hundreds of balloons")
    assert (q.value, q.low, q.high, q.qualifier) == (100, 100, 1000, "vague")  # one to ten hundreds


@pytest.mark.parametrize(
    "text, value, unit, dimension",
    [
        ("50 kilometers", 50, "km", "length"),
        ("48km", 48, "km", "length"),
        ("a 30-mile pursuit", 30, "miles", "length"),
        ("86 minutes", 86, "minutes", "duration"),
        ("up to 120 miles per hour", 120, "mph", "speed"),
        ("193km / h", 193, "km/h", "speed"),
        ("3.9 percent", 3.9, "%", "percent"),
        ("5.4 per cent", 5.4, "%", "percent"),
        ("a 63-year-old woman", 63, "years", "age"),
        ("2 million euros", 2_000_000, "EUR", "money"),
        ("22 billion Euros", 22_000_000_000, "EUR", "money"),
        ("euro110 billion", 110_000_000_000, "EUR", "money"),
        ("$141 billion", 141_000_000_000, "USD", "money"),
        ("110bn-euro package", 110_000_000_000, "EUR", "money"),
        ("£25.7bn", 25_700_000_000, "GBP", "money"),
    ],
)
def test_units_and_currencies(text, value, unit, dimension):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert (q.unit, q.dimension) == (unit, dimension)


def test_conversions_share_a_base_unit():
    km, miles = find_quantities("50 kilometers (30 miles) away")
    assert km.value * km.factor == pytest.approx(50)
    assert miles.value * miles.factor == pytest.approx(48.28, abs=0.01)


def test_a_currency_sign_lost_in_transit_is_still_money():
    q = one("Berlin's decision to lend? 22.4 billion to Greece")
    assert (q.value, q.unit) == (22_400_000_000, UNKNOWN_CURRENCY)
    assert q.text.endswith("22.4 billion")  # offsets and text still point at the original


@pytest.mark.parametrize("text", ["the 56th meeting", "a 2+2 meeting", "at 7:10 a.m.", "Hwasong-18 missile", "someone tense"])
def test_things_that_are_not_quantities(text):
    assert find_quantities(text) == []


def test_a_hyphenated_designation_is_marked():
    q = one("a 12-gauge shotgun")
    assert q.hyphenated == "gauge" and q.dimension == "count"


def test_offsets_point_at_the_text():
    text = "Police said at least three people were killed and 12 arrested."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.start <= q.number_start < q.number_end <= q.end


# ---------------------------------------------------------------------------- properties

_words = st.sampled_from(
    sorted(QUALIFIERS) + ["troops", "km", "miles", "euros", "$", "per cent", "-", "of", "them", "hundreds",
                          "thousands", "dozen", "billion", "bn", "?", "\ufffd", "a", "year-old", "(", ")", "mph"]
)
_numbers = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.sampled_from(["six", "twenty-five", "a dozen", "two dozen", "tens of thousands", "1.5 million"]),
)
_phrases = st.lists(st.one_of(_words, _numbers, st.text(max_size=6)), max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_phrases)
def test_scanning_never_raises_and_bounds_hold(text):
    for q in find_quantities(text):
        assert q.value >= 0
        if q.low is not None:
            assert q.low <= q.value + 1e-9
        if q.high is not None:
            assert q.value <= q.high + 1e-9
        assert 0 <= q.start <= q.number_start < q.number_end <= q.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_text_never_raises(text):
    parse_number(text)
    parse_quantity(text)
