"""How alike two claims read: a score over soft evidence, in place of equality of brittle features.

Grouping (core.link.claims.grouping) first rules pairs out on hard evidence (another dimension, another thing
counted, disjoint places or times, killed vs injured) and then asks this module how much the rest
says "same quantity": the event verb's class, the places, the time the claim is about, the words
around the number, and whether the values themselves fit. The weights below are fit by
leave-one-cluster-out on the ECB+ dev clusters (benchmarks/fit_claims.py); none of them names a
word of any story.

The score has two parts so that grouping stays near-linear:
- `kind_score(a, b)` reads only what a claim's kind holds (core.link.claims.grouping._kind), so it is worked out
  once per pair of kinds, however many copies of a wire story carry them;
- `context_share` and `value_score` compare one claim with a whole group through counters the group
  keeps (its words, its values), in time proportional to the claim, not to the group.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsx.core.model.analyses import RawClaim
from newsx.core.nlp.claim_lexicon import DECISIVE_EVENTS, WEAK_ANCHORS, noun_class
from newsx.core.nlp.claim_scope import place_name
from newsx.core.nlp.gazetteer import place


@dataclass(frozen=True)
class Weights:
    """What each piece of evidence adds to the score; a claim joins a group at `threshold`."""

    event_same: float = 0.5
    event_differ: float = 0.0  # two verbs of no decisive class, but different ones
    event_decisive_other: float = 0.6  # one is killed/injured/arrested..., the other another verb
    anchor_same: float = 0.6
    anchor_differ: float = 0.2
    extra_differ: float = 1.0
    place_shared: float = 0.2
    place_one_side: float = 0.0  # a place qualifier on one claim only: maybe another scope
    place_disjoint: float = 0.4  # a measure said of other places: "22.4bn to Greece", "in Berlin"
    time_same: float = 0.2
    context: float = 1.2  # share of the claim's words found around the group's claims
    value_same: float = 0.6  # the same value, scaled by how telling the value is
    value_log_ratio: float = 0.5  # per factor of ten between the values
    threshold: float = 0.6
    merge_threshold: float = 0.3  # two groups join when their claims score this with each other
    ratio_same_day: float = 4.0  # said the same day, one quantity rarely moves by more
    ratio_any: float = 12.0  # estimates revised over days (1,500 -> 11,000 troops) stay within this
    ratio_measure: float = 1.5  # a distance, a duration, a share of one thing: sources differ less
    same_article_differ: float = 0.0  # one article, two values in two sentences: two things mostly


WEIGHTS = Weights()


def places_relation(a: RawClaim, b: RawClaim) -> str:
    """ "shared", "disjoint", "one" (only one names a place) or "none"."""
    if not a.places and not b.places:
        return "none"
    if not a.places or not b.places:
        return "one"
    pa = {p.lower() for p in a.places}
    pb = {p.lower() for p in b.places}
    if pa & pb or any(x in y or y in x for x in pa for y in pb):
        return "shared"  # "Detroit" and "suburban Detroit"
    if any(_within(x, y) or _within(y, x) for x in pa for y in pb):
        return "shared"  # "Qeshm" and "Iran", "Salonika" and "Thessaloniki": one place, or a place in a country
    return "disjoint"


@lru_cache(maxsize=4096)
def _within(inner: str, outer: str) -> bool:
    """`inner` is `outer` (another spelling) or lies in the country `outer` (core.nlp.gazetteer)."""
    a, b = place(place_name(inner)), place(place_name(outer))
    if a is None or b is None:
        return False
    return a.id == b.id or (b.kind == "country" and a.country == b.country)


def events_clash(a: RawClaim, b: RawClaim) -> bool:
    """Killed is not injured: two decisive event classes that differ."""
    return bool(a.event and b.event and a.event != b.event and a.event in DECISIVE_EVENTS and b.event in DECISIVE_EVENTS)


def same_stem(a: str, b: str) -> bool:
    """ "fire" and "fir" (from "firing"), "deploy" and "deployment"."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(short) >= 3


def kind_score(a: RawClaim, b: RawClaim, w: Weights) -> float:
    """The evidence two claims' kinds give, once hard rules have let the pair through."""
    score = 0.0
    if a.dimension == "age":
        return 1.0  # the same person (hard rules): one age
    if a.dimension == "count":
        if a.event and b.event:
            if a.event == b.event:
                score += w.event_same
            elif a.event in DECISIVE_EVENTS or b.event in DECISIVE_EVENTS:
                score -= w.event_decisive_other  # "killed" against "screaming", "targeted"
            else:
                score -= w.event_differ
    else:
        # an anchor that only names the unit ("a magnitude of 5.9") says nothing either
        anchor_a = a.anchor if a.anchor not in WEAK_ANCHORS and a.anchor != a.unit else ""
        anchor_b = b.anchor if b.anchor not in WEAK_ANCHORS and b.anchor != b.unit else ""
        if anchor_a and anchor_b:
            # "quake" and "temblor": one thing (core.nlp.claim_lexicon's classes)
            alike = same_stem(anchor_a, anchor_b) or noun_class(anchor_a) == noun_class(anchor_b)
            score += w.anchor_same if alike else -w.anchor_differ
        elif a.event and b.event and a.event == b.event:
            score += w.event_same / 2
    if a.extra != b.extra:
        score -= w.extra_differ  # "another 20,000", "two other buildings": on top of something else
    relation = places_relation(a, b)
    if relation == "shared":
        score += w.place_shared
    elif relation == "one":
        score -= w.place_one_side
    elif relation == "disjoint":
        score -= w.place_disjoint  # counts never get here (a hard rule keeps them apart)
    if a.refers_to and a.refers_to == b.refers_to:
        score += w.time_same
    return score


def context_share(context: tuple[str, ...], words: Counter) -> float:
    """The share of a claim's words that occur around the group's claims."""
    if not context:
        return 0.0
    return sum(1 for word in context if word in words) / len(context)


@lru_cache(maxsize=4096)
def specificity(value: float) -> float:
    """How telling an equal value is: "two" says little, "119.99" or "26,000" much more."""
    if value <= 0:
        return 0.2
    digits = f"{value:.6g}".replace(".", "").lstrip("0").rstrip("0") or "0"
    return min(1.0, (len(digits) + (1 if value >= 10 else 0) + (1 if value >= 1000 else 0)) / 4)


def value_score(value: float, values: Counter, w: Weights, revised: bool = False, typical: float | None = None) -> float:
    """The same value as the group's claims (scaled by how telling it is), less the distance to
    the group's typical (most frequent) value on a log scale (not when a source says the figure moved: "has
    risen to 11,000"). `values` counts the group's values in base units."""
    total = sum(values.values())
    if not total:
        return 0.0
    same = values.get(value, 0) / total
    if typical is None:
        typical = max(values.items(), key=lambda kv: kv[1])[0]
    gap = abs(math.log10(max(value, 1e-9) / max(typical, 1e-9))) if value > 0 and typical > 0 else (0.0 if value == typical else 1.0)
    return w.value_same * same * specificity(value) - (0.0 if revised else w.value_log_ratio * gap)
