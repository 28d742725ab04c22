"""The story-level pass: one kind of event that many articles of a story report is one event.

Pairwise linking joins mentions that name the same parties; reports of one earthquake often name
nobody ("the quake", "a strong tremor struck the island"). Here the clusters of one family are
taken from the most reported down; each joins the largest earlier cluster ("head") of its family
whose articles tell the same story (share the entities most of them name) and whose date is
compatible (within a day, or the reporting articles' dates near it). Kinds of event differ by family,
so aftershocks, arrests and court hearings stay their own; an earlier quake stays apart by its date.

Heads are found through an inverted index of the entities they name, so the cost follows the
clusters and their entities, not their pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from newsx.core.corpus.dates import to_date
from newsx.core.nlp.event_lexicon import dated_when_it_takes_effect, month_hint, parted_by_tense, weekday_hint, whens_agree

# A cluster joins a head when this share of the smaller of their story entity sets is common
# (fitted leave-one-cluster-out on ECB+, with both halves of each topic in one corpus as the check
# against joining two stories: benchmarks/fit_events.py).
STORY_OVERLAP = 0.3
# Two day dates this many days apart can still be one event (time zones, "overnight").
DAY_TOLERANCE = 1
# Articles about an undated event are written from a day before it to this many days after.
REPORT_WINDOW = 7
# Undated reports of the story's own kind of event may look back on its date this many days on.
LOOK_BACK_DAYS = 30
# Reports of an event announced ahead (an election, a ceremony's host) come out up to this many days before it.
LOOK_AHEAD_DAYS = 365
# Kinds of event that go on for days: the story's protests on successive nights are one unrest,
# and a storm told on each day it crosses the islands one storm.
ONGOING_FAMILIES = frozenset({"protest", "walkout", "storm"})
# How many kinds of event (the most reported first) join on the story they tell: a shooting, the
# deaths and the wounded (fitted leave-one-cluster-out, benchmarks/fit_events.py: 3 in every fold).
STORY_FAMILIES = 3
# An entity named by more heads than this is too common to find heads by.
_COMMON = 400
# A main kind of event reported by this share of the corpus's articles is the story itself (one
# story's cluster: "the fire", "the quake", and the deaths): its reports join on compatible dates and people even when they
# name no entity in common (weak names: one report says "Waitrose", another "the supermarket").
# In a corpus of many stories no kind reaches it. Fitted on even ECB+ topics, checked on odd ones.
DOMINANT_SHARE = 0.5
# Such a report tries only the largest heads of its kind (the story's event is among them), so the
# cost stays linear in the reports.
_STORY_HEADS = 20


@dataclass
class StoryCluster:
    """What the pass reads of a cluster: plain values, so it can be tested without linking."""

    nodes: list[int]
    family: str
    articles: set[str]
    date: str | None  # the best date its mentions give
    anchors: list[str]  # its articles' dates
    future: bool  # every mention scheduled or expected
    entities: Counter = field(default_factory=Counter)  # per entity, how many of its articles name it
    own: Counter = field(default_factory=Counter)  # the same, for the parties and places of its mentions
    whens: set = field(default_factory=set)  # dates as written that did not resolve ("Thursday")
    people: set = field(default_factory=set)  # the people and organisations among its parties

    def core(self, own: bool = False) -> set[str]:
        """The entities a quarter or more of its articles name (all of them for one article)."""
        need = max(1, len(self.articles) // 4)
        return {e for e, n in (self.own if own else self.entities).items() if n >= need}


def merge_story_events(clusters: list[StoryCluster], overlap: float | None = None,
                       tolerance: int | None = None, persons: frozenset[str] = frozenset()) -> tuple[list[list[int]], set[str]]:
    """Groups of cluster positions (each group is one event: a head and the clusters that joined
    it), and the main families (those that joined on the story). `persons`: the entities that are
    people (reports that widely name other people than a head's tell another story)."""
    overlap = STORY_OVERLAP if overlap is None else overlap
    base_tolerance = DAY_TOLERANCE if tolerance is None else tolerance
    by_family: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(clusters):
        by_family[c.family].append(k)
    # The kinds of event most articles report (the story's main event, and what it did: an
    # earthquake and the deaths) join on the story they tell. Other kinds join only on their own
    # parties and places (two arrests in one story on one day stay two unless they name the same people).
    reach = {f: len(set().union(*(clusters[k].articles for k in ks))) for f, ks in by_family.items()}
    corpus = len(set().union(*(c.articles for c in clusters))) if clusters else 0
    ranked = sorted(reach, key=lambda f: (-reach[f], f))
    # Beyond the two most reported, a kind joins on the story only when most of the story reports it.
    main = set(ranked[:2]) | {f for f in ranked[2:STORY_FAMILIES] if reach[f] >= DOMINANT_SHARE * corpus}
    dominant = {f for f in main if reach[f] >= max(2, DOMINANT_SHARE * corpus)}
    groups: list[list[int]] = []
    for family, found in by_family.items():
        own = family not in main
        # Unrest goes on for nights: the story's riots reported on Wednesday and on Thursday are one.
        tolerance = REPORT_WINDOW if family in ONGOING_FAMILIES and not own else base_tolerance
        units = _within_articles(clusters, found, tolerance)
        # Most reported first; of those alike, a dated one heads (undated reports join on its date).
        units.sort(key=lambda u: (-len(u[1].articles), -len(u[1].nodes), u[1].date is None, u[0][0]))
        head_of: dict[int, StoryCluster] = {}
        posting: dict[str, list[int]] = defaultdict(list)
        on_day: dict[str, list[int]] = defaultdict(list)  # heads of a day date, for kinds that join on their own names
        for positions, c in units:
            day = c.date if own and c.date and _day(c.date) else None  # kinds of their own join on a day's date
            mine = c.core(own)
            shared: Counter[int] = Counter()
            for e in mine:
                found_heads = posting.get(e, ())
                if len(found_heads) <= _COMMON:
                    shared.update(found_heads)
            best, best_value = None, 0.0
            for g in sorted(shared):  # on a tie the earlier (larger) head wins, whatever the hash order
                head = head_of[g]
                theirs = head.core(own)
                # Two meetings of different people in one story week are two meetings (people the
                # head's reports name widely may still be its parties, under another role).
                if _other_people(c, head):
                    continue
                value = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
                if value >= overlap and value > best_value and _dates_fit(head, c, tolerance):
                    best, best_value = g, value
            if best is None and family in dominant:
                # The story's own event: the largest head it fits (heads come most reported first).
                mine_people = c.core() & persons
                for g in sorted(head_of)[:_STORY_HEADS]:
                    head = head_of[g]
                    if _other_people(c, head):
                        continue
                    theirs_people = head.core() & persons
                    if mine_people and theirs_people and not (mine_people & theirs_people) and not (c.entities.keys() & head.entities.keys()):
                        continue  # its reports name other people and nothing of the head's: another story
                    # Without names in common, dates must say it is the same week: an undated
                    # report does not join a dated head (nor a dated report an undated head).
                    # A dated head most of the story reports is the story's event itself: any later
                    # report may look back on it (the trial's reports on last year's shooting).
                    window = None if head.date and len(head.articles) >= DOMINANT_SHARE * corpus else LOOK_BACK_DAYS
                    if bool(_days(c.anchors)) == bool(_days(head.anchors)) and _dates_fit(head, c, tolerance, window):
                        best = g
                        break
            if best is None and day:
                best = _same_day_head(c, head_of, on_day.get(day, []), overlap)
            if best is None:
                best = len(groups)
                groups.append([])
                head_of[best] = _copy(c)
                for e in (c.own if own else c.entities):
                    posting[e].append(best)
            else:
                head = head_of[best]
                for e in (c.own if own else c.entities):
                    if e not in (head.own if own else head.entities):
                        posting[e].append(best)
                _absorb(head, c)
            if day and head_of[best].date == day and best not in on_day[day]:
                on_day[day].append(best)  # a head of this day (made now, or dated by what joined it)
            groups[best].extend(positions)
    return groups, main


def _same_day_head(c: StoryCluster, head_of: dict[int, StoryCluster], positions: list[int], overlap: float) -> int | None:
    """The first of the heads at `positions` (those of c's day) whose reports tell the same story:
    "the shooting on Tuesday" in three reports of one story is one shooting, though none names
    the same party (two that name different people stay two)."""
    mine = c.core()
    for g in positions:
        head = head_of[g]
        if _other_people(c, head):
            continue
        theirs = head.core()
        if len(mine & theirs) / max(1, min(len(mine), len(theirs))) >= overlap:
            return g
    return None


def _other_people(c: StoryCluster, head: StoryCluster) -> bool:
    """The two name different people as their parties, and neither's are named widely in the
    other's reports (one report names the gunman, another the victim: each names both)."""
    if not (c.people and head.people) or c.people & head.people:
        return False
    return not (c.people & head.core()) and not (head.people & c.core())


def _within_articles(clusters: list[StoryCluster], members: list[int], tolerance: int) -> list[tuple[list[int], StoryCluster]]:
    """Units of one family: in an article that names who took part in one event of the kind, its
    unnamed mentions of that kind on compatible dates are that event ("the meeting" after "Kim met
    Brown"), so they cannot join another event of the kind that the story reports."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for k in members:
        if len(clusters[k].articles) == 1:
            by_article[next(iter(clusters[k].articles))].append(k)
    taken: dict[int, int] = {}
    for found in by_article.values():
        named = [k for k in found if clusters[k].people]
        if len(named) != 1:
            continue
        for k in found:
            if not clusters[k].people and _dates_fit(clusters[named[0]], clusters[k], tolerance):
                taken[k] = named[0]
    units: dict[int, tuple[list[int], StoryCluster]] = {}
    for k in members:
        if k in taken:
            continue
        units[k] = ([k], _copy(clusters[k]))
    for k, into in taken.items():
        units[into][0].append(k)
        _absorb(units[into][1], clusters[k])
    return list(units.values())


def _copy(c: StoryCluster) -> StoryCluster:
    return StoryCluster(list(c.nodes), c.family, set(c.articles), c.date, list(c.anchors), c.future,
                        Counter(c.entities), Counter(c.own), set(c.whens), set(c.people))


def _absorb(head: StoryCluster, c: StoryCluster) -> None:
    head.nodes.extend(c.nodes)
    head.articles |= c.articles
    head.anchors.extend(c.anchors)
    head.date = head.date or c.date
    head.future = head.future and c.future
    head.whens |= c.whens
    head.people |= c.people
    head.entities.update(c.entities)
    head.own.update(c.own)


def _dates_fit(head: StoryCluster, other: StoryCluster, tolerance: int, window: int | None = REPORT_WINDOW) -> bool:
    """Whether the two can be one event by their dates. `window`: how many days after a dated
    event an undated report of it may be written (None: any time after)."""
    # Told over a week, an event's weekdays differ: "a Category 5 hurricane on Monday" is the storm
    # that struck on Wednesday.
    if not _whens_fit(head, other, weekdays=tolerance < REPORT_WINDOW):
        return False
    parted = parted_by_tense(head.family, head.future, other.future)
    if parted and not (head.date and other.date):
        return False  # "will meet" is another meeting than the one reported
    if dated_when_it_takes_effect(head.family, head.future, other.future):
        # "will resign on 7 June", reported the day it was announced: the reports' days must fit
        head, other = (replace(head, date=None), other) if head.future else (head, replace(other, date=None))
    if head.date and other.date:
        # A meeting scheduled for the next day is not the one just held: no slack across tenses.
        return dates_close(head.date, other.date, 0 if parted else tolerance)
    dated, undated = (head, other) if head.date else (other, head)
    if dated.date:
        first, last = _span(dated.date)
        if first is None or last is None:
            return True
        if dated.future and undated.future:
            # Announced ahead ("elections will be held on December 15"): reports come before it.
            return all((first - a).days <= LOOK_AHEAD_DAYS and (a - last).days <= tolerance for a in _days(undated.anchors))
        # Reports of it come out from a day before it to a week after (a month: after its days);
        # of the story's own kind, up to LOOK_BACK_DAYS after: reports that tell of an ongoing
        # event ("the deployment", begun weeks before) without its date.
        return all(-tolerance <= (a - first).days and (window is None or (a - last).days <= window)
                   for a in _days(undated.anchors))
    # Neither dated: reports of one event come out within a few days of one another; of the story's
    # own kind (a `window` wider than that), within the window (the heist, told again as its inquiry
    # goes on two weeks later).
    mine, theirs = _days(head.anchors), _days(other.anchors)
    if not mine or not theirs:
        return True
    return window is None or abs((_middle(mine) - _middle(theirs)).days) <= max(window, REPORT_WINDOW)


def _whens_fit(head: StoryCluster, other: StoryCluster, weekdays: bool = True) -> bool:
    """Unresolved dates must agree ("Thursday" is not "December last year"; "Friday night" may be
    "early Saturday"), and fit what a resolved date says (its month, and unless not `weekdays`, its weekday)."""
    if weekdays and head.whens and other.whens and not any(whens_agree(a, b) for a in head.whens for b in other.whens):
        return False
    for dated, written in ((head, other), (other, head)):
        day = _day(dated.date) if dated.date else None
        for when in written.whens:
            month, weekday = month_hint(when), weekday_hint(when)
            if dated.date and len(dated.date) >= 7 and month is not None and int(dated.date[5:7]) != month:
                return False
            if weekdays and day is not None and weekday is not None and day.weekday() != weekday:
                return False
    return True


def dates_close(a: str, b: str, tolerance: int) -> bool:
    """Two dates within `tolerance` days, or (a month, a year) one containing the other."""
    if len(a) == len(b) == 10:
        x, y = _day(a), _day(b)
        return x is not None and y is not None and abs((x - y).days) <= tolerance
    return a.startswith(b) or b.startswith(a)


def _span(value: str) -> tuple[date | None, date | None]:
    """The first and last day of a resolved date: a day, a month ("2024-10") or a year."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        pass
    return None, None


def _day(value: str) -> date | None:
    return to_date(value) if value and len(value) == 10 else None


def _days(values: list[str]) -> list[date]:
    return [d for d in (_day(v) for v in values) if d is not None]


def _middle(days: list[date]) -> date:
    return sorted(days)[len(days) // 2]
