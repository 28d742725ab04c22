"""The same event across articles: raw event mentions merged into `Event`s, on plain data.

Mentions are blocked by trigger family and shared participant (an inverted index, so the cost
follows the overlaps, not every pair). Mentions that read alike (copies of one wire story) form a
class scored once against each other class, so the cost follows the different mentions, not the
copies. Pairs are scored by participant overlap, place and date, then merged
best-first while the dates of a cluster stay compatible: a December test is never the October
launch. Articles without a date borrow one from the articles they share events with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial

from newsx.core.corpus.dates import WEEKDAYS, names_an_era, resolve_date, to_date
from newsx.core.link.events.background import KindCluster, background_owners
from newsx.core.link.events.labels import future_label, happening_label
from newsx.core.link.events.main import LeadCluster, in_headline, main_event_joins
from newsx.core.link.events.ordering import in_news_window, reported_first
from newsx.core.link.events.story import StoryCluster, merge_story_events
from newsx.core.link.events.tolls import HarmCluster, secondary_harm_owners, toll_owners
from newsx.core.model.analyses import HEADLINE_SENTENCE, ArticleAnalysis, Entity, Event, EventMention, RawEvent
from newsx.core.model.articles import Article
from newsx.core.nlp import gazetteer
from newsx.core.nlp.event_classes import FOILED_ATTACK
from newsx.core.nlp.event_lexicon import (
    ACT_NOUNS,
    BEFALLING_FAMILIES,
    CONVERSE_TRIGGERS,
    EVENT_NOUNS,
    FAMILIES,
    NOUN_VERBS,
    OCCASION,
    PERSONAL_ACTS,
    PLACE_STRUCK_FAMILIES,
    TELLING_VERBS,
    UNDERGONE,
    dated_when_it_takes_effect,
    make_label,
    month_hint,
    parted_by_tense,
    told_as_noun,
    weekday_hint,
    whens_agree,
)
from newsx.core.processes import alongside


@dataclass
class _Node:
    article: str
    raw: RawEvent
    family: str
    parties: frozenset[str]
    strong: frozenset[str]  # the people and organisations among the parties
    agents: frozenset[str]  # the parties that do it (the rest undergo it)
    places: frozenset[str]
    anchor: str | None
    date: str | None
    when_key: str | None  # the date as written, when it did not resolve
    published: str | None = None  # the article's own date (`anchor` may be borrowed from others)


@dataclass
class _Cluster:
    nodes: list[int]
    dates: set[str] = field(default_factory=set)
    whens: set[str] = field(default_factory=set)
    main: bool = False  # of the kinds of event the story reports most (the story pass)
    label_nodes: list[int] | None = None  # the nodes its label is made from, when not all of them
    date_nodes: list[int] | None = None  # the nodes its date is read from, when not all of them (a toll's)

    def absorb(self, other: "_Cluster") -> None:
        """Take in another cluster's mentions and the dates they give."""
        self.nodes.extend(other.nodes)
        self.dates |= other.dates
        self.whens |= other.whens


# A participant found in more mentions of one family than this is compared only within periods.
_BIG_POSTING = 200


def link_events(articles: list[Article], analyses: Mapping[str, ArticleAnalysis], entities: list[Entity]) -> list[Event]:
    """The corpus's events: the same event in several articles becomes one `Event`; the most
    reported first (see `ordering`)."""
    resolve_entity = _entity_resolver(entities)
    written: dict[str, str] = {}  # a name no entity holds, as first written ("US", not "Us")

    def resolve(article: str, name: str, start: int | None) -> str:
        key = resolve_entity(article, name, start)
        if key.startswith("name:"):
            written.setdefault(key, name)
        return key

    labels = {e.id: e.label for e in entities}
    nodes: list[_Node] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if not analysis:
            continue
        for raw in analysis.events:
            parties = _ids(article.id, raw.participants, raw.participant_starts, resolve)
            places = _ids(article.id, raw.places, raw.place_starts, resolve)
            when_key = None if raw.date else _when_key(raw.when)
            strong = frozenset(p for p in parties if labels.get(p) in ("PERSON", "ORG"))
            roles = dict(zip(raw.participants, raw.roles))
            agent_names = [n for n in raw.participants if roles.get(n, "agent") == "agent"]
            agent_starts = [s for n, s in zip(raw.participants, raw.participant_starts) if roles.get(n, "agent") == "agent"]
            agents = frozenset(_ids(article.id, agent_names, agent_starts, resolve))
            nodes.append(
                _Node(article.id, raw, FAMILIES.get(raw.trigger, raw.trigger), frozenset(parties), strong, agents,
                      frozenset(places), article.published, raw.date, when_key, article.published)
            )
    named: dict[str, set[str]] = defaultdict(set)  # the entities each article names
    for entity in entities:
        if entity.label in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
            for article_id in entity.articles:
                named[article_id].add(entity.id)
    story = {k: frozenset(v) for k, v in named.items()}
    parts = _family_parts(nodes)
    clusters = _cluster_parts(nodes, parts, story)
    # An undated article that reports the same event as dated ones was written about when they
    # were: read its year-less dates ("Oct. 3", "Wednesday") against theirs, then link again.
    if _date_undated_articles(nodes, clusters):
        clusters = _cluster_parts(nodes, parts, story)
    persons = frozenset(e.id for e in entities if e.label == "PERSON")
    clusters = _story_pass(nodes, clusters, story, persons)
    titles = {a.id: a.title for a in articles}
    clusters = _fold_tolls(nodes, _main_event_pass(nodes, clusters, titles))
    clusters = _drop_lone_openings(nodes, _fold_into_background(nodes, clusters))
    names = {**written, **{e.id: e.name for e in entities}}
    order = {a.id: n for n, a in enumerate(articles)}
    events = [_make_event(nodes, c, names, order, labels, titles) for c in clusters]
    events.sort(key=reported_first({a.id: a.published for a in articles}))
    return [_renumber(e, n + 1) for n, e in enumerate(events)]


# From this many mentions, the families are linked in two processes (when one can be forked).
_SPLIT_MIN_NODES = 4_000


def _family_parts(nodes: list[_Node]) -> list[list[int]]:
    """The mentions in one part, or in two parts of whole families with about equal work.

    Mentions of different families never score together, so each part is linked on its own, with
    the same clusters as together. The work of a family grows with the square of its mentions."""
    if len(nodes) < _SPLIT_MIN_NODES:
        return [list(range(len(nodes)))]
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        by_family[node.family].append(i)
    parts: list[list[int]] = [[], []]
    work = [0, 0]
    for members in sorted(by_family.values(), key=len, reverse=True):
        lighter = 0 if work[0] <= work[1] else 1
        parts[lighter].extend(members)
        work[lighter] += len(members) ** 2
    return [sorted(part) for part in parts if part]


