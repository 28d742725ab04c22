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

Cost: claims that can never share a group are clustered in separate blocks, and claims that read
alike outside their sentence (copies of one wire story) are compared once per kind, so grouping and
verdicts grow with the different claims, not with every pair of copies.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import overload

from newsx.core.corpus.dates import to_date
from newsx.core.link.claims import similarity
from newsx.core.link.claims.similarity import context_share, events_clash, kind_score, places_relation, specificity, value_score
from newsx.core.model.analyses import ArticleAnalysis, Claim, ClaimGroup, Entity, RawClaim
from newsx.core.model.articles import Article
from newsx.core.nlp.claim_scope import StoryScope
from newsx.core.nlp.quantities import UNKNOWN_CURRENCY

_PERSON_WORDS = frozenset("man woman person boy girl child resident driver motorist officer worker".split())
MAX_SAID_APART_DAYS = 120  # claims said further apart than this are about different moments
CONVERSION_TOLERANCE = 0.05  # 48 km and 30 miles agree; 22 and 22.4 billion in one unit do not
ROUNDING_TOLERANCE = 0.01  # $99 and $99.99 are one price rounded; 86 and 87 minutes are not
_CONVERSION_SCORE = 10.0  # "50 km (30 miles)": one claim written twice, whatever else is said


@dataclass
class _Item:
    article: Article
    raw: RawClaim
    sentence: str
    index: int = 0  # order in the corpus: groups keep the order of their first claim
    kind: int = 0  # claims of one kind compare alike with any claim outside their own sentence
    words: int = 0  # the claim's context words, as an id
    scope: tuple = ()  # core.nlp.claim_scope.StoryScope.key: hypothetical, earlier event, other country


def _kind(raw: RawClaim) -> tuple:
    """Everything `hard_ok` and `soft_ok` read of a claim of its dimension when the other is in
    another sentence. Counts leave out their value, date said and wording (the value and the words
    are compared with a whole group, see core.link.claims.similarity), so thousands of counts fall into
    a few kinds."""
    shared = (raw.dimension, raw.extra, raw.subset, raw.refers_to, raw.places)
    if raw.dimension == "count":
        if _bare(raw):
            return shared + ("", "", raw.value, raw.unit, raw.counted.lower())
        return shared + (raw.counted_lemma, raw.event)
    if raw.dimension == "age":
        return shared + (raw.when, raw.said_on, raw.counted_lemma, raw.value)
    if raw.dimension == "money":
        return shared + (raw.when, raw.value, raw.unit, raw.anchor, raw.event)
    return shared + (raw.when, raw.anchor, raw.event)


def _bare(raw: RawClaim) -> bool:
    """A number stated with nothing counted found for it ("stabbed her 17 times", "rose to 10")."""
    return raw.dimension == "count" and not raw.counted_lemma and not raw.event


def _bare_alike(ra: RawClaim, rb: RawClaim) -> bool:
    """Two bare numbers are one claim only when everything shown of them is the same: the value, the
    unit and the word above the number (copies of one story). A bare number never joins a counted
    claim, so it can never turn a group into a conflict."""
    label = ra.counted.lower()
    return (_bare(ra) and _bare(rb) and ra.value == rb.value and ra.unit == rb.unit and label == rb.counted.lower()
            and label not in ("", "figure"))


@overload
def _base(item: _Item, value: float) -> float: ...


@overload
def _base(item: _Item, value: float | None) -> float | None: ...


def _base(item: _Item, value: float | None) -> float | None:
    """`value` of `item` in its dimension's base unit; a value is always there, a bound may not be."""
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


def _two_sources(a: RawClaim, b: RawClaim) -> bool:
    """Two numbers of one sentence that two sources give (one may be the outlet itself: "the
    centre put it at 5.9, but the survey said it was 6.1")."""
    return bool(a.claimer or b.claimer) and (a.claimer or "").lower() != (b.claimer or "").lower()


def _same_sentence(a: _Item, b: _Item) -> bool:
    return a.article.id == b.article.id and a.raw.sentence == b.raw.sentence and a.raw.start != b.raw.start


def hard_ok(a: _Item, b: _Item) -> bool:
    """Nothing says the two claims are about different things (kind, time, place, part, scale)."""
    return _hard_ok(a, b, _same_sentence(a, b))


