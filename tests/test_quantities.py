"""Reading numbers as news writes them: values, bounds from qualifiers, units, currencies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core.nlp.quantities import QUALIFIERS, UNKNOWN_CURRENCY, find_quantities, parse_number, parse_quantity


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
    sorted(QUALIFIERS) + ["between", "and", "to", "from", "minus", "half", "a third of", "kW", "sq m", "HK$", "RM", "troops", "km", "miles", "euros", "$", "per cent", "-", "of", "them", "hundreds",
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
        if "minus" not in text and "-" not in text:
            assert q.value >= 0  # only a written sign makes a value negative
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


# ---------------------------------------------------------------- quantities as news writes them (issue 13)


@pytest.mark.parametrize(
    "text, value, unit, dimension",
    [
        ("a 300 kW motor", 300, "kW", "power"),
        ("5 GWh of storage", 5, "GWh", "energy"),
        ("a 20 sq m flat", 20, "sq m", "area"),
        ("500 ml of water", 500, "ml", "volume"),
        ("90 decibels", 90, "dB", "sound"),
        ("256GB of storage", 256, "GB", "data"),
        ("a 6.1-inch screen", 6.1, "inches", "length"),
        ("a 2.4-liter engine", 2.4, "l", "volume"),
        ("a 185-hp engine", 185, "hp", "power"),
        ("640bhp", 640, "hp", "power"),
        ("between 15 and 17 kHz", 15, "kHz", "frequency"),
        ("winds of 87 mph", 87, "mph", "speed"),
        ("1 to 1.5 degrees Celsius", 1, "°C", "temperature"),
        ("275 pound-feet of torque", 275, "lb-ft", "torque"),
        ("a 1,500-square-kilometer island", 1500, "sq km", "area"),
        ("a 300-square-mile reserve", 300, "sq miles", "area"),
    ],
)
def test_units_news_writes(text, value, unit, dimension):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert (q.unit, q.dimension) == (unit, dimension)


def test_units_convert_through_pint():
    kw, hp = find_quantities("300 kW (402 hp)")
    assert kw.value * kw.factor == pytest.approx(hp.value * hp.factor, rel=0.01)
    sqft, sqm = find_quantities("1,000 square feet (93 sq m)")
    assert sqft.value * sqft.factor == pytest.approx(sqm.value * sqm.factor, rel=0.01)


def test_feet_and_inch_marks():
    q = one("He stands 5'11\" tall")
    assert (q.unit, q.value) == ("feet", pytest.approx(5 + 11 / 12, abs=1e-3))


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("US$5 million", 5_000_000, "USD"), ("A$2.5bn", 2_500_000_000, "AUD"), ("HK$300", 300, "HKD"),
        ("S$1.2 million", 1_200_000, "SGD"), ("RM23.50", 23.5, "MYR"), ("AUD1.5m", 1_500_000, "AUD"),
        ("shares rose to 164p", 164, "GBX"), ("£40", 40, "GBP"), ("¥500", 500, "JPY"), ("€22bn", 22_000_000_000, "EUR"),
        ("10.5 million Australian dollars", 10_500_000, "AUD"), ("up 19 cents", 19, "¢"),
    ],
)
def test_currencies_are_not_all_dollars(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.dimension) == (pytest.approx(value), unit, "money")


@pytest.mark.parametrize(
    "text, value",
    [("a third of those screened", 1 / 3), ("Half the roof collapsed", 0.5), ("two-thirds of homes", 2 / 3),
     ("a quarter of the budget", 0.25)],
)
def test_fractions(text, value):
    q = one(text)
    assert q.value == pytest.approx(value) and q.dimension == "fraction"


def test_half_of_a_number_or_a_unit_is_one_quantity():
    assert one("left nearly half a million homeless").value == 500_000
    q = one("Half an hour later")
    assert (q.value, q.unit) == (0.5, "hours")


@pytest.mark.parametrize(
    "text, value, unit", [("up +0.2%", 0.2, "%"), ("down -3.1%", -3.1, "%"), ("minus 130 degrees", -130, "degrees")]
)
def test_signed_values(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)
    assert q.low == q.high == pytest.approx(value)


@pytest.mark.parametrize(
    "text, value", [("three hundred and forty", 340), ("twenty five", 25), ("two million three hundred thousand", 2_300_000),
                    ("a hundred", 100)]
)
def test_numbers_in_words_in_full(text, value):
    assert one(text + " people").value == value


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("between 15 and 17 kHz", 15, 17, "kHz"), ("from 240 to 273", 240, 273, None), ("15-22 mph", 15, 22, "mph"),
        ("from up to 252 miles to 287 miles", 252, 287, "miles"), ("one to two years", 1, 2, "years"),
        ("40 percent to 70 percent of buildings", 40, 70, "%"), ("the 0-to-60-mph time", 0, 60, "mph"),
        ("2 to 3 million people", 2_000_000, 3_000_000, None), ("dropped by 1 to 1.5 degrees", 1, 1.5, "degrees"),
    ],
)
def test_a_range_is_one_quantity_with_both_bounds(text, low, high, unit):
    q = one(text)
    assert (q.low, q.high, q.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize(
    "text", ["increased by $43.6 billion to $419.2 billion", "dropped 7% to $2.3 billion", "won 2-1", "ISO 3888-2"]
)
def test_changes_scores_and_designations_are_not_ranges(text):
    assert not [q for q in find_quantities(text) if q.qualifier == "between"]
    assert not any(q.value == 2 and "2-" not in q.text and "3888" in text for q in find_quantities(text))


def test_vague_plurals_span_one_to_ten_of_their_unit():
    assert (one("dozens of people").low, one("dozens of people").high) == (12, 120)
    q = one("tens of millions of dollars")
    assert (q.low, q.high, q.unit) == (10_000_000, 100_000_000, "USD")


def test_metres_are_not_millions():
    a, b = find_quantities("a corner measuring 50m by 50m")
    assert (a.value, a.unit, b.value, b.unit) == (50, "m", 50, "m")
    assert one("a £50m deal").value == 50_000_000


@pytest.mark.parametrize("text, value", [("a magnitude-5.9 quake", 5.9), ("measuring 3.8 on the Richter scale", 3.8),
                                         ("a magnitude of 6.4", 6.4), ("The 6.1-magnitude quake", 6.1)])
def test_magnitudes(text, value):
    q = one(text)
    assert (q.value, q.unit) == (value, "magnitude")


def test_a_name_with_a_year_is_not_money():
    assert find_quantities("the Euro 2020 qualifier") == [] or all(q.dimension != "money" for q in find_quantities("the Euro 2020 qualifier"))


@pytest.mark.parametrize(
    "text, low, high",
    [("ranging from $200 to $4 million", 200, 4_000_000), ("down from the US $89 to $93 billion", 89e9, 93e9),
     ("$1 million to $1.25 million, 99 days", 1_000_000, 1_250_000)],
)
def test_a_scale_written_once_applies_only_where_it_fits(text, low, high):
    q = find_quantities(text)[0]
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


def test_a_year_and_a_number_are_not_a_range():
    assert [q.qualifier for q in find_quantities("sales rose in 2018 to 3.9 million headsets")] != ["between"]


@pytest.mark.parametrize("text, value, qualifier", [("a rate of .001 per cent", 0.001, None), ("a deficit of $-50.8bn", -50.8e9, None),
                                                    ("sub-7 nanometer chips", 7, "up to"), ("was minus-5 yards", -5, None)])
def test_leading_dots_signs_after_the_currency_and_sub(text, value, qualifier):
    q = one(text)
    assert (q.value, q.qualifier) == (pytest.approx(value), qualifier)
