"""When each claim was said: its article's date, or the bounds the article's text supports.

A claim is dated by its article (`said_on`, the publication date). An undated article still says
much about when it was written, and each of its claims gets `said_between: (earliest, latest)`
(either may be None) from what the corpus knows:

- an event the article reports as past, with a date written out in it or known from a dated
  article that reports the same event, happened on or before publication: a lower bound; one it
  reports as still to come bounds it from above (written before it happened);
- a weekday name ("on Thursday") or "this week" for such an event is the news convention for the
  week around publication: within six days of it, either way ("last Thursday": thirteen) (the tense is not trusted here:
  "is to be voted on Thursday" reads as past to the extractor);
- dated near-duplicates (copies of the same story) run within a few days of one another: the
  publication is within `COPY_REACH` of their dates.

An event dated only from the undated article itself bounds nothing (its date was guessed without
an anchor) unless the article writes its day and month out ("28 October"). When the bounds contradict each other the fewest candidates that make them
consistent are dropped. Only day-precise dates bound anything: "in December" bounds nothing.
Measured by hiding one dated article's date at a time: benchmarks/eval_claim_dating.py.

`ordered_claims` and `claim_interval` order a group's claims by when they were said; the Claims
screen and the Markdown report both use them, so they show a group in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from newsx.core.corpus.dates import MONTHS, WEEKDAYS, to_date
from newsx.core.model.analyses import HEADLINE_SENTENCE, ArticleAnalysis, Claim, ClaimGroup, Event
from newsx.core.model.articles import Article

# How far a weekday name reaches from the publication date (news says "Thursday" for the last
# or the next seven days, the day itself included).
WEEK_REACH = timedelta(days=6)
# How far apart copies of one story run (the dev clusters' copies spread over up to three days).
COPY_REACH = timedelta(days=3)
_DAYS = "|".join(WEEKDAYS)
_THIS_WEEK = re.compile(rf"^(?:on\s+|this\s+)?(?:{_DAYS}|week)\b", re.I)
# "last Thursday", "next week": the week before or after the one of publication.
_OTHER_WEEK = re.compile(rf"^(?:last|next|past|coming)\s+(?:{_DAYS}|week)\b", re.I)
OTHER_WEEK_REACH = timedelta(days=13)
# A day written out with its month ("28 October", "Oct. 8"): its date needs no anchor but the year.
_MONTHS = "|".join(m[:3] for m in MONTHS)
_DAY_AND_MONTH = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*\b|(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b)", re.I)


def _day(value: str | None) -> date | None:
    """A date when `value` is a whole day (YYYY-MM-DD); months and years bound nothing."""
    return to_date(value) if value and len(value) == 10 else None


def article_bounds(
    article: Article,
    analysis: ArticleAnalysis | None,
    event_at: Mapping[tuple[str, int], Event],
    duplicate_dates: Iterable[str | None],
    dated: Container[str] = frozenset(),
) -> tuple[str | None, str | None]:
    """(earliest, latest) publication date of an undated article, as YYYY-MM-DD or None.

    `event_at`: linked events by (article id, trigger start); `dated`: ids of dated articles
    (an event's date counts when one of them reports it)."""
    lower: list[date] = []
    upper: list[date] = []
    for raw in analysis.events if analysis else ():
        # a headline's offsets are the title's: its trigger is not the one at that place in the text
        event = None if raw.sentence == HEADLINE_SENTENCE else event_at.get((article.id, raw.start))
        day = _day(raw.date)
        when = (raw.when or "").strip()
        if day is None and event is not None and (
            _DAY_AND_MONTH.search(when) or any(a != article.id and a in dated for a in event.articles)
        ):
            day = _day(event.date)
        if day is None:
            continue
        reach = WEEK_REACH if _THIS_WEEK.match(when) else OTHER_WEEK_REACH if _OTHER_WEEK.match(when) else None
        if reach is not None:
            lower.append(day - reach)
            upper.append(day + reach)
        elif raw.future:
            upper.append(day)
        else:
            lower.append(day)
    for copy in filter(None, map(_day, duplicate_dates)):
        lower.append(copy - COPY_REACH)
        upper.append(copy + COPY_REACH)
    low, high = _consistent(lower, upper)
    return (low.isoformat() if low else None, high.isoformat() if high else None)


def _consistent(lower: Sequence[date], upper: Sequence[date]) -> tuple[date | None, date | None]:
    """max(lower), min(upper), after dropping the fewest candidates that put one above the other."""
    low = max(lower, default=None)
    high = min(upper, default=None)
    if low is None or high is None or low <= high:
        return low, high
    # Either keep the upper bounds whole and drop the lower ones above them, or the other way
    # round, or any split between: try each candidate date as the cut and drop the fewest.
    best: tuple[int, date | None, date | None] = (len(lower) + len(upper) + 1, None, None)
    for cut in sorted({*lower, *upper}):
        kept_low = [d for d in lower if d <= cut]
        kept_high = [d for d in upper if d >= cut]
        dropped = len(lower) - len(kept_low) + len(upper) - len(kept_high)
        if dropped < best[0]:
            best = (dropped, max(kept_low, default=None), min(kept_high, default=None))
    return best[1], best[2]


def date_claims(
    groups: Sequence[ClaimGroup],
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    events: Sequence[Event],
    near_duplicates: Mapping[str, Sequence[str]],
) -> list[ClaimGroup]:
    """The groups with `said_between` set on every claim whose article has no date."""
    by_id = {a.id: a for a in articles}
    wanted = {c.article for g in groups for c in g.claims if c.said_on is None}
    if not wanted:
        return list(groups)
    # Triggers of the linked events, by their place: (article, start offset) -> event.
    event_at: dict[tuple[str, int], Event] = {}
    for event in events:
        for mention in event.triggers:
            if mention.article in wanted and mention.start >= 0 and mention.sentence != HEADLINE_SENTENCE:
                event_at.setdefault((mention.article, mention.start), event)
    dated = {a.id for a in articles if a.published}
    bounds: dict[str, tuple[str | None, str | None]] = {}
    for article_id in wanted:
        article = by_id.get(article_id)
        if article is None or article.published:
            continue
        copies = [by_id[d].published for d in near_duplicates.get(article_id, ()) if d in by_id and by_id[d].published]
        found = article_bounds(article, analyses.get(article_id), event_at, copies, dated)
        if found != (None, None):
            bounds[article_id] = found
    if not bounds:
        return list(groups)
    with_dates = []
    for group in groups:
        claims = tuple(
            replace(c, said_between=bounds[c.article]) if c.said_on is None and c.article in bounds else c
            for c in group.claims
        )
        with_dates.append(replace(group, claims=claims) if claims != group.claims else group)
    return with_dates


# --------------------------------------------------------------------------- order and display


def claim_interval(claim: Claim) -> tuple[str | None, str | None]:
    """(earliest, latest) the claim was said: its date twice, its bounds, or (None, None)."""
    if claim.said_on:
        return claim.said_on, claim.said_on
    return claim.said_between or (None, None)


def is_dated(claim: Claim) -> bool:
    return claim_interval(claim) != (None, None)


def ordered_claims(claims: Iterable[Claim]) -> list[Claim]:
    """In time order (a date, else the earliest bound, else the latest); claims with no date or
    bound last; then by what they refer to and their article."""

    def key(c: Claim):
        low, high = claim_interval(c)
        first = low or high
        return (first is None, first or "", high or "9999", c.refers_to or "", c.article)

    return sorted(claims, key=key)


def said_earlier(earlier: Claim, later: Claim) -> bool:
    """Known to be said on an earlier day (a bound that overlaps leaves the order open)."""
    _low, high = claim_interval(earlier)
    low, _high = claim_interval(later)
    return high is not None and low is not None and high < low


def when_label(claim: Claim) -> str:
    """'2024-10-30', or bounds: '≥ 10-24', '≤ 10-30', '10-24…10-30' (the year when they differ
    from one another), '?' when nothing is known."""
    if claim.said_on:
        return claim.said_on
    low, high = claim.said_between or (None, None)
    if low and high:
        if low == high:
            return f"~{low}"
        same_year = low[:4] == high[:4]
        return f"{low[5:] if same_year else low}…{high[5:] if same_year else high}"
    if low:
        return f"≥ {low[5:]}"
    if high:
        return f"≤ {high[5:]}"
    return "?"


def when_text(claim: Claim) -> str:
    """The same in words, with years: 'on 2024-10-30', 'between 2024-10-24 and 2024-10-30'."""
    if claim.said_on:
        return f"on {claim.said_on}"
    low, high = claim.said_between or (None, None)
    if low and high:
        return f"on {low} by its text (the article has no date)" if low == high else f"between {low} and {high}"
    if low:
        return f"on or after {low}"
    if high:
        return f"on or before {high}"
    return "no date"