def _hard_ok(a: _Item, b: _Item, same_sentence: bool) -> bool:
    ra, rb = a.raw, b.raw
    if _family(ra) != _family(rb):
        return False
    if a.scope != b.scope:
        return False  # a threshold or forecast, an earlier event, another country: another scope
    if ra.subset != rb.subset:
        return False  # "3,000 of them" is a part; "another 20,000" only weighs against (see the score)
    if not _times_compatible(ra, rb):
        return False
    if places_relation(ra, rb) == "disjoint" and ra.dimension in ("count", "age"):
        return False  # 20,000 in Athens, 20,000 in Thessaloniki; a measure's places weigh in its score
    if same_sentence and _two_sources(ra, rb):
        same_sentence = False  # "X said it measured 5.9, but Y said 6.1": two sources' figures for one thing
    if same_sentence:
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
    if _bare(ra) or _bare(rb):
        return _bare_alike(ra, rb) and not events_clash(ra, rb)
    if dim in ("count", "age") and (not ra.counted_lemma or ra.counted_lemma != rb.counted_lemma):
        return False
    if dim != "age" and events_clash(ra, rb):
        return False  # killed is not injured
    if dim == "age":
        # "a 47-year-old man" and "a 50-year-old man" are two men; a name is one person
        return ra.counted_lemma not in _PERSON_WORDS or ra.value == rb.value
    if dim == "money":
        # one amount in two currencies or two roundings stays within a small ratio; a share of a
        # bailout is not the bailout
        return _money_ratio_ok(ra, rb)
    return True


def _kind_score(a: _Item, b: _Item) -> float:
    """core.link.claims.similarity.kind_score, plus (for money, whose kind holds its value) the same
    amount in one currency."""
    w = similarity.WEIGHTS
    if _bare_alike(a.raw, b.raw):
        return w.threshold + w.value_same * specificity(a.raw.value)  # everything shown is the same
    score = kind_score(a.raw, b.raw, w)
    if a.raw.dimension == "money" and a.raw.unit == b.raw.unit and _rounded_alike(a.raw.value, b.raw.value):
        score += w.value_same * specificity(a.raw.value)
    return score


def soft_ok(a: _Item, b: _Item) -> bool:
    """The two claims' kinds alone say they are about one quantity (a score at the threshold)."""
    if _same_sentence(a, b) and not _two_sources(a.raw, b.raw) or a.raw.dimension == "age":
        return True
    return _kind_score(a, b) >= similarity.WEIGHTS.threshold


def compatible(a: _Item, b: _Item) -> bool:
    return hard_ok(a, b) and soft_ok(a, b)


class _Kinds:
    """`hard_ok` and the kind score per pair of kinds, each worked out once: a thousand copies of
    one wire story are compared as one claim."""

    def __init__(self) -> None:
        self.example: dict[int, _Item] = {}
        self._hard: dict[tuple[int, int], bool] = {}
        self._score: dict[tuple[int, int], float] = {}

    def hard(self, a: int, b: int) -> bool:
        found = self._hard.get((a, b))
        if found is None:
            found = self._hard[(a, b)] = _hard_ok(self.example[a], self.example[b], False)
        return found

    def score(self, a: int, b: int) -> float:
        found = self._score.get((a, b))
        if found is None:
            found = self._score[(a, b)] = _kind_score(self.example[a], self.example[b])
        return found

    def label(self, items: list[_Item]) -> None:
        kinds: dict[tuple, int] = {}
        for item in items:
            item.kind = kinds.setdefault(_kind(item.raw) + item.scope, len(kinds))
            self.example.setdefault(item.kind, item)


def _day(raw: RawClaim) -> str:
    return raw.said_on or "?"


def _valued(raw: RawClaim) -> bool:
    """Dimensions whose value the group compares claim by claim (money and ages: in their kind)."""
    return raw.dimension not in ("money", "age")