def _cluster_parts(nodes: list[_Node], parts: list[list[int]], story: dict[str, frozenset[str]]) -> list[_Cluster]:
    """`_cluster` of every part, the last ones in a forked process while the first is linked here.

    Clusters come out in the order of their first mention, as `_cluster` of all the mentions
    gives them (the order of events with equal dates and sizes depends on it)."""
    if len(parts) == 1:
        return _cluster(nodes, story)
    elsewhere = [alongside(partial(_cluster_part, nodes, part, story)) for part in parts[1:]]
    clusters = _cluster_part(nodes, parts[0], story)
    for result in elsewhere:
        clusters.extend(result())
    return sorted(clusters, key=lambda c: c.nodes[0])


def _cluster_part(nodes: list[_Node], part: list[int], story: dict[str, frozenset[str]]) -> list[_Cluster]:
    """`_cluster` of the mentions at the (increasing) positions `part`, in positions of `nodes`."""
    found = _cluster([nodes[i] for i in part], story)
    for cluster in found:
        cluster.nodes = [part[j] for j in cluster.nodes]
    return found


def _cluster(nodes: list[_Node], story: dict[str, frozenset[str]]) -> list[_Cluster]:
    classes = _classes(nodes, story)
    units, unit_of = _units(nodes, classes, story)
    scores = _scored_pairs(nodes, classes, units, unit_of, story)
    scored = sorted(((s, a, b) for (a, b), s in scores.items() if s > 0), reverse=True)
    return _merge(nodes, units, scored)


def _bare(node: _Node) -> bool:
    """A mention that names nobody, no place and no time ("the earthquake")."""
    return not (node.parties or node.places or node.date or node.when_key)


def _story_pass(nodes: list[_Node], clusters: list[_Cluster], story: dict[str, frozenset[str]],
                persons: frozenset[str] = frozenset()) -> list[_Cluster]:
    """Clusters of one family in one story, on compatible dates, as one event (`event_story`);
    then mentions that say nothing (bare) and joined nothing reported elsewhere are dropped."""
    summaries = []
    for cluster in clusters:
        members = [nodes[i] for i in cluster.nodes]
        by_article: dict[str, set[str]] = defaultdict(set)
        anchors: dict[str, str | None] = {}
        for node in members:
            by_article[node.article] |= node.parties | node.places
            anchors[node.article] = node.anchor
        entities: Counter[str] = Counter()
        own: Counter[str] = Counter()
        for article, found in by_article.items():
            entities.update(found | story.get(article, frozenset()))
            own.update(found)
        summaries.append(StoryCluster(
            nodes=cluster.nodes, family=members[0].family, articles=set(by_article),
            date=_best_date([n.date for n in members if n.date]), anchors=[a for a in anchors.values() if a],
            future=all(n.raw.future for n in members), entities=entities, own=own, whens=set(cluster.whens),
            people=set().union(*(n.strong for n in members)),
        ))
    merged = []
    groups, main = merge_story_events(summaries, persons=persons)
    for group in groups:
        first = clusters[group[0]]
        for k in group[1:]:
            first.absorb(clusters[k])
        if len({nodes[i].article for i in first.nodes}) >= 2 or not all(_bare(nodes[i]) for i in first.nodes):
            first.main = summaries[group[0]].family in main
            merged.append(first)
    return sorted(merged, key=lambda c: min(c.nodes))


_KNOWN_FAMILIES = frozenset(FAMILIES.values())


# An article's lead event is found in this many opening sentences (fit leaving each ECB+ cluster
# out, benchmarks/fit_events.py --main: 2, 3 and 5 score alike, held-out coverage 91%; the
# extraction's opening acts stay in LEAD_SENTENCES).
MAIN_LEAD_SENTENCES = 5


def _main_event_pass(nodes: list[_Node], clusters: list[_Cluster], titles: dict[str, str]) -> list[_Cluster]:
    """The lead events of the story's articles joined into its main event (`event_main`)."""
    cluster_of = {i: k for k, c in enumerate(clusters) for i in c.nodes}
    lead_of: dict[str, int] = {}  # article -> the node it leads with
    headlined: dict[str, int] = {}  # article -> the first node of its opening that its headline names
    to_come: dict[str, int] = {}  # article -> the first event to come of its opening, for want of one done
    for i in sorted(cluster_of, key=lambda i: (nodes[i].raw.sentence, nodes[i].raw.start)):
        node = nodes[i]
        if node.raw.sentence >= MAIN_LEAD_SENTENCES:
            continue
        if node.raw.future:
            if node.strong:
                to_come.setdefault(node.article, i)
            continue
        if node.article not in lead_of and node.strong:
            lead_of[node.article] = i
        if node.article not in headlined and in_headline(node.raw.trigger, node.raw.text, titles.get(node.article, "")):
            headlined[node.article] = i
    lead_of.update(headlined)
    # A story that announces ("will host", "is to direct") leads with what is to come.
    for article, i in to_come.items():
        lead_of.setdefault(article, i)
    leads_in: dict[int, list[_Node]] = defaultdict(list)
    for i in lead_of.values():
        leads_in[cluster_of[i]].append(nodes[i])
    summaries = []
    for k, cluster in enumerate(clusters):
        members = [nodes[i] for i in cluster.nodes]
        named: dict[str, set[str]] = defaultdict(set)
        for node in members:
            named[node.article] |= node.strong
        leads = leads_in.get(k, [])
        summaries.append(LeadCluster(
            family=members[0].family, known=members[0].family in _KNOWN_FAMILIES, articles=set(named),
            people=Counter(p for found in named.values() for p in found),
            lead_people=set().union(*(n.strong for n in leads)), leads=len(leads),
            date=_best_date([n.date for n in members if n.date]), future=all(n.raw.future for n in members),
        ))
    main, joins = main_event_joins(summaries)
    if main is None or not joins:
        return clusters
    head = clusters[main]
    head.label_nodes = head.label_nodes or list(head.nodes)
    for k in joins:
        head.absorb(clusters[k])
    head.main = True
    joined = set(joins)
    return [c for k, c in enumerate(clusters) if k not in joined]


def _fold_tolls(nodes: list[_Node], clusters: list[_Cluster]) -> list[_Cluster]:
    """The deaths, injuries and damage told with a quake, a blast or a shooting join its event
    (`tolls`); its label and date stay those of the harm. First a collapse told with a quake or a
    fire joins it, so the deaths told with both go to the quake."""
    return _fold_owned(nodes, _fold_owned(nodes, clusters, secondary_harm_owners), toll_owners)


