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
from dataclasses import dataclass, field
from datetime import date

from .dates import to_date
from .event_lexicon import month_hint, weekday_hint

# A cluster joins a head when this share of the smaller of their story entity sets is common
# (fitted leave-one-cluster-out on ECB+, with both halves of each topic in one corpus as the check
# against joining two stories: benchmarks/fit_events.py).
STORY_OVERLAP = 0.3
# Two day dates this many days apart can still be one event (time zones, "overnight").
DAY_TOLERANCE = 1
# Articles about an undated event are written from a day before it to this many days after.
REPORT_WINDOW = 7
# How many kinds of event (the most reported first) join on the story they tell.
STORY_FAMILIES = 2
# An entity named by more heads than this is too common to find heads by.
_COMMON = 400


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

    def core(self, own: bool = False) -> set[str]:
        """The entities a quarter or more of its articles name (all of them for one article)."""
        need = max(1, len(self.articles) // 4)
        return {e for e, n in (self.own if own else self.entities).items() if n >= need}


def merge_story_events(clusters: list[StoryCluster], overlap: float | None = None,
                       tolerance: int | None = None) -> list[list[int]]:
    """Groups of cluster positions: each group is one event (a head and the clusters that joined it)."""
    overlap = STORY_OVERLAP if overlap is None else overlap
    tolerance = DAY_TOLERANCE if tolerance is None else tolerance
    by_family: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(clusters):
        by_family[c.family].append(k)
    # The kinds of event most articles report (the story's main event, and what it did: an
    # earthquake and the deaths) join on the story they tell. Other kinds join only on their own parties and places (two arrests in one
    # story on one day stay two unless they name the same people).
    reach = {f: len(set().union(*(clusters[k].articles for k in ks))) for f, ks in by_family.items()}
    main = set(sorted(reach, key=lambda f: (-reach[f], f))[:STORY_FAMILIES])
    groups: list[list[int]] = []
    for family, members in by_family.items():
        own = family not in main
        members.sort(key=lambda k: (-len(clusters[k].articles), -len(clusters[k].nodes), k))
        heads: list[int] = []  # positions in `groups`
        head_of: dict[int, StoryCluster] = {}
        posting: dict[str, list[int]] = defaultdict(list)
        for k in members:
            c = clusters[k]
            mine = c.core(own)
            shared: Counter[int] = Counter()
            for e in mine:
                found = posting.get(e, ())
                if len(found) <= _COMMON:
                    shared.update(found)
            best, best_value = None, 0.0
            for g, n in shared.items():
                head = head_of[g]
                theirs = head.core(own)
                value = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
                if value >= overlap and value > best_value and _dates_fit(head, c, tolerance):
                    best, best_value = g, value
            if best is None:
                g = len(groups)
                groups.append([k])
                heads.append(g)
                head_of[g] = StoryCluster(list(c.nodes), c.family, set(c.articles), c.date, list(c.anchors),
                                          c.future, Counter(c.entities), Counter(c.own), set(c.whens))
                for e in (c.own if own else c.entities):
                    posting[e].append(g)
                continue
            groups[best].append(k)
            head = head_of[best]
            head.articles |= c.articles
            head.anchors.extend(c.anchors)
            head.date = head.date or c.date
            head.future = head.future and c.future
            head.whens |= c.whens
            for e, n in (c.own if own else c.entities).items():
                if e not in (head.own if own else head.entities):
                    posting[e].append(best)
            head.entities.update(c.entities)
            head.own.update(c.own)
    return groups


def _dates_fit(head: StoryCluster, other: StoryCluster, tolerance: int) -> bool:
    if not _whens_fit(head, other):
        return False
    if head.future != other.future and not (head.date and other.date):
        return False  # "will meet" is another meeting than the one reported
    if head.date and other.date:
        # A meeting scheduled for the next day is not the one just held: no slack across tenses.
        return _close(head.date, other.date, tolerance if head.future == other.future else 0)
    dated, undated = (head, other) if head.date else (other, head) if other.date else (None, None)
    if dated is not None and dated.date:
        day = _day(dated.date)
        if day is None:
            return True  # a month or a year: the articles' dates say nothing against it
        return all(-tolerance <= (a - day).days <= REPORT_WINDOW for a in _days(undated.anchors))
    # Neither dated: reports of one event come out within a few days of one another.
    mine, theirs = _days(head.anchors), _days(other.anchors)
    if not mine or not theirs:
        return True
    return abs((_middle(mine) - _middle(theirs)).days) <= REPORT_WINDOW


def _whens_fit(head: StoryCluster, other: StoryCluster) -> bool:
    """Unresolved dates must be the same words ("Thursday" is not "December last year"), and fit
    what a resolved date says (its month, its weekday)."""
    if head.whens and other.whens and not (head.whens & other.whens):
        return False
    for dated, written in ((head, other), (other, head)):
        day = _day(dated.date) if dated.date else None
        for when in written.whens:
            month, weekday = month_hint(when), weekday_hint(when)
            if dated.date and len(dated.date) >= 7 and month is not None and int(dated.date[5:7]) != month:
                return False
            if day is not None and weekday is not None and day.weekday() != weekday:
                return False
    return True


def _close(a: str, b: str, tolerance: int) -> bool:
    if len(a) == len(b) == 10:
        x, y = _day(a), _day(b)
        return x is not None and y is not None and abs((x - y).days) <= tolerance
    return a.startswith(b) or b.startswith(a)


def _day(value: str) -> date | None:
    return to_date(value) if value and len(value) == 10 else None


def _days(values: list[str]) -> list[date]:
    return [d for d in (_day(v) for v in values) if d is not None]


def _middle(days: list[date]) -> date:
    return sorted(days)[len(days) // 2]