@dataclass
class _Profile:
    """A group as the comparisons see it: its kinds (with how many claims of each), its words,
    its values (in base units, and their range per day said) and its claims by sentence."""

    kinds: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)
    values: Counter = field(default_factory=Counter)
    days: dict[str, tuple[float, float]] = field(default_factory=dict)
    by_article: dict[str, set[float]] = field(default_factory=lambda: defaultdict(set))  # values per article
    revised: bool = False  # a claim says the figure moved ("has risen to")
    typical: float | None = None  # the most frequent value
    size: int = 0
    _kind_parts: dict = field(default_factory=dict)  # kind -> its mean kind score with the group (None: ruled out)
    by_sentence: dict[tuple[str, int], list[_Item]] = field(default_factory=lambda: defaultdict(list))

    def kind_part(self, kind: int, kinds: "_Kinds") -> float | None:
        """The mean kind score of a claim of `kind` with the group's claims, None if a hard rule
        rules one out; kept until the group changes (copies of one story ask it again and again)."""
        if kind in self._kind_parts:
            return self._kind_parts[kind]
        total = weighted = 0.0
        found: float | None = None
        for k, n in self.kinds.items():
            if not kinds.hard(kind, k):
                break
            weighted += n * kinds.score(kind, k)
            total += n
        else:
            found = weighted / total if total else 0.0
        self._kind_parts[kind] = found
        return found

    def add(self, item: _Item) -> None:
        self._kind_parts.clear()
        self.size += 1
        self.revised = self.revised or (item.raw.verb or "") in REVISION_VERBS
        self.kinds[item.kind] += 1
        self.words.update(set(item.raw.context))
        if _valued(item.raw):
            value = _base(item, item.raw.value)
            self.values[value] += 1
            if self.typical is None or self.values[value] > self.values[self.typical]:
                self.typical = value
            day = _day(item.raw)
            low, high = self.days.get(day, (value, value))
            self.days[day] = (min(low, value), max(high, value))
        self.by_article[item.article.id].add(_base(item, item.raw.value))
        self.by_sentence[(item.article.id, item.raw.sentence)].append(item)

    def absorb(self, other: "_Profile") -> None:
        self._kind_parts.clear()
        self.size += other.size
        self.revised = self.revised or other.revised
        self.kinds.update(other.kinds)
        self.words.update(other.words)
        self.values.update(other.values)
        self.typical = max(self.values.items(), key=lambda kv: kv[1])[0] if self.values else None
        for day, (low, high) in other.days.items():
            mine = self.days.get(day)
            self.days[day] = (low, high) if mine is None else (min(mine[0], low), max(mine[1], high))
        for sentence, items in other.by_sentence.items():
            self.by_sentence[sentence].extend(items)
        for article, values in other.by_article.items():
            self.by_article[article] |= values


def _ratio_ok(low: float, high: float, day: str, days: dict[str, tuple[float, float]], dimension: str) -> bool:
    """Values said the same day stay within a small ratio, values said on other days within a
    larger one (estimates are revised); a measure (a distance, a duration) is not revised much.
    The same number of another size is another thing."""
    w = similarity.WEIGHTS
    for other, (lo, hi) in days.items():
        if dimension != "count":
            limit = w.ratio_measure
        else:
            limit = w.ratio_same_day if other == day and day != "?" else w.ratio_any
        top, bottom = max(high, hi), min(low, lo)
        if bottom <= 0:
            if top > 0 and bottom < 0:
                return False
            continue
        if top / bottom > limit:
            return False
    return True


def _fits(item: _Item, profile: _Profile, kinds: _Kinds) -> float | None:
    """The score of `item` against a group, or None when a hard rule keeps it out."""
    if _valued(item.raw) and profile.days:
        value = _base(item, item.raw.value)  # the cheapest rule first
        if not _ratio_ok(value, value, _day(item.raw), profile.days, item.raw.dimension):
            return None
    near = profile.by_sentence.get((item.article.id, item.raw.sentence))
    contrast = False
    if near and all(_two_sources(item.raw, o.raw) for o in near):
        for other in near:
            if not hard_ok(item, other):
                return None
        near, contrast = None, True  # another source's figure in the same sentence
    if near:
        for other in near:
            if not hard_ok(item, other):
                return None
        seen_near = Counter(o.kind for o in near)
        for k, n in profile.kinds.items():
            if n > seen_near.get(k, 0) and not kinds.hard(item.kind, k):
                return None
        return _CONVERSION_SCORE
    kind_part = profile.kind_part(item.kind, kinds)
    if kind_part is None:
        return None
    found = _score(item.raw, kind_part, item, profile)
    if contrast:
        # "X put it at 5.9, but Y said it was 6.1": one sentence setting two sources' figures side
        # by side is about one thing, unless a hard rule says otherwise
        found = max(found, similarity.WEIGHTS.threshold)
    return found


