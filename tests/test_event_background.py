"""An event its reports recall undated is the one of its kind they date long before
(core/link/events/background.py), on plain values."""

from __future__ import annotations

from datetime import date

from newsx.core.link.events.background import KindCluster, background_owners

REPORTED = [date(2015, 4, 8)] * 6
ARTICLES = {f"a{n}" for n in range(6)}


def kind(family, articles, dates=(), dated_articles=0):
    return KindCluster(family=family, articles=set(articles), dates=list(dates), dated_articles=dated_articles,
                       published=REPORTED[: len(articles)])


def test_an_undated_bombing_in_reports_of_a_verdict_is_the_bombing_they_date_years_before():
    verdict = kind("convict", ARTICLES, ["2015-04-08"] * 6, 6)
    recalled = kind("attack", ARTICLES, ["2015-04-08"], 1)  # one date, another verb's ("closing arguments Monday")
    dated = kind("attack", ["a0", "a3", "a4", "a5"], ["2013-04-15", "2013-04", "2013"], 4)
    assert background_owners([verdict, recalled, dated]) == {1: 2}


def test_the_news_itself_or_an_event_most_reports_date_stays_apart():
    # Nothing else they came out for: the undated breach is the news, whenever it began.
    breach = kind("hack", ARTICLES, ["2017-09-07"], 1)
    began = kind("hack", ["a1", "a2", "a3"], ["2017-05"], 3)
    assert background_owners([breach, began]) == {}
    # Dated by most of its reports: fresh news, not the quake they recall.
    verdict = kind("convict", ARTICLES, ["2015-04-08"] * 6, 6)
    fresh = kind("quake", ARTICLES, ["2015-04-07"] * 4, 4)
    old = kind("quake", ["a0", "a1"], ["2004-12-26"], 2)
    assert background_owners([verdict, fresh, old]) == {}


def test_two_earlier_events_of_the_kind_leave_it_open():
    verdict = kind("convict", ARTICLES, ["2015-04-08"] * 6, 6)
    recalled = kind("attack", ARTICLES)
    first = kind("attack", ["a0", "a1"], ["2013-04-15"], 2)
    second = kind("attack", ["a2", "a3"], ["2011-09-11"], 2)
    assert background_owners([verdict, recalled, first, second]) == {}
