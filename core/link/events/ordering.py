"""The order a corpus's events are listed in (the JSON, the tables, the palette; the Timeline sorts
by date itself): the most reported first, as entities are, so a listing opens on the story's main
event.

Among events as widely reported, the one more headlines tell comes first, then one that happened
in the days its reports came out before one from long before: reports of a sentencing all recall
the conviction weeks before, and reports of a ship's rescue the hijacking months before, but the
news is what they came out for. Then the earlier first, as on a timeline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from statistics import median_low

from newsx.core.corpus.dates import to_date
from newsx.core.model.analyses import HEADLINE_SENTENCE, Event

# An event dated more than this many days before the day its reports came out (their median) is
# background they recall; one later is news (a week, as for a report's "last Monday").
NEWS_DAYS_BEFORE = 7


def in_news_window(day: date, reported: date) -> bool:
    """A day of fresh news for reports out on `reported`: from NEWS_DAYS_BEFORE days before to a day after."""
    return -1 <= (reported - day).days <= NEWS_DAYS_BEFORE


def reported_first(published: Mapping[str, str | None]) -> Callable[[Event], tuple]:
    """A sort key: most articles first, then most headlines, then news before background (an
    undated event, or one in undated reports, counts as news), then by date and label."""

    def key(event: Event) -> tuple:
        headlines = len({m.article for m in event.mentions if m.sentence == HEADLINE_SENTENCE})
        background = _long_before_its_reports(event, published)
        return (-len(event.articles), -headlines, background, event.date is None, event.date or "", event.label)

    return key


def _long_before_its_reports(event: Event, published: Mapping[str, str | None]) -> bool:
    days = sorted(d for d in (to_date(published.get(a)) for a in event.articles) if d)
    if not event.date or not days:
        return False
    reported = median_low(days)
    if len(event.date) < 10:  # a month or a year: news if the reports came out in it
        return not reported.isoformat().startswith(event.date) and event.date < reported.isoformat()
    when = to_date(event.date)
    return when is not None and (reported - when).days > NEWS_DAYS_BEFORE
