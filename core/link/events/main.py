"""The story's main event: the lead events of its articles, whatever verb each uses, as one event.

Sources open on the story's event with their own verb ("the mayor lifted the curfew", "the city
scrapped it", "officials ended it"), so family linking keeps these apart when
the verbs are not of one known kind. An article's lead event is the first event of its opening
sentences that its headline names ("Mayor scraps curfew"), else the first that names a
person or organisation. The main event is the cluster most articles lead
with; another lead cluster joins it when its lead names one of the main event's people, its date
fits, and the two are not known, different kinds of event (an arrest after a shooting stays its
own, as do secondary events further down the articles).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsx.core.link.events.story import DAY_TOLERANCE, dates_close
from newsx.core.nlp.event_lexicon import parted_by_tense

# The main event's people: those named as its parties in this share of its articles (at least one).
CORE_SHARE = 0.25


@dataclass
class LeadCluster:
    """What the pass reads of a cluster: plain values, so it can be tested without linking."""

    family: str
    known: bool  # its family is one of the lexicon's kinds of event (not a bare verb)
    articles: set[str]
    people: Counter = field(default_factory=Counter)  # per person/org, how many of its articles name it
    lead_people: set = field(default_factory=set)  # the people and organisations its lead mentions name
    leads: int = 0  # the articles that lead with it
    date: str | None = None
    future: bool = False


def main_event_joins(clusters: list[LeadCluster]) -> tuple[int | None, list[int]]:
    """The main event's position and the positions of the lead clusters that join it."""
    leading = [k for k, c in enumerate(clusters) if c.leads]
    if not leading:
        return None, []
    main = max(leading, key=lambda k: (clusters[k].leads, len(clusters[k].articles), -k))
    head = clusters[main]
    need = max(1, round(CORE_SHARE * len(head.articles)))
    core = {p for p, n in head.people.items() if n >= need}
    joins = []
    for k in leading:
        c = clusters[k]
        if k == main or parted_by_tense(head.family, c.future, head.future) or not (c.lead_people & core):
            continue
        if c.family != head.family and c.known and head.known:
            continue  # two kinds of event the lexicon tells apart
        if c.date and head.date and not dates_close(c.date, head.date, DAY_TOLERANCE):
            continue
        joins.append(k)
    return main, joins


_WORD = re.compile(r"[a-z]+")


def in_headline(lemma: str, text: str, headline: str) -> bool:
    """True when the headline uses the trigger's word, in any form ("scraps" for "scrapped")."""
    words = _WORD.findall(headline.lower())
    stems = {_stem(w) for w in _WORD.findall(f"{lemma} {text}".lower()) if len(w) >= 3}
    return any(_stem(w) in stems for w in words if len(w) >= 3)


def _stem(word: str) -> str:
    """A crude stem that is the same for the forms of one verb or noun: "dies", "died", "die"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