def _fold_owned(nodes: list[_Node], clusters: list[_Cluster], owners_of) -> list[_Cluster]:
    """Each cluster `owners_of` gives an owner joins it, keeping the owner's label and date."""
    summaries = []
    for cluster in clusters:
        members = [nodes[i] for i in cluster.nodes]
        summaries.append(HarmCluster(
            family=members[0].family, sentences={(n.article, n.raw.sentence) for n in members},
            date=_best_date([n.date for n in members if n.date]), future=all(n.raw.future for n in members),
        ))
    return _join_owners(clusters, owners_of(summaries), own_label=True)


def _join_owners(clusters: list[_Cluster], owners: dict[int, int], own_label: bool) -> list[_Cluster]:
    """Each owned cluster joins its owner, which keeps its own date (and with `own_label` its label)."""
    for owned, owner in owners.items():
        head = clusters[owner]
        if own_label:
            head.label_nodes = head.label_nodes or list(head.nodes)
        head.date_nodes = head.date_nodes or list(head.nodes)
        head.absorb(clusters[owned])
    return [c for k, c in enumerate(clusters) if k not in owners]


def _fold_into_background(nodes: list[_Node], clusters: list[_Cluster]) -> list[_Cluster]:
    """An event its reports tell undated joins the one of its kind they date long before
    (`background`); the date is that one's."""
    summaries = []
    for cluster in clusters:
        members = [nodes[i] for i in cluster.nodes]
        dated = [nodes[i] for i in cluster.date_nodes] if cluster.date_nodes is not None else members
        published = {n.article: to_date(n.published) for n in members if n.published}
        summaries.append(KindCluster(
            family=members[0].family, articles={n.article for n in members},
            dates=[n.date for n in dated if n.date], dated_articles=len({n.article for n in dated if n.date or n.when_key}),
            published=[d for d in published.values() if d], future=all(n.raw.future for n in members),
        ))
    # its label is read from all its mentions, the recalled ones too
    return _join_owners(clusters, background_owners(summaries), own_label=False)


def _drop_lone_openings(nodes: list[_Node], clusters: list[_Cluster]) -> list[_Cluster]:
    """An opening act kept only in case other sources report it (`lead_only`) that none does is dropped."""
    return [c for c in clusters
            if not all(nodes[i].raw.lead_only for i in c.nodes) or len({nodes[i].article for i in c.nodes}) >= 2]


def _date_undated_articles(nodes: list[_Node], clusters: list[_Cluster]) -> bool:
    """Give articles without a date the median date of the dated articles they share events with,
    and resolve their written dates against it. True when any node changed."""
    # Counted, not listed: a wire story in a thousand outlets gives a thousand times one date.
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for cluster in clusters:
        members = [nodes[i] for i in cluster.nodes]
        anchors = Counter(n.anchor for n in members if n.anchor)
        if not anchors:
            continue
        for node in members:
            if not node.anchor:
                shared[node.article].update(anchors)
    medians = {article: _median(found) for article, found in shared.items()}
    changed = False
    for node in nodes:
        anchor = medians.get(node.article)
        if node.anchor or not anchor:
            continue
        node.anchor = anchor
        if node.when_key and not node.date:
            value = _resolve_loosely(node.raw.when or "", anchor, node.raw.future)
            if value:
                node.date, node.when_key = value, None
                changed = True
    return changed


def _median(counts: Counter[str]) -> str:
    """The upper median of the dates, each as many times as counted."""
    position = sum(counts.values()) // 2
    for value in sorted(counts):
        position -= counts[value]
        if position < 0:
            return value
    raise ValueError("no dates")


def _resolve_loosely(when: str, anchor: str, future: bool) -> str | None:
    """Resolve against another article's date, which is only near this one's: "Thursday" is the
    Thursday nearest that date, before or after, not strictly the last one."""
    value = resolve_date(when, anchor, future=future)
    if future:
        return value  # "may test-launch ... on Tuesday": still the next Tuesday
    other = resolve_date(when, anchor, future=True)
    if value and other and value != other and len(value) == len(other) == 10:
        day, other_day, value_day = to_date(anchor), to_date(other), to_date(value)
        if day and other_day and value_day and abs((other_day - day).days) < abs((value_day - day).days):
            return other
    return value


def _entity_resolver(entities: list[Entity]):
    by_span: dict[tuple[str, int], str] = {}
    by_name: dict[str, str | None] = {}
    for entity in entities:
        for span in entity.mention_spans:
            by_span[(span.article, span.start)] = entity.id
        for name in (entity.name, *entity.aliases):
            # "U.S." is also written "US" (a headline's shorthand)
            for key in {name.lower(), name.lower().replace(".", "")}:
                # A name two entities share ("Lee") says nothing: keep only unambiguous names.
                by_name[key] = entity.id if by_name.get(key, entity.id) == entity.id else None

    # "Defense John Smith" (a title the model took into the name) is "John Smith" when that exists.
    people = {e.name.lower(): e.id for e in entities if e.label == "PERSON" and " " in e.name}

    def person_within(name: str) -> str | None:
        words = name.lower().split()
        for k in range(1, len(words) - 1):
            target = people.get(" ".join(words[k:]))
            if target:
                return target
        return None

    canonical: dict[str, str] = {}
    for entity in entities:
        target = person_within(entity.name)
        if target and target != entity.id:
            canonical[entity.id] = target

    def resolve(article: str, name: str, start: int | None) -> str:
        if start is not None and (article, start) in by_span:
            found = by_span[(article, start)]
        else:
            found = (by_name.get(name.lower()) or by_name.get(name.lower().replace(".", "")) or person_within(name)
                     or f"name:{name.lower()}")
        return canonical.get(found, found)

    return resolve


def _ids(article, names, starts, resolve) -> list[str]:
    starts = list(starts) + [None] * (len(names) - len(starts))
    return list(dict.fromkeys(resolve(article, n, s) for n, s in zip(names, starts)))


def _when_key(when: str | None) -> str | None:
    return " ".join(when.lower().split()) if when else None


@dataclass
class _Class:
    """Mentions with one signature: they score alike against every mention of another article (one
    wire story run by many outlets), so a pair of classes is scored once, not once per copy."""

    nodes: list[int]
    by_article: dict[str, list[int]]
    units: list[int] = field(default_factory=list)


@dataclass
class _Unit:
    """Mentions of one class and one article that link to each other: merged before any ranking."""

    nodes: list[int]
    article: str