def _score(raw: RawClaim, kind_part: float, item: _Item, profile: _Profile) -> float:
    w = similarity.WEIGHTS
    score = kind_part + w.context * context_share(raw.context, profile.words)
    mine = profile.by_article.get(item.article.id)
    if mine and not _conversion_of(item, profile):
        # one article giving two values in two sentences is mostly speaking of two things
        value = _base(item, raw.value)
        if all(not _rounded_alike(value, v) for v in mine):
            score -= w.same_article_differ
    if raw.dimension == "age":
        score += 1.0
    elif _valued(raw) and profile.values:
        revised = profile.revised or (raw.verb or "") in REVISION_VERBS
        score += value_score(_base(item, raw.value), profile.values, w, revised, profile.typical)
    return score


def _conversion_of(item: _Item, profile: _Profile) -> bool:
    return bool(profile.by_sentence.get((item.article.id, item.raw.sentence)))


def _cross(a: _Profile, b: _Profile, kinds: _Kinds) -> float | None:
    """The mean kind score over every cross pair, or None when a hard rule rules one out."""
    near: Counter = Counter()
    for key, xs in a.by_sentence.items():
        for y in b.by_sentence.get(key, ()):
            for x in xs:
                near[(x.kind, y.kind)] += 1
                if not hard_ok(x, y):
                    return None
    total = weighted = 0.0
    for k, n in a.kinds.items():
        for m, count in b.kinds.items():
            rest = n * count - near.get((k, m), 0)
            if rest:
                if not kinds.hard(k, m):
                    return None
                weighted += rest * kinds.score(k, m)
                total += rest
    dimension = next(iter(next(iter(a.by_sentence.values())))).raw.dimension if a.by_sentence else "count"
    for day, (low, high) in a.days.items():
        if not _ratio_ok(low, high, day, b.days, dimension):
            return None
    return weighted / total if total else 0.0


def _linkage(a: list[_Item], pa: _Profile, b: list[_Item], pb: _Profile, kinds: _Kinds) -> float | None:
    """Average linkage: the mean score of the smaller group's claims against the other group
    (each as `_fits` scores a claim joining a group), None when a hard rule rules a pair out."""
    if a[0].raw.dimension != b[0].raw.dimension or _cross(pa, pb, kinds) is None:
        return None
    if len(a) > len(b):
        a, b, pa, pb = b, a, pb, pa
    total = 0.0
    for item in a:
        found = _fits(item, pb, kinds)
        if found is None:
            return None
        total += found
    return total / len(a)


def _merge_pass(clusters: list[list[_Item]], kinds: _Kinds) -> list[list[_Item]]:
    """Best-first average linkage over the groups the greedy pass made, complete linkage on the
    hard rules: two halves of one quantity (split by the order claims came in) come together, the
    most alike pair first."""
    profiles = [_profile_of(c) for c in clusters]
    threshold = similarity.WEIGHTS.merge_threshold
    alive = set(range(len(clusters)))
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(clusters)):
        for j in range(i + 1, len(clusters)):
            found = _linkage(clusters[i], profiles[i], clusters[j], profiles[j], kinds)
            if found is not None and found >= threshold:
                scores[(i, j)] = found
    while scores:
        (i, j), _ = max(scores.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        clusters[i] = clusters[i] + clusters[j]
        profiles[i].absorb(profiles[j])
        alive.discard(j)
        scores = {k: v for k, v in scores.items() if i not in k and j not in k}
        for other in alive:
            if other == i:
                continue
            x, y = min(i, other), max(i, other)
            found = _linkage(clusters[x], profiles[x], clusters[y], profiles[y], kinds)
            if found is not None and found >= threshold:
                scores[(x, y)] = found
    return [clusters[k] for k in sorted(alive)]


def _profile_of(cluster: list[_Item]) -> _Profile:
    profile = _Profile()
    for item in cluster:
        profile.add(item)
    return profile


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


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return False
    return abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))


def _rounded_alike(x: float, y: float) -> bool:
    """ "$99" and "$99.99": one figure, written rounded (within a hundredth)."""
    return x == y or abs(x - y) <= ROUNDING_TOLERANCE * max(abs(x), abs(y))


