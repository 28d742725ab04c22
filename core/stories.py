"""Stories: the corpus split into groups of articles about one event, whatever their source.

A reader's folder, feed or week of wire copy holds many stories; claims, events and entity links
only make sense inside one. Three steps, each near-linear in the corpus:
1. Features (`core.story_features`): per article, TF-IDF weights of its content words and of the
   named entities its analysis found, and the dates it was written or speaks of.
2. Candidates: pairs that share some of their most distinctive terms (each article's top terms,
   ignoring terms found in a large share of the corpus), found by a sparse matrix product, so the
   cost follows the overlaps, not every pair. Their similarity: cosine over words and entities,
   lowered when the articles were written far apart (two earthquakes in one region, years apart).
3. Clustering: average-link agglomeration over the candidate graph (a pair never compared counts as
   0), stopped when no two clusters are on average similar enough. Average link, not connected
   components: one article mentioning two events must not chain their stories together.
Near-duplicates (one wire story run twice) are always one story.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

from .models import Article
from .results import ArticleAnalysis, Story

# Fitted on half of the ECB+ topics (benchmarks/eval_stories.py), reported on the other half.
MERGE_THRESHOLD = 0.22
# A story of at most SMALL_STORY articles joins the story it is on average most like, if at least this like it:
# an article that tells a story from another angle (background, an interview) is rarely a story of
# its own in a reader's corpus, nor are two such articles.
ATTACH_THRESHOLD = 0.06
SMALL_STORY = 3
# How much a shared named entity weighs against a shared content word (both TF-IDF weighted).
ENTITY_WEIGHT = 1.0
# Articles written this many days apart or more are unlikely to be one story; the similarity is
# multiplied by DATE_PENALTY when both dates are known.
DATE_GAP_DAYS = 300
DATE_PENALTY = 0.3
# Either undated: the latest years each speaks of (or was written in) this many years apart.
YEAR_GAP = 2
# Candidate blocking: each article's most distinctive terms, and pairs kept above a floor.
TOP_TERMS = 200
CANDIDATE_FLOOR = 0.04


def find_stories(
    articles: list[Article],
    analyses: Mapping[str, ArticleAnalysis],
    near_duplicates: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Story]:
    """Every article in exactly one story; stories ordered by size, then date."""
    if not articles:
        return []
    if len(articles) == 1:
        return [_story(1, articles)]
    from .story_features import article_features, candidate_similarities

    features = article_features(articles, analyses, entity_weight=ENTITY_WEIGHT)
    sims = candidate_similarities(
        features, top_terms=TOP_TERMS, floor=CANDIDATE_FLOOR, gap_days=DATE_GAP_DAYS, penalty=DATE_PENALTY,
        year_gap=YEAR_GAP,
    )
    position = {a.id: i for i, a in enumerate(articles)}
    for article_id, copies in (near_duplicates or {}).items():
        i = position.get(article_id)
        for other in copies:
            j = position.get(other)
            if i is not None and j is not None and i != j:
                sims[(min(i, j), max(i, j))] = 1.0
    clusters = average_link(len(articles), sims, MERGE_THRESHOLD)
    clusters = attach_small(clusters, sims, ATTACH_THRESHOLD, SMALL_STORY)
    groups = [[articles[i] for i in sorted(members)] for members in clusters]
    groups.sort(key=lambda g: (-len(g), _first(g) or "9999", position[g[0].id]))
    return [_story(n, group, sims, position) for n, group in enumerate(groups, 1)]


def average_link(n: int, sims: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-link clusters of items 0..n-1 given the similarities of some pairs (others are 0).

    Merges the two clusters of highest mean pairwise similarity while it is at least `threshold`.
    A heap of candidate merges with a version per cluster: an entry made stale by a later merge is
    skipped when it surfaces. Cost about (pairs) log (pairs).
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}  # cluster -> cluster -> sum of sims
    for (i, j), s in sims.items():
        if s > 0 and i != j:
            links[i][j] = links[i].get(j, 0.0) + s
            links[j][i] = links[j].get(i, 0.0) + s
    version = [0] * n
    heap = [(-s, i, j, 0, 0) for (i, j), s in sims.items() if s >= threshold and i != j]
    heapq.heapify(heap)
    while heap:
        _negative, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        # Merge the smaller cluster into the larger one.
        if len(members[a]) < len(members[b]):
            a, b = b, a
        members[a].extend(members.pop(b))
        version[a] += 1
        linked_b = links.pop(b)
        linked_b.pop(a, None)
        links[a].pop(b, None)
        for c, s in linked_b.items():
            links[a][c] = links[a].get(c, 0.0) + s
            row = links[c]
            row[a] = row.get(a, 0.0) + row.pop(b, 0.0)
        size_a = len(members[a])
        for c, total in links[a].items():
            mean = total / (size_a * len(members[c]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, c, version[a], version[c]))
    return list(members.values())


def attach_small(
    clusters: list[list[int]], sims: Mapping[tuple[int, int], float], threshold: float, small: int
) -> list[list[int]]:
    """Each cluster of at most `small` items moves to the larger cluster (more than `small` items)
    of highest mean similarity to it, when that mean is at least `threshold` (one pass, against
    the clusters as average-link left them)."""
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    totals: dict[int, dict[int, float]] = {}
    for (i, j), s in sims.items():
        for one, other in ((cluster_of[i], cluster_of[j]), (cluster_of[j], cluster_of[i])):
            if len(clusters[one]) <= small < len(clusters[other]):
                row = totals.setdefault(one, {})
                row[other] = row.get(other, 0.0) + s
    result = [list(members) for members in clusters]
    for one, row in totals.items():
        size = len(clusters[one])
        target, total = max(row.items(), key=lambda kv: (kv[1] / len(clusters[kv[0]]), -kv[0]))
        if total / (size * len(clusters[target])) >= threshold:
            result[target].extend(result[one])
            result[one] = []
    return [members for members in result if members]


def _first(group: list[Article]) -> str | None:
    dates = [a.published for a in group if a.published]
    return min(dates) if dates else None


def _story(
    n: int,
    group: list[Article],
    sims: Mapping[tuple[int, int], float] | None = None,
    position: Mapping[str, int] | None = None,
) -> Story:
    dates = sorted(a.published for a in group if a.published)
    return Story(
        id=f"s{n}",
        title=_title(group, sims or {}, position or {}),
        articles=tuple(a.id for a in group),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )


def _title(group: list[Article], sims: Mapping[tuple[int, int], float], position: Mapping[str, int]) -> str:
    """The title of the article most like the others (a found title before one made from the lede)."""
    if len(group) <= 2 or not sims:
        best = min(group, key=lambda a: a.title_guessed)
        return best.title
    ids = [position[a.id] for a in group]

    def centrality(a: Article) -> tuple[bool, float]:
        i = position[a.id]
        return (not a.title_guessed, sum(sims.get((min(i, j), max(i, j)), 0.0) for j in ids if j != i))

    return max(group, key=centrality).title


def story_of(stories: list[Story] | tuple[Story, ...]) -> dict[str, str]:
    """Story id by article id."""
    return {article_id: story.id for story in stories for article_id in story.articles}