def _signature(node: _Node, story: dict[str, frozenset[str]]) -> tuple:
    """Everything `_score` reads of a mention, other than its article and sentence."""
    return (node.family, node.parties, node.strong, node.places, node.date, node.when_key, node.raw.future,
            node.anchor, node.raw.when, None if node.parties else story.get(node.article, frozenset()))


def _classes(nodes: list[_Node], story: dict[str, frozenset[str]]) -> list[_Class]:
    found: dict[tuple, _Class] = {}
    for i, node in enumerate(nodes):
        c = found.setdefault(_signature(node, story), _Class([], defaultdict(list)))
        c.nodes.append(i)
        c.by_article[node.article].append(i)
    return list(found.values())


def _meets_across(node: _Node) -> bool:
    """Whether the mention is compared with other articles at all (a shared key outside its article)."""
    return bool(node.parties or node.places or (node.date and len(node.date) == 10))


def _units(nodes: list[_Node], classes: list[_Class], story) -> tuple[list[_Unit], list[int]]:
    """The units, in the order of their first mention, and the unit of each mention."""
    groups: list[tuple[list[int], str]] = []
    for c in classes:
        for article, found in c.by_article.items():
            groups.extend((g, article) for g in _linked_within_article(nodes, found, story))
    groups.sort()
    units = [_Unit(g, article) for g, article in groups]
    unit_of = [0] * len(nodes)
    for u, unit in enumerate(units):
        for i in unit.nodes:
            unit_of[i] = u
    for c in classes:
        c.units = sorted({unit_of[i] for i in c.nodes})
    return units, unit_of


def _linked_within_article(nodes: list[_Node], members: list[int], story) -> list[list[int]]:
    """Mentions of one article and one signature, in groups that score above zero with each other."""
    groups: list[list[int]] = []
    for i in members:
        linked = [g for g in groups if any(_score(nodes[i], nodes[j], story) > 0 for j in g)]
        for g in linked:
            groups.remove(g)
        groups.append(sorted([i, *(j for g in linked for j in g)]))
    return groups