def _cluster(items: list[_Item], kinds: _Kinds) -> list[list[_Item]]:
    """Greedy average linkage: a claim joins the group it scores best with, over the threshold,
    among the groups no hard rule keeps it out of."""
    clusters: list[list[_Item]] = []
    profiles: list[_Profile] = []
    threshold = similarity.WEIGHTS.threshold
    for item in items:
        best, best_score = None, threshold
        for k, profile in enumerate(profiles):
            found = _fits(item, profile, kinds)
            if found is not None and (found > best_score or found == best_score and best is None):
                best, best_score = k, found
        if best is None:
            clusters.append([item])
            profiles.append(_Profile())
            best = len(clusters) - 1
        else:
            clusters[best].append(item)
        profiles[best].add(item)
    return clusters


def _block(item: _Item) -> tuple:
    """Claims of different blocks are never `compatible`, so each block is clustered on its own:
    one dimension, kind of thing counted, "of them" marking."""
    r = item.raw
    bare = (r.value, r.counted.lower()) if _bare(r) else ()
    return (r.dimension, r.counted_lemma if r.dimension in ("count", "age") else "", r.subset) + bare + (item.scope,)


def build_groups(articles: list[Article], analyses: Mapping[str, ArticleAnalysis], entities: list[Entity]) -> list[ClaimGroup]:
    items: list[_Item] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for raw in analysis.claims:
            items.append(_Item(article, raw, analysis.sentence_text(article.text, raw.sentence), len(items)))
    story = StoryScope([(item.article.id, item.raw) for item in items])
    for item in items:
        item.scope = story.key(item.raw)
    kinds = _Kinds()
    kinds.label(items)
    blocks: dict[tuple, list[_Item]] = {}
    for item in items:
        blocks.setdefault(_block(item), []).append(item)
    # Groups in the order they always had: by dimension and thing counted, then by first claim.
    by_thing: dict[tuple[str, str], list[list[_Item]]] = {}
    for item in items:
        r = item.raw
        by_thing.setdefault((r.dimension, r.counted_lemma if r.dimension in ("count", "age") else ""), [])
    for key, block in blocks.items():
        by_thing[key[:2]].extend(_merge_pass(_cluster(block, kinds), kinds))
    clusters = [c for found in by_thing.values() for c in sorted(found, key=lambda c: c[0].index)]
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
    values = {k: sorted(o.raw.value for o in found) for k, found in by_unit.items()}
    for item in lost:
        # a currency sign lost in transit: the currency whose figures are nearest
        if by_unit:
            key = min(by_unit, key=lambda k: _gap(values[k], item.raw.value) / max(item.raw.value, 1))
            by_unit[key].append(item)
            insort(values[key], item.raw.value)
        else:
            by_unit[UNKNOWN_CURRENCY] = [item]
            values[UNKNOWN_CURRENCY] = [item.raw.value]
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
        return _rounded_alike(a.raw.value, b.raw.value)
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
    by_day: dict[str, list[_Item]] = defaultdict(list)
    for i in dated:
        by_day[_day(i.raw)].append(i)  # its `said_on`: every claim of `dated` has one
    days = sorted(by_day)
    same_day_clash = any(_any_clash(found) for found in by_day.values())
    # a flight time or a distance of one event is measured, not revised: only counts, money and
    # shares are followed as estimates over time
    revisable = items[0].raw.dimension in ("count", "money", "percent")
    if revisable and len(days) >= 2 and len(dated) == len(items) and not same_day_clash:
        firsts = [min(_base(i, i.raw.value) for i in by_day[d]) for d in days]
        lasts = [max(_base(i, i.raw.value) for i in by_day[d]) for d in days]
        disjoint_over_time = _any_clash(dated, across_days=True)
        # only a rise: tolls and estimates grow as reports come in; a figure that falls the next
        # day (six engines, then four) is a disagreement
        rising = all(lasts[k] <= firsts[k + 1] or lasts[k] <= lasts[k + 1] for k in range(len(days) - 1))
        rising = rising and lasts[-1] > firsts[0]
        if disjoint_over_time and rising:
            first = min(dated, key=lambda i: _day(i.raw))
            last = max(dated, key=lambda i: (i.raw.said_on, i.raw.value))
            return "changed", (
                f"revised from {first.raw.text.strip()} ({first.raw.said_on}) to {last.raw.text.strip()} ({last.raw.said_on})"
            )
    hard = _first_clash(items)
    shown = ", ".join(_fmt(v) for v in values[:6])
    if hard:
        a, b = hard
        return "conflict", f"{a.raw.text.strip()} ({_claimer(a)}) vs {b.raw.text.strip()} ({_claimer(b)}): values {shown} cannot all hold"
    if _all_fit(items):
        return "agree", f"values {shown} fit within their qualifiers"
    return "conflict", f"values differ ({shown}) though their bounds overlap"


