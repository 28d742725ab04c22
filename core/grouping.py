"""Claims about the same thing, across articles, in groups with a verdict.

Two claims may share a group only when nothing says they differ (complete linkage):
- same dimension (a count of people is never compared with a distance), same kind of thing counted
  (people, troops, containers) and the same event class (killed is not injured; in Russia is not
  moved toward the front); a measure needs the same anchor ("chase", "altitude") or a shared context;
- compatible times: the dates they refer to must not differ, and claims said months apart are about
  different moments (a man is 38 at the shooting and 39 at his trial);
- no disjoint places (Athens vs Thessaloniki), the same "other/another" and "of them" marking.
Values in other units of one dimension are converted (km and miles); money in several currencies
shares a group and is compared per currency.

Verdicts: `single` (one claim or one source), `agree` (every value fits every other), `changed` (the
values move with the date they were said on and no two claims of one date disagree), `conflict`
(different values for the same thing at the same time).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from .dates import to_date
from .models import Article, ArticleAnalysis, Claim, ClaimGroup, Entity, RawClaim
from .quantities import UNKNOWN_CURRENCY

_PERSON_WORDS = frozenset("man woman person boy girl child resident driver motorist officer worker".split())
MAX_SAID_APART_DAYS = 120  # claims said further apart than this are about different moments
CONVERSION_TOLERANCE = 0.05  # 48 km and 30 miles agree; 22 and 22.4 billion in one unit do not


@dataclass
class _Item:
    article: Article
    raw: RawClaim
    sentence: str


def _base(item: _Item, value: float | None) -> float | None:
    return None if value is None else value * (item.raw.factor or 1.0)


def _family(raw: RawClaim) -> str:
    return raw.dimension


def _times_compatible(a: RawClaim, b: RawClaim) -> bool:
    ra, rb = a.refers_to, b.refers_to
    if ra and rb and not (ra.startswith(rb) or rb.startswith(ra)):
        return False
    # dates that could not be resolved (no article date): different expressions, different times.
    # Only for measures of one event (a flight time); a count can be followed over time.
    wa, wb = (a.when, b.when) if a.dimension != "count" else ("", "")
    if wa and wb and wa != wb:
        return False
    if (wa and rb) or (wb and ra):
        return False
    if a.dimension == "age":
        # a person is 38 at the shooting and 39 at the trial: ages said far apart are other moments
        da, db = to_date(a.said_on), to_date(b.said_on)
        if da and db and abs((da - db).days) > MAX_SAID_APART_DAYS:
            return False
    return True


def _places_compatible(a: RawClaim, b: RawClaim) -> bool:
    if not a.places or not b.places:
        return True
    pa = {p.lower() for p in a.places}
    pb = {p.lower() for p in b.places}
    if pa & pb:
        return True
    # "Detroit" and "suburban Detroit"; "Russia" and "western Russia"
    return any(x in y or y in x for x in pa for y in pb)


def _same_sentence(a: _Item, b: _Item) -> bool:
    return a.article.id == b.article.id and a.raw.sentence == b.raw.sentence and a.raw.start != b.raw.start


def hard_ok(a: _Item, b: _Item) -> bool:
    """Nothing says the two claims are about different things (kind, time, place, part, scale)."""
    ra, rb = a.raw, b.raw
    if _family(ra) != _family(rb):
        return False
    if ra.extra != rb.extra or ra.subset != rb.subset:
        return False
    if not _times_compatible(ra, rb) or not _places_compatible(ra, rb):
        return False
    if _same_sentence(a, b):
        # two numbers of one sentence are one claim only as a conversion ("50 km (30 miles)",
        # "euro110 billion ($141 billion)")
        if ra.dimension == "count" and ra.counted_lemma == rb.counted_lemma and ra.event == rb.event and (
            (ra.refers_to or ra.when) != (rb.refers_to or rb.when)
        ):
            return True  # "sent 3,000 troops with plans to deploy 10,000 by December": one figure over time
        if ra.dimension == "count" or ra.unit == rb.unit:
            return False
        first, second = sorted((ra, rb), key=lambda r: r.start)
        between = a.article.text[first.end:second.start]
        return "(" in between and len(between.strip()) <= 3 and (ra.dimension == "money" or _close(_base(a, ra.value), _base(b, rb.value)))
    dim = ra.dimension
    if dim in ("count", "age") and (not ra.counted_lemma or ra.counted_lemma != rb.counted_lemma):
        return False
    if dim == "age":
        # "a 47-year-old man" and "a 50-year-old man" are two men; a name is one person
        return ra.counted_lemma not in _PERSON_WORDS or ra.value == rb.value
    if dim == "money":
        # one amount in two currencies or two roundings stays within a small ratio; a share of a
        # bailout is not the bailout
        return _money_ratio_ok(ra, rb)
    return True


def soft_ok(a: _Item, b: _Item) -> bool:
    """The two claims are about the same event or thing: the same event class, anchor or context."""
    ra, rb = a.raw, b.raw
    if _same_sentence(a, b) or ra.dimension == "age":
        return True
    if ra.dimension == "count":
        # "3,000 of them close to the front" / "more than 3,000 of them moved toward combat zones":
        # the part is named by its "of them", whatever verb carries it
        return ra.subset or (bool(ra.event) and ra.event == rb.event)
    if ra.anchor and rb.anchor:
        return same_stem(ra.anchor, rb.anchor)
    shared = len(set(ra.context) & set(rb.context))
    if ra.dimension == "money":
        return shared >= (1 if (ra.anchor or rb.anchor) else 2)
    return shared >= 2


def compatible(a: _Item, b: _Item) -> bool:
    return hard_ok(a, b) and soft_ok(a, b)


MERGE_SHARE = 0.5  # groups merge when half their cross pairs match and none rules it out


def _merge_pass(clusters: list[list[_Item]]) -> list[list[_Item]]:
    """Average linkage on the soft evidence, complete linkage on the hard constraints: a claim whose
    own wording is thin ("110bn in loans") does not keep two halves of one quantity apart."""
    merged = True
    while merged:
        merged = False
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                a, b = clusters[i], clusters[j]
                if a[0].raw.dimension != b[0].raw.dimension:
                    continue
                pairs = [(x, y) for x in a for y in b]
                if not all(hard_ok(x, y) for x, y in pairs):
                    continue
                if sum(soft_ok(x, y) for x, y in pairs) >= MERGE_SHARE * len(pairs):
                    clusters[i] = a + b
                    del clusters[j]
                    merged = True
                    break
            if merged:
                break
    return clusters


# Currencies worth far less than a dollar: a converted amount can be any multiple.
_SMALL_CURRENCIES = frozenset("JPY KRW INR RUB CNY AED".split())


def _money_ratio_ok(ra: RawClaim, rb: RawClaim) -> bool:
    if ra.unit in _SMALL_CURRENCIES or rb.unit in _SMALL_CURRENCIES:
        return True
    big, small = max(ra.value, rb.value), min(ra.value, rb.value)
    if small <= 0:
        return big == small
    limit = 1.5 if ra.unit == rb.unit else 3.0
    return big / small <= limit


def same_stem(a: str, b: str) -> bool:
    """ "fire" and "fir" (from "firing"), "deploy" and "deployment"."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(short) >= 3


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return False
    return abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))