def _scored_pairs(nodes, classes, units, unit_of, story) -> dict[tuple[int, int], float]:
    """Scores of the pairs of units worth comparing (the best score of their mentions' pairs).

    Mentions of one article meet through a shared place, date or sentence; mentions of different
    articles through a shared participant (or, nobody named, a place or a day). Across articles a
    pair of classes (or a class with itself) is scored once and linked by a star: every unit to the
    last unit of the other class, at that score. Merged best-first, the star joins what all the
    pairs of the two classes would (the benchmark corpora give the same events as comparing every
    pair), with pairs growing like the mentions rather than their square."""
    scores: dict[tuple[int, int], float] = {}

    def keep(a: int, b: int, value: float) -> None:
        if a != b and value > 0:
            key = (a, b) if a < b else (b, a)
            if value > scores.get(key, 0.0):
                scores[key] = value

    local: dict[tuple, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        for place in node.places:
            local[(node.family, "a", node.article, place)].append(i)
        if node.date or node.when_key:
            local[(node.family, "d", node.article, node.date or node.when_key)].append(i)
        local[(node.family, "s", node.article, node.raw.sentence)].append(i)
    for members in local.values():
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                if unit_of[a] != unit_of[b]:
                    keep(unit_of[a], unit_of[b], _score(nodes[a], nodes[b], story))

    def star(first: _Class, second: _Class) -> None:
        cross = _cross_article_pair(first, second)
        value = _score(nodes[cross[0]], nodes[cross[1]], story) if cross else 0.0
        if value <= 0:
            return
        for centre, others in ((first.units, second.units), (second.units, first.units)):
            for u in others:
                partner = next((c for c in reversed(centre) if units[c].article != units[u].article), None)
                if partner is not None:
                    keep(partner, u, value)

    for c in classes:
        if len(c.by_article) > 1 and _meets_across(nodes[c.nodes[0]]):
            star(c, c)
    for x, y in _class_pairs(nodes, classes):
        first, second = classes[x], classes[y]
        if len(first.nodes) == 1 == len(second.nodes):
            # Two single mentions (the usual case without copies): one pair, as it is.
            a, b = first.nodes[0], second.nodes[0]
            keep(unit_of[a], unit_of[b], _score(nodes[a], nodes[b], story))
            continue
        # Mentions of the two classes in one article: scored as such.
        small, large = (first, second) if len(first.by_article) <= len(second.by_article) else (second, first)
        for article, mine in small.by_article.items():
            for a in mine:
                for b in large.by_article.get(article, ()):
                    if unit_of[a] != unit_of[b]:
                        keep(unit_of[a], unit_of[b], _score(nodes[a], nodes[b], story))
        star(first, second)
    return scores


def _cross_article_pair(a: _Class, b: _Class) -> tuple[int, int] | None:
    for article, mine in a.by_article.items():
        for other, theirs in b.by_article.items():
            if other != article:
                return mine[0], theirs[0]
    return None


def _class_pairs(nodes: list[_Node], classes: list[_Class]) -> set[tuple[int, int]]:
    """Pairs of classes sharing a family and a participant (or, nobody named, a place or a day)."""
    postings: dict[tuple, list[int]] = defaultdict(list)
    for k, c in enumerate(classes):
        node = nodes[c.nodes[0]]
        for party in node.parties:
            postings[(node.family, "p", party)].append(k)
        # Across articles, events nobody is named in meet through their place or their day.
        if not node.parties:
            for place in node.places:
                postings[(node.family, "pl", place)].append(k)
            if node.date and len(node.date) == 10:
                postings[(node.family, "day", node.date)].append(k)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        groups = [members]
        if len(members) > _BIG_POSTING:
            # A participant in every story ("the United States"): compare within a month only.
            by_period: dict[str | None, list[int]] = defaultdict(list)
            for k in members:
                node = nodes[classes[k].nodes[0]]
                for period in {(node.date or "")[:7] or None, (node.anchor or "")[:7] or None}:
                    by_period[period].append(k)
            groups = [g[: _BIG_POSTING * 5] for g in by_period.values()]
        for group in groups:
            for x, a in enumerate(group):
                for b in group[x + 1 :]:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Two resolved dates can name the same event when one contains the other."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _when_compatible(date: str | None, when: str | None, other_date: str | None, other_when: str | None) -> bool:
    if date and other_date:
        return dates_compatible(date, other_date)
    if when and other_when:
        return whens_agree(when, other_when)
    # One resolved, one only written: compare what the words do say (month, weekday).
    resolved, written = (date, other_when) if date else (other_date, when)
    if not resolved or not written:
        return True
    month = month_hint(written)
    if month is not None and len(resolved) >= 7 and int(resolved[5:7]) != month:
        return False
    weekday = weekday_hint(written)
    day = to_date(resolved)
    if weekday is not None and day is not None and day.weekday() != weekday:
        return False
    return True


def _score(a: _Node, b: _Node, story: dict[str, frozenset[str]]) -> float:
    if a.family != b.family:
        return 0.0
    if not dated_when_it_takes_effect(a.family, a.raw.future, b.raw.future) and not _when_compatible(
        a.date, a.when_key, b.date, b.when_key
    ):
        return 0.0
    if parted_by_tense(a.family, a.raw.future, b.raw.future) and not (a.date and b.date):
        return 0.0  # "will meet" is another meeting than the one just reported, unless the dates agree
    shared = a.parties & b.parties
    union = a.parties | b.parties
    jaccard = len(shared) / len(union) if union else 0.0
    same_place = bool(a.places & b.places)
    same_day = bool(a.date and a.date == b.date and len(a.date) == 10) or bool(a.when_key and a.when_key == b.when_key)
    if a.article == b.article:
        # Inside one article, the same kind of event on the same day or at the same place is one,
        # and so is one named twice in a sentence ("The launch ... was the longest test").
        same_sentence = a.raw.sentence == b.raw.sentence
        if not (shared or same_place or same_day or same_sentence):
            return 0.0
        if not (shared or same_place or same_day) and _recency(a, b) + _recency(b, a) < 0:
            # "she died on the anniversary of Elvis' death, who was found dead in 1977": told beside
            # one long before the article, an undated mention is the recent one, not that
            return 0.0
        # A mention that names nobody is the event its sentence names ("The launch on Thursday was
        # the longest test"), before one another sentence shares a party with ("tested last year").
        told_beside = same_sentence and not (a.parties and b.parties)
        return 0.6 + 0.4 * jaccard + 0.2 * same_day + 0.5 * told_beside
    if not shared:
        # Nobody named on either side: the same kind of event, on the same day, at the same place,
        # or on the same day in two reports of the same story (articles naming the same entities).
        if same_place and (same_day or _recency(a, b) + _recency(b, a) > 0):
            return 0.4 + 0.2 * same_day
        if same_day and not a.parties and not b.parties and _same_story(story, a.article, b.article):
            return 0.35
        if same_place and not (a.anchor or b.anchor) and _same_story(story, a.article, b.article):
            return 0.35  # two undated reports of one story: nothing says when, the place says where
        return 0.0
    if jaccard < 0.5:
        return 0.0
    if not (shared & a.strong) and not (same_place or same_day):
        # Sharing only a country ("France launched") needs the same parties and a close date.
        if _recency(a, b) + _recency(b, a) <= 0:
            return 0.0
    recency = _recency(a, b) + _recency(b, a)
    if recency < 0 and not same_place:
        return 0.0  # "beat Thompson in 2008", and undated in a 2012 report: the rematch, not that fight
    score = jaccard + 0.2 * same_place + 0.3 * same_day + recency
    return score


# Two articles are reports of one story when this share of the entities they name is common.
SAME_STORY = 0.2


def _same_story(story: dict[str, frozenset[str]], a: str, b: str) -> bool:
    x, y = story.get(a, frozenset()), story.get(b, frozenset())
    union = len(x | y)
    return bool(union) and len(x & y) / union >= SAME_STORY


def _recency(undated: _Node, dated: _Node) -> float:
    """An undated mention is most likely about a recent event: prefer a date near its article's."""
    if undated.date:
        return 0.0
    value = dated.date
    if not value and dated.when_key and not dated.anchor and undated.anchor:
        # "Thursday" in an undated article, read as if written when this one was.
        value = resolve_date(dated.raw.when or "", undated.anchor, future=dated.raw.future)
    if not value:
        return 0.0
    anchor, when = to_date(undated.anchor), to_date((value + "-15")[:10] if len(value) == 7 else value)
    if anchor is None or when is None:
        return 0.0
    return 0.1 if abs((anchor - when).days) <= 31 else -0.2


def _merge(nodes: list[_Node], units: list[_Unit], scored) -> list[_Cluster]:
    cluster_of = list(range(len(units)))
    clusters: dict[int, _Cluster] = {}
    for u, unit in enumerate(units):
        node = nodes[unit.nodes[0]]
        c = _Cluster(list(unit.nodes))
        if node.date:
            c.dates.add(node.date)
        if node.when_key:
            c.whens.add(node.when_key)
        clusters[u] = c
    members: dict[int, list[int]] = {u: [u] for u in range(len(units))}  # the units in each cluster
    for _score_value, a, b in scored:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        first, second = clusters[ca], clusters[cb]
        if not _clusters_compatible(first, second):
            continue
        if len(first.nodes) < len(second.nodes):
            ca, cb, first, second = cb, ca, second, first
        first.absorb(second)
        for u in members[cb]:
            cluster_of[u] = ca
        members[ca].extend(members.pop(cb))
        del clusters[cb]
    return list(clusters.values())


def _clusters_compatible(a: _Cluster, b: _Cluster) -> bool:
    for x in a.dates:
        for y in b.dates:
            if not dates_compatible(x, y):
                return False
        for w in b.whens:
            if not _when_compatible(x, None, None, w):
                return False
    for y in b.dates:
        for w in a.whens:
            if not _when_compatible(y, None, None, w):
                return False
    return True


def _best_date(dates: list[str], earliest: bool = False) -> str | None:
    """The most supported date, as precise as the mentions allow: days also count for their month.
    Ties go to the later date, or with `earliest` to the earlier (fresh reports of one event: a
    later fresh date is a follow-up's)."""
    if not dates:
        return None
    support: Counter[str] = Counter()
    for d in dates:
        for prefix in {d, d[:7], d[:4]}:
            support[prefix] += 1
    pick = (lambda ps: min(ps, key=lambda p: (-support[p], p))) if earliest else (lambda ps: max(ps, key=lambda p: (support[p], p)))
    best_year = pick([p for p in support if len(p) == 4])
    months = [p for p in support if len(p) == 7 and p.startswith(best_year)]
    if not months:
        return best_year
    best_month = pick(months)
    days = [p for p in support if len(p) == 10 and p.startswith(best_month)]
    if not days:
        return best_month
    return pick(days)


def _make_event(nodes: list[_Node], cluster: _Cluster, names: dict[str, str], order: dict[str, int], labels: dict[str, str],
                titles: dict[str, str]) -> Event:
    in_order = lambda n: (order.get(n.article, 0), n.raw.sentence, n.raw.start)  # noqa: E731  (headline first)
    members = sorted((nodes[i] for i in cluster.nodes), key=in_order)
    # The main event is labelled as the most of its sources lead with it, not by every verb that joined.
    named = members if cluster.label_nodes is None else sorted((nodes[i] for i in cluster.label_nodes), key=in_order)
    # Headlines name it in their own shorthand ("AMD", a job for a name): the body's words label it.
    named = [n for n in named if n.raw.sentence != HEADLINE_SENTENCE] or named
    parties: Counter[str] = Counter()
    agent_votes: Counter[str] = Counter()
    places: Counter[str] = Counter()
    trigger_votes: Counter[str] = Counter()
    for node in named:
        trigger_votes[node.raw.trigger] += 2 if node.raw.trigger not in EVENT_NOUNS or node.raw.trigger in NOUN_VERBS else 1
    # The police's part ("fired tear gas") tells a protest only when nothing else does.
    if len(trigger_votes) > 1:
        trigger_votes.pop("disperse", None)
    trigger = trigger_votes.most_common(1)[0][0]
    # An attack some source says was beaten off is told so: who beat it off did not attack.
    if FOILED_ATTACK in trigger_votes:
        trigger = FOILED_ATTACK
    family = FAMILIES.get(trigger)
    if trigger in EVENT_NOUNS and trigger not in NOUN_VERBS and trigger not in TELLING_VERBS and family not in HAPPENINGS:
        # A noun with no verb of its own ("the deal") is told by its kind's verb when sources use
        # one ("Microsoft acquires LinkedIn", not "Microsoft deal LinkedIn").
        told_by = [(n, t) for t, n in trigger_votes.items() if t not in EVENT_NOUNS and FAMILIES.get(t) == family and family]
        if told_by:
            trigger = max(told_by)[1]
    for node in named:
        if node.raw.trigger in CONVERSE_TRIGGERS and node.raw.trigger != trigger:
            continue  # who "lost to" whom says who won only the other way round
        parties.update(node.parties)
        agent_votes.update(node.agents)
        places.update(node.places)
    verbs = [n.raw for n in named if n.raw.trigger == trigger]
    passive = [r.text.lower() for r in verbs if r.passive]
    participle = Counter(passive).most_common(1)[0][0] if len(passive) * 2 > len(verbs) else None
    display = lambda key: names.get(key) or key.removeprefix("name:").title()  # noqa: E731
    # A nationality ("Sudanese warplanes", "South Korean ministers") describes a party, it names
    # none: "Sudanese kills" reads worse than no doer at all.
    ranked = sorted(((p, n) for p, n in parties.items() if labels.get(p) != "NORP"), key=lambda kv: (-kv[1], kv[0]))
    # Meetings and talks are symmetric: everyone present is a doer.
    symmetric = FAMILIES.get(trigger) == "meet"
    doers = [(p, n) for p, n in ranked if symmetric or agent_votes[p] * 2 >= n]
    # Most mentions name only a nationality as the doer ("a Nigerian jet bombed the camp"): a name
    # far fewer give ("Boko Haram attacks" in one) is not who did it.
    nationality = max((agent_votes[p] for p in parties if labels.get(p) == "NORP"), default=0)
    doers = [(p, n) for p, n in doers if n * 3 > nationality]
    undergoers = [(p, n) for p, n in ranked if not symmetric and agent_votes[p] * 2 < n]
    # A name that is the event itself ("Security Consultative Meeting") is not a party to it.
    if trigger != OCCASION:  # a ceremony is called by its name ("Grammy Awards ceremony")
        doers = [(p, n) for p, n in doers if not _names_an_event(display(p))]
    told_as = NOUN_VERBS.get(trigger, trigger)  # the verb the label tells it with ("death": "die")
    if told_as in UNDERGONE:
        # Who died (resigned, crashed) is who most of its reports name, as subject ("X died") or
        # object ("the death of X", "X was found dead"); the others named beside them are who they
        # were with or worked for ("Felt, Hoover's deputy, died"). Only a person dies or resigns.
        doers = sorted(doers + undergoers, key=lambda kv: (-kv[1], kv[0]))
        undergoers = []
        if told_as in PERSONAL_ACTS:
            doers = [(p, n) for p, n in doers if labels.get(p) == "PERSON"] or doers
        doers = [(p, n) for p, n in doers if n == doers[0][1]] if doers else []
    # A town is not killed, injured or collapsed: a place named beside a toll is where it was taken.
    if FAMILIES.get(trigger) in PLACE_STRUCK_FAMILIES:
        struck = Counter({p: n for p, n in doers + undergoers if labels.get(p) in ("GPE", "LOC")})
        doers = [(p, n) for p, n in doers if p not in struck]
        undergoers = [(p, n) for p, n in undergoers if p not in struck]
        places = places + struck
    # Troops are sent to a place: a place they undergo is where they go ("deploy to Russia").
    toward = FAMILIES.get(trigger) == "deploy"
    if toward:
        bound = Counter({p: n for p, n in undergoers if labels.get(p) in ("GPE", "LOC")})
        undergoers = [(p, n) for p, n in undergoers if p not in bound]
        places = places + bound
    top_parties = _without_capitals(_distinct_names([display(p) for p, _ in (doers if symmetric else _acting_together(doers, named))]))[: 3 if symmetric else 2]
    top_objects = [n for n in _distinct_names([display(p) for p, _ in undergoers]) if n not in top_parties][:1]
    is_noun = trigger in EVENT_NOUNS and trigger not in ("test", "launch")
    told = Counter(n.raw.verb for n in named if n.raw.verb)
    strong_doers = [p for p, _ in doers if labels.get(p) in ("PERSON", "ORG") or trigger == OCCASION]
    # A quake, a blaze or an outage has no doer: who its sentences name ("Palin's church") it struck.
    nobody_does = FAMILIES.get(trigger) in HAPPENINGS and (is_noun or told)
    befalls = FAMILIES.get(trigger) in BEFALLING_FAMILIES  # named for what it befell: a bank robbed, breached
    if ((told or (is_noun and trigger not in NOUN_VERBS)) and not strong_doers) or nobody_does:
        # Nobody does it (an earthquake, a blast): the places it struck are where, not who.
        where = Counter(places)
        # and a body a robbery or a breach befell is where too ("Breach hits Equifax")
        for p, k in parties.items():
            if labels.get(p) in ("GPE", "LOC", "FAC") or (befalls and labels.get(p) == "ORG"):
                where[p] += k
        place = _top_place(where, display, [], labels, bodies=befalls)
        site = place is not None and labels.get(place) not in ("GPE", "LOC")
        # Told by its noun: "Theft in Green Vault" for "stole", "Bombing in Yida" for "bombed".
        what = ACT_NOUNS.get(trigger) or (trigger if trigger in EVENT_NOUNS else told_as_noun(trigger))
        label = happening_label(what, told, display(place) if place else None, site)
    else:
        # with nobody named doing it: "Cyberattack in Norvale Bank"
        place = _top_place(places, display, top_parties + top_objects, labels, bodies=befalls and not top_parties)
        top_place = [display(place)] if place else []
        future = [r for r in verbs if r.future]
        if not is_noun and top_parties and not participle and len(future) * 2 > len(verbs):
            label = future_label(top_parties, trigger, top_objects, top_place[0] if top_place else None)
        else:
            first_doer = next((p for p, _ in doers if display(p) in top_parties[:1]), None)
            plural = len(top_parties) == 1 and first_doer is not None and _plural_name(top_parties[0], labels.get(first_doer))
            # One side against another: "Colts beat Jaguars", "Saints play Carolina" (not "win Jaguars",
            # "Saints game Carolina"); "wins the title" stays a win.
            rival = bool(top_parties) and any(labels.get(p) in _RIVAL_KINDS for p, _ in undergoers if display(p) in top_objects)
            told_with = _against_a_rival(told_as, trigger) if rival else trigger
            label = make_label(top_parties, told_with, top_place, noun=is_noun and told_with == trigger,
                               participle=participle, objects=top_objects, symmetric=symmetric, toward=toward, plural=plural)
    # A headline's trigger is shown with its headline: its offsets are in the title, not the text.
    triggers = tuple(EventMention(n.article, n.raw.sentence, text=titles.get(n.article, "") if n.raw.sentence == HEADLINE_SENTENCE else "",
                                  start=n.raw.start, end=n.raw.end) for n in members)
    first_in_sentence: dict[tuple[str, int], EventMention] = {}
    for t in triggers:
        first_in_sentence.setdefault((t.article, t.sentence), t)
    mentions = tuple(first_in_sentence.values())
    # Ties broken by id: the parties come out of sets, whose order changes from run to run.
    by_count = lambda counter: sorted(counter, key=lambda key: (-counter[key], key))  # noqa: E731
    if named is not members:
        parties, places = Counter(), Counter()
        for node in members:
            parties.update(node.parties)
            places.update(node.places)
    entity_ids = [p for p in by_count(parties) if not p.startswith("name:")]
    entity_ids += [p for p in by_count(places) if not p.startswith("name:") and p not in entity_ids]
    return Event(
        id="",
        label=label,
        trigger=trigger,
        date=_event_date(members if cluster.date_nodes is None else [nodes[i] for i in cluster.date_nodes], cluster.main),
        articles=tuple(dict.fromkeys(n.article for n in members)),
        entities=tuple(entity_ids),
        mentions=mentions,
        triggers=triggers,
    )


def _against_a_rival(told_as: str, trigger: str) -> str:
    """The verb of one side against another: a win beats the loser, a game is played."""
    if told_as == "win":
        return "beat"
    return "play" if FAMILIES.get(trigger) == "contest" else trigger


def _acting_together(doers: list[tuple[str, int]], named: list[_Node]) -> list[tuple[str, int]]:
    """The first doer, and those told doing it with the first in one sentence ("Apple and Google
    settle"): two names each doing it in other reports are rival tellings ("AMD buys SeaMicro",
    "Intel buys ..."), not partners, and a headline joining them says what no source said."""
    if not doers:
        return doers
    (first, most), rest = doers[0], doers[1:]
    together: Counter[str] = Counter(p for node in named if first in node.agents for p in node.agents)
    acting: Counter[str] = Counter(p for node in named for p in node.agents)
    return [doers[0]] + [(p, n) for p, n in rest if n * 3 >= most and together[p] * 2 >= acting[p] > 0]


def _without_capitals(names: list[str]) -> list[str]:
    """Names without a capital beside its own country: "Pyongyang" there stands for the government
    the country's name already names ("North Korea deploys", not "North Korea and Pyongyang")."""
    countries = {found.country for n in names if (found := gazetteer.place(n)) is not None and found.kind == "country"}
    if not countries:
        return names
    return [n for n in names if gazetteer.capital_of(n) not in countries]


def _plural_name(name: str, label: str | None) -> bool:
    """A team or a group named in the plural ("Colts", "New Orleans Saints"), or things ("Houses");
    a place or a person is one ("United States", "Athens", "James")."""
    if label in ("GPE", "LOC", "FAC", "PERSON"):
        return False
    last = name.split()[-1] if name.split() else ""
    if last.lower() in _ONE_BODY_WORDS:
        return False  # "United Nations condemns", "Kraft Foods says", "Fox News reports"
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "'s")) and last[:1].isalpha()


