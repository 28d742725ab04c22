"""What `core.link.stories.clustering` compares articles by: weighted terms and dates, and the candidate pairs.

Terms are content words (lowercased, stop words and numbers left out) and the named entities the
analysis found (the fuller in-article form: "Lohan" counts as "Lindsay Lohan"), each weighted by
sublinear TF-IDF and the vector normalised, so a cosine compares articles of any length. The IDF
is smoothed: in a corpus of one story every word is common, weights flatten and articles look
more alike, never less (such a corpus stays one story).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse
from wordfreq import get_frequency_dict

from newsx.core.model.analyses import ArticleAnalysis
from newsx.core.model.articles import Article

# A word of at least three characters, starting and ending with a letter (shorter ones are
# never matched, rather than matched and dropped: the same words, found faster).
_WORD = re.compile(r"[^\W\d_][\w'’-]+[^\W\d_]")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})
# Function words and reporting words of news prose: they say nothing about which story it is.
_STOP = frozenset(
    """
    about above after again against all almost also although always among and another any anyone are
    around because been before being below between both but can cannot could did does doing done down
    during each either else even ever every few for from further had has have having her here hers
    herself him himself his how however into its itself just last least less like many may might more
    most much must near neither never next nor not now off often once one only other others our ours
    out over own per perhaps quite rather said same says see seen shall she should since some still such
    than that the their theirs them themselves then there these they this those though through thus
    told too toward towards under until upon very via was were what whatever when where whether which
    while who whom whose why will with within without would yet you your yours yourself also according
    told tell telling say saying week weeks year years day days time times monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow new first two three four five six seven
    eight nine ten people man woman men women just got get gets make made makes took take takes went
    come came going goes well back way mr mrs ms dr
    """.split()
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass
class Features:
    """The corpus as a sparse matrix of weights (a row per article, of unit length), plus each
    article's date (ordinal days) if known."""

    matrix: Any  # scipy.sparse.csr_matrix, articles x terms
    dates: list[int | None]
    years: list[frozenset[int]]  # years the article was written in or speaks of


def _words(text: str) -> Counter[str]:
    found = Counter(_WORD.findall(text.lower()))
    for word in found.keys() & _STOP:
        del found[word]
    return found


def _entity_terms(analysis: ArticleAnalysis | None) -> tuple[Counter[str], set[int]]:
    entities: Counter[str] = Counter()
    years: set[int] = set()
    if analysis is None:
        return entities, years
    for m in analysis.mentions:
        if m.label in _ENTITY_LABELS:
            name = " ".join((m.ref or m.text).lower().split())
            if name:
                entities["@" + name] += 1
        elif m.label == "DATE":
            years.update(int(y) for y in _YEAR.findall(m.text))
    for e in analysis.events:
        if e.date and not e.future:
            years.add(int(e.date[:4]))
    return entities, years


# How much general English rarity counts (an exponent on -log frequency), and how much the
# corpus's own document frequency does (0: not at all). General rarity is what keeps a corpus of
# one story one story: there every article says "earthquake", which corpus IDF alone would make
# worthless, leaving only each article's own rare words to compare.
RARITY_POWER = 1.5
CORPUS_IDF_SHARE = 0.0
_UNSEEN_FREQUENCY = 1e-8  # a word the frequency list lacks (most names): as rare as its rarest words


def _rarity() -> Mapping[str, float]:
    """-ln(frequency) of English words, from wordfreq's list (installed data, no download)."""
    return get_frequency_dict("en", wordlist="large")


def _term_weight(term: str, frequencies: Mapping[str, float], df: int, n: int, entity_weight: float) -> float:
    if term.startswith("@"):
        parts = term[1:].split()
        frequency = min((frequencies.get(p, _UNSEEN_FREQUENCY) for p in parts), default=_UNSEEN_FREQUENCY)
        scale = entity_weight
    else:
        frequency = frequencies.get(term, _UNSEEN_FREQUENCY)
        scale = 1.0
    weight = (-math.log(max(frequency, _UNSEEN_FREQUENCY))) ** RARITY_POWER
    if CORPUS_IDF_SHARE:
        weight *= (math.log((n + 1) / (df + 1)) + 1.0) ** CORPUS_IDF_SHARE
    return weight * scale