def _similarity(a: _Item, b: _Item) -> float:
    sa, sb = set(a.raw.context), set(b.raw.context)
    return len(sa & sb) / (min(len(sa), len(sb)) or 1)


def _cluster(items: list[_Item]) -> list[list[_Item]]:
    """Greedy complete linkage: a claim joins the largest group it fits with every member of."""
    clusters: list[list[_Item]] = []
    for item in items:
        best, best_score = None, -1.0
        for cluster in clusters:
            if all(compatible(item, other) for other in cluster):
                # the larger group first (one group per quantity), then the closer context
                score = len(cluster) + max(_similarity(item, other) for other in cluster)
                if score > best_score:
                    best, best_score = cluster, score
        if best is None:
            clusters.append([item])
        else:
            best.append(item)
    return clusters


def build_groups(articles: list[Article], analyses: dict[str, ArticleAnalysis], entities: list[Entity]) -> list[ClaimGroup]:
    items: list[_Item] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for raw in analysis.claims:
            items.append(_Item(article, raw, analysis.sentence_text(article.text, raw.sentence)))
    # Blocks: only claims of one dimension (and, for counts and ages, one kind of thing) can ever
    # share a group, so each block is clustered on its own.
    blocks: dict[tuple[str, str], list[_Item]] = {}
    for item in items:
        r = item.raw
        blocks.setdefault((r.dimension, r.counted_lemma if r.dimension in ("count", "age") else ""), []).append(item)
    clusters: list[list[_Item]] = []
    for block in blocks.values():
        clusters.extend(_merge_pass(_cluster(block)))
    groups = [_group(i, cluster) for i, cluster in enumerate(clusters)]
    order = {"conflict": 0, "changed": 1, "agree": 2, "single": 3}
    groups.sort(key=lambda g: (order[g.verdict], -len(g.claims)))
    return [
        ClaimGroup(id=f"g{i + 1}", topic=g.topic, unit=g.unit, verdict=g.verdict, reason=g.reason, claims=g.claims)
        for i, g in enumerate(groups)
    ]