# Last words of names of one body, plural in form: a company, a union of states, a paper.
_ONE_BODY_WORDS = frozenset({
    "nations", "states", "emirates", "news", "times", "reuters", "industries", "systems", "technologies",
    "holdings", "airlines", "airways", "communications", "networks", "laboratories", "labs", "partners",
    "associates", "solutions", "services", "enterprises", "sciences", "pharmaceuticals", "devices", "motors",
    "foods", "electronics", "resources", "brands", "stores", "records", "pictures", "studios", "games",
    "graphics", "semiconductors", "materials", "products", "works", "mills", "stations",
})


def _names_an_event(name: str) -> bool:
    """ "Security Consultative Meeting"; also an event word taken alone for a name ("Riot" of
    "Riot police fired tear gas")."""
    words = name.lower().split()
    return bool(words) and (words[-1] in EVENT_NOUNS or words[-1].rstrip("s") in EVENT_NOUNS)


# Who a side beats when it wins: a team, a player, a town's team; not a title or a trophy.
_RIVAL_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# Kinds of event that happen to places and people rather than being done by someone.
HAPPENINGS = frozenset({"quake", "aftershock", "storm", "erupt", "fire", "outage", "collapse"})

# The kinds of entity a label says an event happened in: a team, a network or a person the model
# took for a place ("wins in Chiefs", "releases in LTE") is no place to name.
LABEL_PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
# An organisation named for its site is a place too: "Mount Sinai Hospital", "Promises Treatment Center".
SITE_WORDS = frozenset({
    "center", "centre", "hospital", "clinic", "prison", "jail", "penitentiary", "courthouse", "school",
    "university", "college", "hotel", "church", "cathedral", "mosque", "temple", "synagogue", "plant",
    "factory", "mine", "base", "camp", "museum", "zoo", "casino", "restaurant", "store", "mall", "arena",
})


