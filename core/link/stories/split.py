"""Splitting a story that holds two events of one kind (two earthquakes in one region, years apart).

Clustering by shared words keeps such events together: their articles share the topic's words
and places. Inside one story those shared words say nothing, so the story's articles are compared
again with weights from the story itself (a word in every article weighs 0; the names and details
of one event remain), and cuts in two are tried cheapest first (spectral bisection, normalised
cut). The story is split at the first cut that is cheap enough AND whose two sides speak of
different times (the latest year each article speaks of, or none, distributed differently): a
story told from two angles shares its dates, two events years apart do not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import numpy as np
from scipy import sparse

# Fitted leaving one ECB+ topic out (benchmarks/fit_story_split.py).
NCUT_MAX = 0.65
TIME_APART = 0.7
# Each side of a split holds at least this many articles; stories larger than SPLIT_MAX are left
# as they are (the bisection is cubic in the story's size).
MIN_SIDE = 3
SPLIT_MAX = 400
# Cuts are tried along this many eigenvectors of the story's graph (the Fiedler vector first).
EIGENVECTORS = 2


def split_apart_in_time(clusters: list[list[int]], features, copies: Collection[tuple[int, int]] = ()) -> list[list[int]]:
    """`clusters` (article numbers) with each story of two events years apart cut in two."""
    pinned = {i for pair in copies for i in pair}
    copy_pairs = set(copies)
    result: list[list[int]] = []
    pending = [list(c) for c in clusters]
    while pending:
        members = pending.pop()
        sides = _split(members, features, pinned, copy_pairs)
        if sides is None:
            result.append(members)
        else:
            pending.extend(sides)
    return result


def _split(members: list[int], features, pinned: set[int], copies: set[tuple[int, int]]):
    m = len(members)
    if m < 2 * MIN_SIDE or m > SPLIT_MAX:
        return None
    if len({max(features.years[i]) if features.years[i] else None for i in members}) < 2:
        return None  # every article speaks of the same latest year (or none): no two times to part
    inside = set(members)
    kept = [(i, j) for i, j in copies if i in inside and j in inside] if pinned.intersection(members) else []
    for ncut, mask in _cuts(members, features):
        if ncut > NCUT_MAX:
            return None
        a = [x for x, s in zip(members, mask) if s]
        b = [x for x, s in zip(members, mask) if not s]
        in_a = set(a)
        # Near-duplicates stay together: no cut between two copies of one story.
        if any((i in in_a) != (j in in_a) for i, j in kept):
            continue
        if _time_apart(a, b, features.years) >= TIME_APART:
            return a, b
    return None


def _cuts(members: list[int], features):
    """Cuts of the story in two, cheapest first (normalised cut, side mask): every cut along the
    Fiedler vector and the next, each side at least MIN_SIDE articles. A generator: the caller
    stops at the first cut that is too dear or that parts two times."""
    rows = features.matrix[members]
    m = len(members)
    # The story's own document frequencies, over the terms it uses only (not the whole vocabulary).
    terms, column, df = np.unique(rows.indices, return_inverse=True, return_counts=True)
    idf = np.log((m + 1) / (df + 1.0))  # a word in every article of the story: weight 0
    local = sparse.csr_matrix((rows.data * idf[column], column, rows.indptr), shape=(m, len(terms)))
    if m * len(terms) <= 4_000_000:  # a small story: a dense product is faster than a sparse one
        dense = local.toarray()
        sims = dense @ dense.T
    else:
        sims = (local @ local.T).toarray()
    norms = np.sqrt(np.maximum(np.diag(sims), 0.0))
    norms[norms == 0] = 1.0
    sims = sims / norms[:, None] / norms[None, :]
    np.fill_diagonal(sims, 0.0)
    sims = np.maximum(sims, 0.0)
    degree = sims.sum(axis=1)
    if degree.sum() <= 0:
        return
    degree = np.maximum(degree, 1e-9)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(m) - scale[:, None] * sims * scale[None, :]
    _values, vectors = np.linalg.eigh(laplacian)
    costs, orders, sizes = [], [], []
    for vector in range(1, min(EIGENVECTORS, m - 1) + 1):
        order = np.argsort(vectors[:, vector] * scale, kind="stable")
        ordered = sims[np.ix_(order, order)]
        # For each cut after the first k of the order: the weight inside the first part, its volume.
        inside = np.diagonal(ordered.cumsum(axis=0).cumsum(axis=1))
        volume = np.cumsum(degree[order])
        rest = volume[-1] - volume
        k = np.arange(MIN_SIDE, m - MIN_SIDE + 1)
        cut = (volume - inside)[k - 1]
        ok = rest[k - 1] > 0
        costs.append(cut[ok] / volume[k - 1][ok] + cut[ok] / rest[k - 1][ok])
        sizes.append(k[ok])
        orders.extend([order] * int(ok.sum()))
    if not costs:
        return
    cost, size = np.concatenate(costs), np.concatenate(sizes)
    for c in np.argsort(cost, kind="stable").tolist():  # masks made only for the cuts looked at
        mask = np.zeros(m, dtype=bool)
        mask[orders[c][: size[c]]] = True
        yield float(cost[c]), mask.tolist()


def _time_apart(a: list[int], b: list[int], years) -> float:
    """Total variation distance between the two sides' latest years spoken of (none is a value)."""

    def share(side: list[int]) -> Counter:
        found = Counter(max(years[i]) if years[i] else None for i in side)
        return Counter({y: n / len(side) for y, n in found.items()})

    sa, sb = share(a), share(b)
    return 0.5 * sum(abs(sa.get(y, 0.0) - sb.get(y, 0.0)) for y in set(sa) | set(sb))