def _term_weights(terms: list[str], df: Mapping[str, int], n: int, entity_weight: float):
    """`_term_weight` of every term at once (the corpus's vocabulary: hundreds of thousands)."""
    frequencies = _rarity()
    get = frequencies.get
    words = [k for k, t in enumerate(terms) if not t.startswith("@")]
    named = [k for k, t in enumerate(terms) if t.startswith("@")]
    frequency = np.empty(len(terms))
    scale = np.ones(len(terms))
    frequency[words] = [get(terms[k], _UNSEEN_FREQUENCY) for k in words]
    frequency[named] = [
        min((get(p, _UNSEEN_FREQUENCY) for p in terms[k][1:].split()), default=_UNSEEN_FREQUENCY) for k in named
    ]
    scale[named] = entity_weight
    weight = (-np.log(np.maximum(frequency, _UNSEEN_FREQUENCY))) ** RARITY_POWER
    if CORPUS_IDF_SHARE:
        documents = np.array([df[t] for t in terms], dtype=float)
        weight *= (np.log((n + 1) / (documents + 1)) + 1.0) ** CORPUS_IDF_SHARE
    return weight * scale


def _ordinal(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def article_features(
    articles: list[Article], analyses: Mapping[str, ArticleAnalysis], entity_weight: float = 1.0
) -> Features:
    counts: list[Counter[str]] = []
    dates: list[int | None] = []
    years: list[frozenset[int]] = []
    df: Counter[str] = Counter()
    for article in articles:
        # The title names the story: counted as well as the body.
        terms = _words(article.title + "\n" + article.title + "\n" + article.text)
        entities, mentioned = _entity_terms(analyses.get(article.id))
        terms.update(entities)
        counts.append(terms)
        if CORPUS_IDF_SHARE:
            df.update(terms.keys())
        when = _ordinal(article.published)
        dates.append(when)
        if when is not None:
            mentioned.add(date.fromordinal(when).year)
        years.append(frozenset(mentioned))
    n = len(articles)
    # Every term once, in order of first sight; then each article's terms as column numbers.
    vocabulary = {t: k for k, t in enumerate(dict.fromkeys(chain.from_iterable(counts)))}
    indptr: list[int] = [0]
    indices: list[int] = []
    tfs: list[int] = []
    for terms in counts:
        indices.extend(map(vocabulary.__getitem__, terms))
        tfs.extend(terms.values())
        indptr.append(len(indices))
    base = _term_weights(list(vocabulary), df, n, entity_weight)
    columns = np.array(indices, dtype=np.int64)
    data = (1.0 + np.log(np.array(tfs, dtype=float))) * base[columns] if len(columns) else np.zeros(0)
    matrix = sparse.csr_matrix((data, columns, np.array(indptr)), shape=(n, max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix
    return Features(matrix=sparse.csr_matrix(matrix), dates=dates, years=years)


# Blocking: a pair is compared when the two articles share this many of their heaviest terms,
# not counting terms among the heaviest of more than COMMON_SHARE of a large corpus.
MIN_SHARED_TERMS = 3
COMMON_SHARE = 0.05
COMMON_MIN = 200


def candidate_similarities(
    features: Features, top_terms: int, floor: float, gap_days: int, penalty: float, year_gap: int = 2
) -> dict[tuple[int, int], float]:
    """`candidate_pairs` as {(i, j): s} with i < j."""
    pairs_i, pairs_j, values = candidate_pairs(features, top_terms, floor, gap_days, penalty, year_gap)
    return dict(zip(zip(pairs_i.tolist(), pairs_j.tolist()), values.tolist()))


def _top_per_row(matrix, top_terms: int):
    """Each row's `top_terms` heaviest entries (all of a shorter row), as a CSR matrix of the
    same shape: one sort of all entries by row, then weight, instead of a loop over rows."""
    n = matrix.shape[0]
    lengths = np.diff(matrix.indptr)
    if lengths.max(initial=0) <= top_terms:
        return sparse.csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=matrix.shape)
    rows = np.repeat(np.arange(n), lengths)
    order = np.lexsort((-matrix.data, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    keep = np.zeros(len(order), dtype=bool)
    keep[order[rank < top_terms]] = True  # entries stay in their row and column order
    indptr = np.concatenate(([0], np.cumsum(np.minimum(lengths, top_terms))))
    return sparse.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)


def candidate_pairs(features: Features, top_terms: int, floor: float, gap_days: int, penalty: float, year_gap: int = 2):
    """Similarity of the pairs worth comparing: arrays (i, j, s) with i < j and s >= floor.

    Each article keeps its `top_terms` heaviest terms (most of its weight); the similarity of two
    articles is the dot product of these (a cosine cut to what matters most, the same in a corpus
    of ten articles or ten thousand). Blocking: pairs sharing at least MIN_SHARED_TERMS terms that
    are not common in the corpus, found by a sparse product (cost follows the overlaps); the
    common terms' part of the similarity is added for those pairs only, from a small dense array.
    Then lowered for articles written far apart.
    """
    nothing = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    matrix = features.matrix
    n, width = matrix.shape
    if n < 2 or matrix.nnz == 0:
        return nothing
    top = _top_per_row(matrix, top_terms)
    held = np.bincount(top.indices, minlength=width)
    common = held > max(COMMON_MIN, int(COMMON_SHARE * n))
    # The rare terms two articles can share: a term among one article's top terms only links no pair.
    rare_entry = ~common[top.indices] & (held[top.indices] > 1)
    rare = sparse.csr_matrix(
        (top.data[rare_entry], top.indices[rare_entry], np.concatenate(([0], np.cumsum(rare_entry)))[top.indptr]),
        shape=(n, width),
    )
    # The same sparsity pattern twice: how many rare terms each pair shares, and their part of the dot.
    marks = rare.copy()
    marks.data = np.ones_like(marks.data)
    # Both products have the same pattern in the same order (positive weights, one algorithm):
    # entries line up one to one; each pair once (i < j).
    counts = (marks @ marks.T).tocoo()
    partial = (rare @ rare.T).tocoo()
    assert counts.nnz == partial.nnz
    enough = (counts.row < counts.col) & (counts.data >= MIN_SHARED_TERMS)
    pairs_i, pairs_j = counts.row[enough].astype(np.int64), counts.col[enough].astype(np.int64)
    values = partial.data[enough].astype(float)
    if len(pairs_i) == 0:
        return nothing
    if common.any():
        dense = top[:, np.flatnonzero(common)].toarray()
        step = 100_000
        for start in range(0, len(pairs_i), step):
            a = dense[pairs_i[start : start + step]]
            b = dense[pairs_j[start : start + step]]
            values[start : start + step] += np.einsum("ij,ij->i", a, b)
    keep = values >= floor
    pairs_i, pairs_j, values = pairs_i[keep], pairs_j[keep], values[keep]
    # Lowered for articles written far apart, or (either undated) speaking of years far apart
    # with none in common: the same arithmetic for every pair at once, the shared-year test
    # (sets) only for the few pairs it can change.
    dates = np.array([d if d is not None else -1 for d in features.dates], dtype=np.int64)
    years = features.years
    latest = np.array([max(y) if y else -1 for y in years], dtype=np.int64)
    di, dj = dates[pairs_i], dates[pairs_j]
    both_dated = (di >= 0) & (dj >= 0)
    far = both_dated & (np.abs(di - dj) >= gap_days)
    li, lj = latest[pairs_i], latest[pairs_j]
    apart = ~both_dated & (li >= 0) & (lj >= 0) & (np.abs(li - lj) >= year_gap)
    for k in np.flatnonzero(apart).tolist():
        if years[int(pairs_i[k])] & years[int(pairs_j[k])]:
            apart[k] = False
    values = np.where(far | apart, values * penalty, values)
    keep = values >= floor
    return pairs_i[keep], pairs_j[keep], values[keep]