def _top_place(places: Counter, display, names: list[str], labels: dict[str, str], bodies: bool = False) -> str | None:
    """The key of the place most mentions give, unless it is one of the names already in the label;
    with `bodies`, an organisation counts as one (what a breach or a robbery befell)."""
    places = Counter({k: n for k, n in places.items() if (labels.get(k) in LABEL_PLACE_KINDS or (
        labels.get(k) == "ORG" and (bodies or display(k).lower().rsplit(" ", 1)[-1] in SITE_WORDS)))
        and not _named_for_a_time(display(k))})
    ranked = sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))
    country = gazetteer.place(display(ranked[0][0])) if ranked else None
    if country is not None and country.kind == "country":
        # "Indonesia's Aceh province": where in the country, when about as many mentions say it
        ranked = _nearer_first(ranked, lambda key: _within(display(key), display(ranked[0][0]), country.country))
    if ranked and _world_region(display(ranked[0][0])):
        # "one of Europe's largest venues": a continent is where only when no nearer place is said as often
        ranked = _nearer_first(ranked, lambda key: not _world_region(display(key)))
    for key, _ in ranked:
        name = display(key)
        if not any(_contains_words(n.lower().split(), name.lower().split()) for n in names):
            return key
        break
    return None


def _nearer_first(ranked: list[tuple[str, int]], nearer) -> list[tuple[str, int]]:
    """The places, most mentioned first, with the first `nearer` one that at least half as many
    mentions give as the top one put before it."""
    found = [kv for kv in ranked[1:] if kv[1] * 2 >= ranked[0][1] and nearer(kv[0])]
    return found[:1] + ranked