def _claimer(item: _Item) -> str:
    return item.raw.claimer or item.article.outlet or "unattributed"


def _to_claim(item: _Item) -> Claim:
    r = item.raw
    return Claim(
        article=item.article.id,
        value=r.value,
        low=r.low,
        high=r.high,
        text=r.text,
        sentence=item.sentence,
        sentence_index=r.sentence,
        start=r.start,
        end=r.end,
        claimer=_claimer(item),
        said_on=r.said_on,
        refers_to=r.refers_to,
        outlet=item.article.outlet,
    )


def _interval(item: _Item) -> tuple[float, float]:
    r = item.raw
    low = _base(item, r.low)
    high = _base(item, r.high)
    return (float("-inf") if low is None else low, float("inf") if high is None else high)


def _overlap(a: _Item, b: _Item) -> bool:
    if a.raw.unit != b.raw.unit and a.raw.dimension != "money":
        return _close(_base(a, a.raw.value), _base(b, b.raw.value))
    la, ha = _interval(a)
    lb, hb = _interval(b)
    return la <= hb and lb <= ha


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def verdict(cluster: list[_Item]) -> tuple[str, str]:
    """(verdict, reason) for one group."""
    if len(cluster) == 1:
        return "single", "only one claim"
    # money in several currencies: compare within each currency only
    by_unit: dict[str, list[_Item]] = {}
    for item in cluster:
        key = item.raw.unit if item.raw.dimension == "money" else item.raw.dimension
        by_unit.setdefault(key, []).append(item)
    lost = by_unit.pop(UNKNOWN_CURRENCY, [])
    for item in lost:
        # a currency sign lost in transit: the currency whose figures are nearest
        if by_unit:
            key = min(by_unit, key=lambda k: min(abs(item.raw.value - o.raw.value) / max(item.raw.value, 1) for o in by_unit[k]))
            by_unit[key].append(item)
        else:
            by_unit.setdefault(UNKNOWN_CURRENCY, []).append(item)
    verdicts = [_verdict_one(items) for items in by_unit.values() if len(items) > 1]
    if not verdicts:
        return "agree", "one figure per currency"
    for wanted in ("conflict", "changed"):
        for v, reason in verdicts:
            if v == wanted:
                return v, reason
    sources = {(i.article.id, i.raw.claimer) for i in cluster}
    if len(sources) == 1:
        return "single", "one source"
    return verdicts[0]


def _same_value(a: _Item, b: _Item) -> bool:
    if a.raw.unit == b.raw.unit or a.raw.dimension == "money":
        return a.raw.value == b.raw.value
    return _close(_base(a, a.raw.value), _base(b, b.raw.value))


_PAST = {
    "increase": "increased", "rise": "rose", "grow": "grew", "climb": "climbed", "jump": "jumped",
    "swell": "swelled", "double": "doubled", "triple": "tripled", "revise": "was revised",
    "raise": "was raised", "soar": "soared",
}
REVISION_VERBS = frozenset("increase rise grow climb jump swell double triple revise raise soar".split())


