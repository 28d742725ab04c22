"""An event its reports recall without dating, and that some of them date long before, is that
earlier event: reports of a verdict tell of "the Boston Marathon bombing" and "the attack" with no
date, and some say "the twin bombings on April 15, 2013". Left apart, the undated mentions would be
dated the day the reports came out, as if the bombing were news.

A cluster most of whose reports give it no date joins the one cluster of its kind whose own dates
all lie long before its reports, told in two or more of its articles and mostly in them. Fresh news
is dated by most of its reports ("on Tuesday", "today"); a date a few give an undated cluster is
often another verb's in its sentence ("During closing arguments Monday, his lawyers agreed he
conspired to bomb the marathon"). And only when the reports came out for other news: another
event, as widely reported, that they date in the days they came out (the verdict). An undated
event the most reported of all is the news itself, whatever the dates of its kind before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median_low

from newsx.core.corpus.dates import to_date
from newsx.core.link.events.ordering import NEWS_DAYS_BEFORE, in_news_window

# An undated cluster is taken for the background only when this many dated reports tell it: one or
# two reports that give no date say too little.
UNDATED_MIN_ARTICLES = 3
# At most this share of the undated cluster's articles give it a date.
DATED_MAX_SHARE = 1 / 3
# The background cluster is told in this many of the undated one's articles, and in this share of its own.
SHARED_MIN_ARTICLES = 2
SHARED_MIN_SHARE = 0.5


@dataclass
class KindCluster:
    """What the pass reads of a cluster: plain values, so it can be tested without linking."""

    family: str
    articles: set[str]
    dates: list[str]  # the dates its mentions give
    dated_articles: int  # its articles where a mention gives a date, resolved or as written ("Tuesday")
    published: list[date]  # the days its dated articles came out
    future: bool = False


def background_owners(clusters: list[KindCluster]) -> dict[int, int]:
    """For each undated cluster that is an earlier event of its kind, the position of that event."""
    owners: dict[int, int] = {}
    for k, undated in enumerate(clusters):
        if undated.future or len(undated.articles) < UNDATED_MIN_ARTICLES:
            continue
        if undated.dated_articles > DATED_MAX_SHARE * len(undated.articles):
            continue
        if len(undated.published) < UNDATED_MIN_ARTICLES:
            continue
        reported = median_low(sorted(undated.published))
        if not any(j != k and len(c.articles) >= len(undated.articles) and _dated_near(c.dates, reported)
                   for j, c in enumerate(clusters)):
            continue  # no other news they came out for: this is it
        earlier = [
            j for j, other in enumerate(clusters)
            if j != k and other.family == undated.family and other.dates and not other.future
            and _all_long_before(other.dates, reported) and _told_in(other, undated)
        ]
        if len(earlier) == 1:  # two earlier events of the kind: which one is not said
            owners[k] = earlier[0]
    return owners


def _all_long_before(dates: list[str], reported: date) -> bool:
    for value in dates:
        day = _latest_day(value)
        if day is None or (reported - day).days <= NEWS_DAYS_BEFORE:
            return False
    return True


def _latest_day(value: str) -> date | None:
    """The last day a date names: a day, the end of a month ("2013-04": the 28th will do), of a year."""
    if len(value) == 4:
        return to_date(value + "-12-31")
    if len(value) == 7:
        return to_date(value + "-28")
    return to_date(value)


def _dated_near(dates: list[str], reported: date) -> bool:
    """A day of fresh news among the dates (`in_news_window`)."""
    days = [to_date(value) for value in dates if len(value) == 10]
    return any(day is not None and in_news_window(day, reported) for day in days)


def _told_in(background: KindCluster, undated: KindCluster) -> bool:
    shared = len(background.articles & undated.articles)
    return shared >= SHARED_MIN_ARTICLES and shared >= SHARED_MIN_SHARE * len(background.articles)
