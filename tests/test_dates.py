"""The date resolver: news-style relative dates against the article's date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core.corpus.dates import find_published_date, is_contextual, names_a_time, resolve_date

# Thursday 31 October 2024, the day the seeds' launch was reported.
THURSDAY = "2024-10-31"


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("Thursday", "2024-10-31"),  # the same day counts in past-tense news
        ("on Wednesday", "2024-10-30"),
        ("early on Thursday", "2024-10-31"),
        ("Tuesday", "2024-10-29"),
        ("Friday", "2024-10-25"),
        ("Thursday morning", "2024-10-31"),
        ("Oct. 8", "2024-10-08"),
        ("Oct. 3", "2024-10-03"),
        ("28 October", "2024-10-28"),
        ("October 17", "2024-10-17"),
        ("Sept. 12", "2024-09-12"),
        ("last year", "2023"),
        ("in December", "2023-12"),  # a month after the anchor's, in past tense: last year's
        ("December last year", "2023-12"),
        ("in June", "2024-06"),
        ("since May", "2024-05"),
        ("earlier this month", "2024-10"),
        ("last month", "2024-09"),
        ("this week", "2024-10"),
        ("yesterday", "2024-10-30"),
        ("the next day", "2024-11-01"),
        ("two days after", "2024-11-02"),
        ("a day earlier", "2024-10-30"),
        ("three weeks ago", "2024-10-10"),
        ("last Monday", "2024-10-28"),
        ("mid-October", "2024-10"),
        ("late 2023", "2023"),
        ("in 2021", "2021"),
        ("December 18, 2023", "2023-12-18"),
        ("Wednesday, Oct. 30, 2024", "2024-10-30"),
        ("October 31, 2024, 17:14", "2024-10-31"),
        ("March 2022", "2022-03"),
        ("2024/10/31", "2024-10-31"),
    ],
)
def test_past_tense_expressions_resolve_against_the_anchor(expression, expected):
    assert resolve_date(expression, THURSDAY) == expected


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("Thursday", "2024-10-31"),  # "will meet on Thursday", written on Thursday: today
        ("Tuesday", "2024-11-05"),  # the next Tuesday, not the last one
        ("in December", "2024-12"),  # "10,000 by December"
        ("in January", "2025-01"),
        ("next year", "2025"),
        ("next month", "2024-11"),
        ("since May", "2024-05"),  # "since" always looks back
    ],
)
def test_future_tense_looks_forward(expression, expected):
    assert resolve_date(expression, THURSDAY, future=True) == expected


def test_year_less_dates_pick_the_year_nearest_the_anchor():
    # Written on 2 January: "Dec. 30" was three days ago, not next December.
    assert resolve_date("Dec. 30", "2025-01-02") == "2024-12-30"
    # Scheduled in late December for "Jan. 5": next year's.
    assert resolve_date("Jan. 5", "2024-12-28", future=True) == "2025-01-05"


@pytest.mark.parametrize("expression", ["Thursday", "Oct. 8", "last year", "in December", "the next day", "earlier this month"])
def test_relative_dates_need_an_anchor(expression):
    assert resolve_date(expression, None) is None


@pytest.mark.parametrize("expression", ["October 31, 2024", "2023", "December 18, 2023", "Oct. 30, 2024"])
def test_dates_with_a_year_resolve_without_an_anchor(expression):
    assert resolve_date(expression) is not None


@pytest.mark.parametrize(
    "expression",
    ["a decade", "the mayor", "recently", "the coming day", "marine", "annual", "two-year", "", "   ", "7:10 a.m."],
)
def test_words_that_are_not_dates_give_none(expression):
    assert resolve_date(expression, THURSDAY) is None


@pytest.mark.parametrize("expression", ["the 1960s", "1990s", "the early 2000s"])
def test_a_decade_is_not_a_day(expression):
    assert resolve_date(expression, THURSDAY) is None
    assert resolve_date(expression) is None


@pytest.mark.parametrize(("expression", "expected"), [("2024/10/31", "2024-10-31"), ("31.10.2024", "2024-10-31")])
def test_other_explicit_date_shapes_resolve(expression, expected):
    assert resolve_date(expression, THURSDAY) == expected


def test_contextual_expressions_are_recognised():
    assert is_contextual("the next day")
    assert is_contextual("two days after")
    assert is_contextual("a day earlier")
    assert not is_contextual("Thursday")
    assert not is_contextual("last year")


def test_published_date_from_a_byline_line():
    assert find_published_date("By Park Sae-jin Posted : October 31, 2024, 17:14") == "2024-10-31"
    assert find_published_date("Posted 26 September 2013") == "2013-09-26"
    assert find_published_date("no date here, only Thursday") is None


_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _valid_iso_prefix(value: str) -> bool:
    if not _ISO.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return True


_WORDS = st.sampled_from(
    ["on", "in", "last", "next", "this", "the", "day", "days", "week", "month", "year", "ago", "after", "earlier",
     "Thursday", "Oct.", "October", "Sept", "December", "8", "31", "2024", "1999", "0", "99", "since", "two", "a",
     "morning", ",", "mid-", "early", "late", "-", "/", "2024-02-30", "Feb. 29", "9999"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=40), st.lists(_WORDS, max_size=6).map(" ".join)),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12)),
    st.booleans(),
)
def test_never_raises_and_returns_an_iso_prefix(expression, anchor, future):
    value = resolve_date(expression, anchor, future=future)
    assert value is None or _valid_iso_prefix(value)


@pytest.mark.parametrize("expression", ["35-year-old", "a 35-year-old", "aged 35", "12 years old", "several days",
                                        "weeks", "two years", "a decade", "for three months", "sixty-year-old",
                                        "an eight-year", "90-day", "annual", "23", "20-13", "4:43", "8900",
                                        "age of 40"])
def test_an_age_or_a_length_of_time_names_no_time(expression):
    assert not names_a_time(expression)


@pytest.mark.parametrize("expression", ["Monday", "last week", "two days later", "three weeks ago", "this year",
                                        "the next day", "October 2024", "2009", "the 1990s"])
def test_a_day_a_period_or_a_time_counted_from_another_names_one(expression):
    assert names_a_time(expression)