def _exact(item: _Item) -> bool:
    r = item.raw
    return r.low is not None and r.low == r.high


def _fit_within(a: _Item, b: _Item) -> bool:
    """Two values that say the same: one rounded ($99, $99.99), an exact figure inside the other's
    qualifier (7 and "at least 5"; 5.9 and "about 6.0"), or bounds open the same way ("more
    than 26,000", "more than 31,000"). A lower bound against an upper bound ("more than 100",
    "up to 120") is a soft conflict: both may hold, but the sources tell it differently."""
    va, vb = _base(a, a.raw.value), _base(b, b.raw.value)
    if a.raw.unit == b.raw.unit and _rounded_alike(va, vb):
        return True
    la, ha = _interval(a)
    lb, hb = _interval(b)
    if _exact(a) and lb <= va <= hb or _exact(b) and la <= vb <= ha:
        return True
    same_way = (a.raw.high is None and b.raw.high is None) or (a.raw.low is None and b.raw.low is None)
    return same_way and la <= hb and lb <= ha


def _all_fit(items: list[_Item]) -> bool:
    """`_fit_within` for every pair of distinct values, asked once per pair."""
    found = _by_value(items)
    firsts = [items[where[0]] for where in found.values()]
    return all(_fit_within(a, b) for n, a in enumerate(firsts) for b in firsts[n + 1 :])


def _gap(ordered: list[float], value: float) -> float:
    """The distance from `value` to the nearest of `ordered` (sorted, not empty)."""
    n = bisect_right(ordered, value)
    return min(abs(value - o) for o in ordered[max(n - 1, 0) : n + 1])


def _value_key(item: _Item) -> tuple:
    """Everything `_overlap` and `_same_value` read: claims with one key compare alike."""
    r = item.raw
    return (r.unit, r.dimension, r.value, r.low, r.high, r.factor)


def _by_value(items: list[_Item]) -> dict[tuple, list[int]]:
    found: dict[tuple, list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        found[_value_key(item)].append(k)
    return found


def _any_clash(items: list[_Item], across_days: bool = False) -> bool:
    """Two claims (said on different days, with `across_days`) whose values cannot both hold,
    as asking every pair would say, asked once per pair of distinct values (and dates)."""
    found = _by_value(items) if not across_days else defaultdict(list)
    if across_days:
        for k, item in enumerate(items):
            found[(item.raw.said_on, _value_key(item))].append(k)
    keys = list(found)
    for x, key in enumerate(keys):
        a = items[found[key][0]]
        if len(found[key]) > 1 and not across_days and not _overlap(a, a):
            return True
        for other in keys[x + 1 :]:
            b = items[found[other][0]]
            if across_days and a.raw.said_on == b.raw.said_on:
                continue
            if not _overlap(a, b) or not _overlap(b, a):
                return True
    return False


def _first_clash(items: list[_Item]) -> tuple[_Item, _Item] | None:
    """The first pair, in order, of claims with different values that cannot both hold."""
    found = _by_value(items)
    clash: dict[tuple[tuple, tuple], bool] = {}
    for k, a in enumerate(items):
        key, best = _value_key(a), None
        for other, where in found.items():
            c = clash.get((key, other))
            if c is None:
                b = items[where[0]]
                c = clash[(key, other)] = not _same_value(a, b) and not _overlap(a, b)
            if c:
                n = bisect_right(where, k)
                if n < len(where) and (best is None or where[n] < best):
                    best = where[n]
        if best is not None:
            return a, items[best]
    return None


_PARTICIPLES = {
    "kill": "killed", "injure": "injured", "shoot": "shot", "arrest": "arrested", "deploy": "",
    "protest": "at protests", "rescue": "rescued", "evacuate": "evacuated", "burn": "set on fire", "move": "moved",
    "find": "found",
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