def _world_region(name: str) -> bool:
    words = name.lower().removeprefix("the ").split()
    return " ".join(words) in _WORLD_REGIONS or (len(words) == 2 and words[0] in _COMPASS and words[1] in _WORLD_REGIONS)


_WORLD_REGIONS = frozenset({
    "europe", "africa", "asia", "america", "americas", "north america", "south america", "latin america",
    "central america", "middle east", "near east", "far east", "oceania", "scandinavia", "balkans", "sahel",
})  # not the seas: a ship is attacked, a cable cut, in the Mediterranean
_COMPASS = frozenset({"west", "east", "north", "south", "western", "eastern", "northern", "southern", "central",
                      "southeast", "south-east", "northeast", "north-east", "southwest", "northwest"})


def _named_for_a_time(name: str) -> bool:
    """ "Easter Sunday", "Black Friday", "the Easter weekend": a time the model took for a site."""
    last = name.lower().rsplit(" ", 1)[-1]
    return last in WEEKDAYS or last in _TIME_WORDS


_TIME_WORDS = frozenset({"weekend", "holiday", "holidays", "morning", "evening", "night", "eve"})


_REGION_WORDS = frozenset({"province", "state", "region", "district", "county", "prefecture", "island", "islands"})


def _within(name: str, country_name: str, country: str) -> bool:
    """Whether the place is in the country: the gazetteer says so, or, unknown to it, its name says
    it is a part of one ("Aceh province", "Southern Iran")."""
    found = gazetteer.places(name)
    if found:
        return any(p.kind != "country" and p.country == country for p in found)
    words = name.lower().split()
    return len(words) >= 2 and (words[-1] in _REGION_WORDS or country_name.lower() in name.lower())


# From this many articles, one article's date does not date the story's main event on its own.
SOLE_DATE_MIN_ARTICLES = 5


def _event_date(members: list[_Node], news: bool) -> str | None:
    """The dates its mentions give, preferring those near their article's date (a stray "in 2012"
    in one report of this week's event is another time); else, for the story's main kinds of event
    (`news`), the day the reports came out."""
    dates = [n.date for n in members if n.date]
    if not dates and any(n.raw.when and names_an_era(n.raw.when) for n in members):
        return None  # "bombed in World War II": not the day the reports came out
    near = [(n.article, n.date) for n in members if n.date and n.anchor and _near_anchor(n.date, n.anchor)]
    recent = [day for _, day in near]
    articles = {n.article for n in members}
    backing = {n.article for n in members if n.date}
    if recent:
        if news and len({article for article, _ in near}) == 1 and len(articles) >= SOLE_DATE_MIN_ARTICLES:
            # One report's day (a headline's "fully restored: 4 November") against the many that
            # give none: the story's event is dated by when most reports came out.
            return _reported_date(members) or _best_date(recent, earliest=True)
        return _best_date(recent, earliest=True)
    found = _best_date(dates or _borrowed_dates(members))
    if not news:
        return found
    ahead = all(n.raw.future for n in members)  # announced: the date one report gives is when it is due
    if found and len(articles) >= 3 and len(backing) * 2 <= len(articles) and not ahead:
        return _reported_date(members) or found  # told as news by most: a date in one is background
    return found or _reported_date(members)


def _near_anchor(value: str, anchor: str) -> bool:
    """A date an article about fresh news gives: from a week before it was written to a day after."""
    day, written = to_date(value) if len(value) == 10 else None, to_date(anchor)
    return day is not None and written is not None and in_news_window(day, written)


def _reported_date(members: list[_Node]) -> str | None:
    """An event several dated articles report without saying when: the day they first came out
    (the earliest date from a day before the one most of them give on)."""
    one_each = {n.article: n for n in members}.values()
    # The articles' own dates: an undated one lent the date of others counts them twice, unless
    # too few have dates of their own.
    days = Counter(n.published for n in one_each if n.published and len(n.published) == 10)
    if sum(days.values()) < 2:
        days = Counter(n.anchor for n in one_each if n.anchor and len(n.anchor) == 10)
    if sum(days.values()) < 2:
        return None
    # On a tie, the earlier day: reports of an event only follow it.
    most = min(days, key=lambda d: (-days[d], d))
    peak = to_date(most)
    early = [d for d in days if peak and (day := to_date(d)) and 0 <= (peak - day).days <= 1]
    return min(early) if early else most


def _distinct_names(names: list[str]) -> list[str]:
    """Names in order, without one that is part of a name already kept ("South" after "South Africa")."""
    kept: list[str] = []
    for name in names:
        words = name.lower().split()
        if any(_contains_words(k.lower().split(), words) or _contains_words(words, k.lower().split()) for k in kept):
            continue
        kept.append(name)
    return kept


def _contains_words(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _borrowed_dates(members: list[_Node]) -> list[str]:
    """Dates written without a year ("30 October") in undated articles, resolved against the date of
    another article reporting the same event: they were written about the same time."""
    anchors = sorted({n.anchor for n in members if n.anchor})
    found = []
    for node in members:
        if node.when_key and not node.anchor:
            for anchor in anchors:
                value = _resolve_loosely(node.raw.when or "", anchor, node.raw.future)
                if value:
                    found.append(value)
                    break
    return found


def _renumber(event: Event, n: int) -> Event:
    return replace(event, id=f"ev{n}")
