"""Stories: the corpus split into groups of articles about one event, whatever their source.

A reader's folder, feed or week of wire copy holds many stories; claims, events and entity links
only make sense inside one. Four steps, each near-linear in the corpus:
1. Features (`core.link.stories.features`): per article, TF-IDF weights of its content words and of the
   named entities its analysis found, and the dates it was written or speaks of.
2. Candidates: pairs that share some of their most distinctive terms (each article's top terms,
   ignoring terms found in a large share of the corpus), found by a sparse matrix product, so the
   cost follows the overlaps, not every pair. Their similarity: cosine over words and entities,
   lowered when the articles were written far apart (two earthquakes in one region, years apart).
3. Clustering: average-link agglomeration over the candidate graph (a pair never compared counts as
   0), stopped when no two clusters are on average similar enough. Average link, not connected
   components: one article mentioning two events must not chain their stories together.
4. Splitting (`core.link.stories.split`): a story whose articles fall in two groups that share little once
   the story's common words are discounted, and that speak of different years, is two stories.
Near-duplicates (one wire story run twice) are always one story.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from newsx.core.link.stories.features import article_features, candidate_pairs
from newsx.core.link.stories.split import split_apart_in_time
from newsx.core.model.analyses import ArticleAnalysis, Story
from newsx.core.model.articles import Article

# Chosen with benchmarks/eval_stories.py --fit (each half of the ECB+ topics fits, the other is scored,
# on the folders together and on each folder alone): 0.20 scores well in both folds, whose own optima
# (0.08, 0.22) are unstable; a lower threshold risks merging two stories of the same week.
MERGE_THRESHOLD = 0.20
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
    features = article_features(articles, analyses, entity_weight=ENTITY_WEIGHT)
    pairs_i, pairs_j, values = candidate_pairs(
        features, top_terms=TOP_TERMS, floor=CANDIDATE_FLOOR, gap_days=DATE_GAP_DAYS, penalty=DATE_PENALTY,
        year_gap=YEAR_GAP,
    )
    position = {a.id: i for i, a in enumerate(articles)}
    copies = {
        (min(i, j), max(i, j))
        for article_id, others in (near_duplicates or {}).items()
        if (i := position.get(article_id)) is not None
        for other in others
        if (j := position.get(other)) is not None and i != j
    }
    if copies:
        # Near-duplicates are always one story: their similarity is 1, whatever the terms said.
        n = len(articles)
        copied = np.array(sorted(copies), dtype=np.int64).reshape(-1, 2)
        keep = ~np.isin(pairs_i * n + pairs_j, copied[:, 0] * n + copied[:, 1])
        pairs_i = np.concatenate((pairs_i[keep], copied[:, 0]))
        pairs_j = np.concatenate((pairs_j[keep], copied[:, 1]))
        values = np.concatenate((values[keep], np.ones(len(copied))))
    clusters = average_link_pairs(len(articles), pairs_i, pairs_j, values, MERGE_THRESHOLD)
    clusters = attach_small_pairs(clusters, pairs_i, pairs_j, values, ATTACH_THRESHOLD, SMALL_STORY)
    clusters = split_apart_in_time(clusters, features, copies)
    groups = [[articles[i] for i in sorted(members)] for members in clusters]
    groups.sort(key=lambda g: (-len(g), _first(g) or "9999", position[g[0].id]))
    similar = _symmetric(len(articles), pairs_i, pairs_j, values)
    return [_story(n, group, similar, position) for n, group in enumerate(groups, 1)]


# A connected group of candidates up to this size is clustered by scipy's average linkage over
# all its pairs (a dense matrix: memory grows with the square); a larger one by the heap below.
DENSE_GROUP_MAX = 3000


def average_link_pairs(n: int, pairs_i, pairs_j, values, threshold: float) -> list[list[int]]:
    """`average_link` on arrays of pairs (i, j, s), the same clusters, mostly in compiled code.

    Two clusters merge only if some pair across them is at least `threshold` (a mean is never
    above its largest term), so each connected group of such pairs is clustered on its own, over
    all the pairs inside it (weaker ones count in the means): scipy's average linkage on
    distances 1 - s (a pair never compared is at distance 1), cut at 1 - threshold.
    """
    pairs_i, pairs_j, values = np.asarray(pairs_i), np.asarray(pairs_j), np.asarray(values, dtype=float)
    inside = (pairs_i != pairs_j) & (values > 0)
    pairs_i, pairs_j, values = pairs_i[inside], pairs_j[inside], values[inside]
    strong = values >= threshold
    graph = coo_matrix((np.ones(int(strong.sum())), (pairs_i[strong], pairs_j[strong])), shape=(n, n))
    _count, label = connected_components(graph, directed=False)
    sizes = np.bincount(label)
    clusters: list[list[int]] = [[int(i)] for i in np.flatnonzero(sizes[label] == 1)]
    same = label[pairs_i] == label[pairs_j]
    pairs_i, pairs_j, values = pairs_i[same], pairs_j[same], values[same]
    order = np.argsort(label[pairs_i], kind="stable")
    pairs_i, pairs_j, values = pairs_i[order], pairs_j[order], values[order]
    group_of_pair = label[pairs_i]
    members_by_group = np.split(np.argsort(label, kind="stable"), np.cumsum(sizes)[:-1])
    starts = np.searchsorted(group_of_pair, np.arange(len(sizes)))
    ends = np.searchsorted(group_of_pair, np.arange(len(sizes)), side="right")
    for group in np.flatnonzero(sizes > 1).tolist():
        members = members_by_group[group]
        gi, gj, gv = pairs_i[starts[group] : ends[group]], pairs_j[starts[group] : ends[group]], values[starts[group] : ends[group]]
        m = len(members)
        if m > DENSE_GROUP_MAX:
            local = {int(x): k for k, x in enumerate(members.tolist())}
            sims = {(local[int(a)], local[int(b)]): float(v) for a, b, v in zip(gi.tolist(), gj.tolist(), gv.tolist())}
            clusters.extend([int(members[k]) for k in found] for found in average_link(m, sims, threshold))
            continue
        position_in_group = np.empty(n, dtype=np.int64)
        position_in_group[members] = np.arange(m)
        distance = np.ones((m, m))
        gap = np.maximum(1.0 - gv, 0.0)  # a similarity a rounding above 1 is at distance 0
        distance[position_in_group[gi], position_in_group[gj]] = gap
        distance[position_in_group[gj], position_in_group[gi]] = gap
        upper = distance[np.triu_indices(m, 1)]  # scipy's condensed form: row by row above the diagonal
        tree = linkage(upper, method="average")
        # A hair above 1 - threshold: a mean exactly at the threshold merges, as in `average_link`.
        flat = fcluster(tree, t=1.0 - threshold + 1e-12, criterion="distance")
        for k in range(1, int(flat.max()) + 1):
            clusters.append(members[flat == k].tolist())
    return clusters


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


def attach_small_pairs(clusters: list[list[int]], pairs_i, pairs_j, values, threshold: float, small: int) -> list[list[int]]:
    """`attach_small` on arrays of pairs (i, j, s): the same moves, summed by numpy."""
    if not len(values):
        return [list(members) for members in clusters]
    n = sum(len(members) for members in clusters)
    cluster_of = np.empty(n, dtype=np.int64)
    for c, members in enumerate(clusters):
        cluster_of[members] = c
    size = np.array([len(members) for members in clusters], dtype=np.int64)
    ci, cj = cluster_of[np.asarray(pairs_i)], cluster_of[np.asarray(pairs_j)]
    one = np.concatenate((ci, cj))
    other = np.concatenate((cj, ci))
    weight = np.concatenate((values, values)).astype(float)
    moving = (size[one] <= small) & (size[other] > small)
    one, other, weight = one[moving], other[moving], weight[moving]
    result = [list(members) for members in clusters]
    if not len(one):
        return result
    width = len(clusters)
    keys, inverse = np.unique(one * width + other, return_inverse=True)
    totals = np.bincount(inverse, weights=weight)
    one, other = keys // width, keys % width
    # Per small cluster: the target of highest mean per target article (ties: the lower number).
    order = np.lexsort((other, -(totals / size[other]), one))
    first = order[np.r_[True, one[order][1:] != one[order][:-1]]]
    for k in first.tolist():
        source, target = int(one[k]), int(other[k])
        if totals[k] / (size[source] * size[target]) >= threshold:
            result[target].extend(result[source])
            result[source] = []
    return [members for members in result if members]


def _symmetric(n: int, pairs_i, pairs_j, values):
    """The pair similarities as a symmetric sparse matrix (rows summed for a story's title)."""
    return csr_matrix(
        (np.concatenate((values, values)), (np.concatenate((pairs_i, pairs_j)), np.concatenate((pairs_j, pairs_i)))),
        shape=(n, n),
    )


def _first(group: list[Article]) -> str | None:
    dates = [a.published for a in group if a.published]
    return min(dates) if dates else None


def _story(n: int, group: list[Article], similar=None, position: Mapping[str, int] | None = None) -> Story:
    dates = sorted(a.published for a in group if a.published)
    return Story(
        id=f"s{n}",
        title=_title(group, similar, position or {}),
        articles=tuple(a.id for a in group),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )


def _title(group: list[Article], similar, position: Mapping[str, int]) -> str:
    """The title of the article most like the others (a found title before one made from the lede)."""
    if len(group) <= 2 or similar is None:
        best = min(group, key=lambda a: a.title_guessed)
        return best.title
    ids = [position[a.id] for a in group]
    # Each article's summed similarity to the rest of its story (the diagonal is empty).
    centrality = similar[ids][:, ids].sum(axis=1).A1.tolist()
    central = max(range(len(group)), key=lambda k: (not group[k].title_guessed, centrality[k]))
    return group[central].title


def story_of(stories: list[Story] | tuple[Story, ...]) -> dict[str, str]:
    """Story id by article id."""
    return {article_id: story.id for story in stories for article_id in story.articles}
