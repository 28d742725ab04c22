"""Splitting a story that holds two events of one kind (two earthquakes in one region, years apart).

Clustering by shared words keeps such events together: their articles share the topic's words
and places. Inside one story those shared words say nothing, so the story's articles are compared
again with weights from the story itself (a word in every article weighs 0; the names and details
of one event remain), and the story is cut in two where the cut is cheapest (spectral bisection,
normalised cut). A story is split only when the cut is cheap AND the two sides speak of different
times (the latest year each article speaks of, or none, distributed differently): a story told
from two angles shares its dates, two events years apart do not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

# Fitted leaving one ECB+ topic out (benchmarks/fit_story_split.py).
NCUT_MAX = 0.65
TIME_APART = 0.7
# Each side of a split holds at least this many articles; stories larger than SPLIT_MAX are left
# as they are (the bisection is cubic in the story's size).
MIN_SIDE = 3
SPLIT_MAX = 400


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
    side = _bisection(members, features)
    if side is None:
        return None
    ncut, mask = side
    if ncut > NCUT_MAX:
        return None
    a = [x for x, s in zip(members, mask) if s]
    b = [x for x, s in zip(members, mask) if not s]
    if _time_apart(a, b, features.years) < TIME_APART:
        return None
    if pinned.intersection(members):
        # Near-duplicates stay together: no split between two copies of one story.
        in_a, inside = set(a), set(members)
        if any((i in in_a) != (j in in_a) for i, j in copies if i in inside and j in inside):
            return None
    return a, b


def _bisection(members: list[int], features):
    """(normalised cut, side mask) of the cheapest cut along the Fiedler vector, each side at least
    MIN_SIDE articles; None when the story's articles share nothing once re-weighted."""
    import numpy as np
    from scipy import sparse

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
        return None
    degree = np.maximum(degree, 1e-9)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(m) - scale[:, None] * sims * scale[None, :]
    _values, vectors = np.linalg.eigh(laplacian)
    order = np.argsort(vectors[:, 1] * scale, kind="stable")
    ordered = sims[np.ix_(order, order)]
    # For each cut after the first k of the order: the weight inside the first part, its volume.
    inside = np.diagonal(ordered.cumsum(axis=0).cumsum(axis=1))
    volume = np.cumsum(degree[order])
    total = volume[-1]
    cut = volume - inside
    k = np.arange(1, m + 1)
    allowed = (k >= MIN_SIDE) & (k <= m - MIN_SIDE)
    ncut = np.full(m, np.inf)
    rest = total - volume
    ok = allowed & (rest > 0)
    ncut[ok] = cut[ok] / volume[ok] + cut[ok] / rest[ok]
    best = int(np.argmin(ncut))
    if not np.isfinite(ncut[best]):
        return None
    mask = np.zeros(m, dtype=bool)
    mask[order[: best + 1]] = True
    return float(ncut[best]), mask.tolist()


def _time_apart(a: list[int], b: list[int], years) -> float:
    """Total variation distance between the two sides' latest years spoken of (none is a value)."""

    def share(side: list[int]) -> Counter:
        found = Counter(max(years[i]) if years[i] else None for i in side)
        return Counter({y: n / len(side) for y, n in found.items()})

    sa, sb = share(a), share(b)
    return 0.5 * sum(abs(sa.get(y, 0.0) - sb.get(y, 0.0)) for y in set(sa) | set(sb))