def _verdict_one(items: list[_Item]) -> tuple[str, str]:
    values = sorted({_base(i, i.raw.value) for i in items})
    if all(_same_value(items[0], i) for i in items[1:]):
        return "agree", f"all {len(items)} claims give {items[0].raw.text.strip()}"
    # "the number ... has increased to 11,000": a source says the figure moved
    revised = [i for i in items if (i.raw.verb or "") in REVISION_VERBS]
    if revised and items[0].raw.dimension in ("count", "money", "percent"):
        latest = max(revised, key=lambda i: _base(i, i.raw.value))
        earlier = sorted({i.raw.value for i in items if not _same_value(i, latest)})
        verb = _PAST.get(latest.raw.verb or "", "changed")
        return "changed", (
            f"{_claimer(latest)} says the figure {verb} to {latest.raw.text.strip()}; "
            f"earlier figures: {', '.join(_fmt(v) for v in earlier)}"
        )
    # by date said: values that move with time, with no disagreement on one date, were revised
    dated = [i for i in items if i.raw.said_on]
    days = sorted({i.raw.said_on for i in dated})
    same_day_clash = any(
        not _overlap(a, b)
        for d in days
        for a in dated
        for b in dated
        if a.raw.said_on == d == b.raw.said_on and a is not b
    )
    # a flight time or a distance of one event is measured, not revised: only counts, money and
    # shares are followed as estimates over time
    revisable = items[0].raw.dimension in ("count", "money", "percent")
    if revisable and len(days) >= 2 and len(dated) == len(items) and not same_day_clash:
        firsts = [min((_base(i, i.raw.value) for i in dated if i.raw.said_on == d)) for d in days]
        lasts = [max((_base(i, i.raw.value) for i in dated if i.raw.said_on == d)) for d in days]
        disjoint_over_time = any(
            not _overlap(a, b) for a in dated for b in dated if a.raw.said_on != b.raw.said_on
        )
        rising = all(lasts[k] <= firsts[k + 1] or lasts[k] <= lasts[k + 1] for k in range(len(days) - 1))
        falling = all(firsts[k] >= lasts[k + 1] or firsts[k] >= firsts[k + 1] for k in range(len(days) - 1))
        if disjoint_over_time and (rising or falling):
            first = min(dated, key=lambda i: i.raw.said_on)
            last = max(dated, key=lambda i: (i.raw.said_on, i.raw.value))
            return "changed", (
                f"revised from {first.raw.text.strip()} ({first.raw.said_on}) to {last.raw.text.strip()} ({last.raw.said_on})"
            )
    pairs = [(a, b) for k, a in enumerate(items) for b in items[k + 1:] if not _same_value(a, b)]
    hard = [p for p in pairs if not _overlap(*p)]
    shown = ", ".join(_fmt(v) for v in values[:6])
    if hard:
        a, b = hard[0]
        return "conflict", f"{a.raw.text.strip()} ({_claimer(a)}) vs {b.raw.text.strip()} ({_claimer(b)}): values {shown} cannot all hold"
    return "conflict", f"values differ ({shown}) though their bounds overlap"


_PARTICIPLES = {
    "kill": "killed", "injure": "injured", "shoot": "shot", "arrest": "arrested", "deploy": "",
    "protest": "at protests", "rescue": "rescued", "burn": "set on fire", "move": "moved", "find": "found",
}


def _topic(cluster: list[_Item]) -> str:
    """A short label: what is counted and what happened to it, or what a measure is of."""
    counted = Counter(i.raw.counted for i in cluster if i.raw.counted)
    label = counted.most_common(1)[0][0] if counted else cluster[0].raw.counted_lemma
    label = " ".join(label.replace(" - ", "-").split())
    dim = cluster[0].raw.dimension
    if dim == "count":
        event = Counter(i.raw.event for i in cluster if i.raw.event).most_common(1)
        verb = _PARTICIPLES.get(event[0][0], event[0][0]) if event else ""
        if verb and verb not in label.lower():
            return f"{label}: {verb}"
        return label
    if dim == "age":
        return f"age of {label}"
    names = {"length": "distance", "duration": "duration", "speed": "speed", "money": "amount", "percent": "share"}
    return f"{names.get(dim, dim)}: {label}" if label else names.get(dim, dim)


def _group(index: int, cluster: list[_Item]) -> ClaimGroup:
    cluster = sorted(cluster, key=lambda i: (i.raw.said_on or "", i.article.id, i.raw.start))
    v, reason = verdict(cluster)
    units = Counter(i.raw.unit for i in cluster)
    unit = units.most_common(1)[0][0]
    if cluster[0].raw.dimension == "money":
        # every currency the group is written in ("EUR/USD"); a lost sign only when nothing else
        unit = "/".join(u for u, _ in units.most_common() if u != UNKNOWN_CURRENCY) or UNKNOWN_CURRENCY
    return ClaimGroup(
        id=f"g{index + 1}",
        topic=_topic(cluster),
        unit=unit,
        verdict=v,
        reason=reason,
        claims=tuple(_to_claim(i) for i in cluster),
    )
