"""A harm's toll is part of it: the deaths, injuries and damage a quake, a blast, a shooting, a fire
or a crash caused are told with it ("struck Aceh, killing 10 and injuring dozens"; "opened fire,
wounding two"), so they join its event instead of standing beside it as events of their own.

A toll cluster joins the harm whose mentions it is told with: in half its articles or more, one of
its mentions sits in the sentence of one of the harm's, or in one of the three after ("A quake struck
on Tuesday. At least 22 people died."). Deaths told on their own ("he died in hospital a week
later", an obituary's "died in 1998") stay their own event, and so do tolls of another day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newsx.core.link.events.story import DAY_TOLERANCE, dates_close
from newsx.core.nlp.event_lexicon import HARM_FAMILIES, SECONDARY_HARMS, TOLL_FAMILIES

# A toll joins a harm it is told with in this share of its articles or more: in the harm's sentence
# or one of the next TOLD_WITHIN ("A boy was killed when a wall fell. Several people were injured."; three:
# the injuries of a firefight are often a paragraph on, after the commander's account; ECB+ alike with two).
TOLD_WITH_SHARE = 0.5
TOLD_WITHIN = 3


@dataclass
class HarmCluster:
    """What the pass reads of a cluster: plain values, so it can be tested without linking."""

    family: str
    sentences: set[tuple[str, int]] = field(default_factory=set)  # (article, sentence) of its mentions
    date: str | None = None
    future: bool = False

    @property
    def articles(self) -> set[str]:
        return {article for article, _ in self.sentences}


def toll_owners(clusters: list[HarmCluster], tolls: frozenset[str] = TOLL_FAMILIES,
                harms: frozenset[str] = HARM_FAMILIES) -> dict[int, int]:
    """For each toll cluster told with a harm, the position of that harm (the one told with it in
    the most articles; a toll never joins another toll, nor a harm to come). Harms are found through
    the sentences they are told in, so the cost follows the mentions, not the pairs of clusters."""
    harms_in: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, c in enumerate(clusters):
        if c.family in harms and not c.future:
            for told_in in c.sentences:
                harms_in[told_in].append(k)
    reach = [len(c.articles) for c in clusters]  # each cluster's articles, counted once
    owners: dict[int, int] = {}
    for k, toll in enumerate(clusters):
        if toll.family not in tolls or toll.future:
            continue
        told_with: dict[int, set[str]] = defaultdict(set)  # harm -> the toll's articles told with it
        for article, sentence in toll.sentences:
            for back in range(TOLD_WITHIN + 1):
                for h in harms_in.get((article, sentence - back), ()):
                    told_with[h].add(article)
        best, best_key = None, (TOLD_WITH_SHARE, 0)
        for h in sorted(told_with):
            harm = clusters[h]
            if toll.date and harm.date and not dates_close(toll.date, harm.date, DAY_TOLERANCE):
                continue
            key = (len(told_with[h]) / reach[k], reach[h])  # on a tie, the most reported harm
            if key >= best_key:
                best, best_key = h, key
        if best is not None:
            owners[k] = best
    return owners


def secondary_harm_owners(clusters: list[HarmCluster]) -> dict[int, int]:
    """A harm that is often another's toll ("the roof collapsed during the blaze", "houses
    collapsed" in a quake) joins that harm when told with it, as a toll does; told alone (a bridge
    that collapsed) it stays a harm and takes its own toll."""
    return toll_owners(clusters, tolls=SECONDARY_HARMS, harms=HARM_FAMILIES - SECONDARY_HARMS)
