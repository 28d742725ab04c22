"""What `core.stories` compares articles by: weighted terms and dates, and the candidate pairs.

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

from .models import Article
from .results import ArticleAnalysis

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})
_MIN_WORD = 3
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
    """The corpus as rows of sparse weights, plus each article's date (ordinal days) if known."""

    rows: list[dict[int, float]]  # term id -> weight, each row of unit length
    dates: list[int | None]
    years: list[frozenset[int]]  # years the article was written in or speaks of


def _words(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for w in _WORD.findall(text):
        w = w.lower().strip("'’-")
        if len(w) >= _MIN_WORD and w not in _STOP:
            found[w] += 1
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
    from wordfreq import get_frequency_dict

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
        df.update(terms.keys())
        when = _ordinal(article.published)
        dates.append(when)
        if when is not None:
            mentioned.add(date.fromordinal(when).year)
        years.append(frozenset(mentioned))
    n = len(articles)
    rarity = _rarity()
    vocabulary: dict[str, int] = {}
    rows: list[dict[int, float]] = []
    weights: dict[str, float] = {}
    for terms in counts:
        row: dict[int, float] = {}
        for term, tf in terms.items():
            base = weights.get(term)
            if base is None:
                base = _term_weight(term, rarity, df[term], n, entity_weight)
                weights[term] = base
            row[vocabulary.setdefault(term, len(vocabulary))] = (1.0 + math.log(tf)) * base
        norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
        rows.append({k: w / norm for k, w in row.items()})
    return Features(rows=rows, dates=dates, years=years)


def candidate_similarities(
    features: Features, top_terms: int, floor: float, gap_days: int, penalty: float, year_gap: int = 2
) -> dict[tuple[int, int], float]:
    """Similarity of the pairs worth comparing, {(i, j): s} with i < j and s >= floor.

    Blocking: an inverted index over each article's `top_terms` heaviest terms, leaving out terms
    held by more than a few percent of a large corpus (they link everything to everything). The
    similarity itself is the full cosine, then lowered for articles written far apart.
    """
    import numpy as np
    from scipy import sparse

    rows = features.rows
    n = len(rows)
    if n < 2:
        return {}
    indptr, indices, data = [0], [], []
    top_indptr, top_indices = [0], []
    for row in rows:
        indices.extend(row.keys())
        data.extend(row.values())
        indptr.append(len(indices))
        top = sorted(row, key=row.__getitem__, reverse=True)[:top_terms]
        top_indices.extend(top)
        top_indptr.append(len(top_indices))
    width = max(indices, default=0) + 1
    matrix = sparse.csr_matrix((np.array(data), np.array(indices), np.array(indptr)), shape=(n, width))
    keys = sparse.csr_matrix(
        (np.ones(len(top_indices)), np.array(top_indices, dtype=np.int64), np.array(top_indptr)), shape=(n, width)
    )
    # A term in very many articles' top lists: drop it from blocking (not from the similarity).
    held = np.asarray(keys.sum(axis=0)).ravel()
    cap = max(50, int(0.05 * n))
    if (held > cap).any():
        keys = keys[:, np.flatnonzero(held <= cap)]
    shared = keys @ keys.T
    shared = sparse.triu(shared, k=1).tocoo()
    pairs_i, pairs_j = shared.row, shared.col
    if len(pairs_i) == 0:
        return {}
    # Exact cosine for each candidate pair, row by row in chunks.
    values = np.empty(len(pairs_i))
    step = 200_000
    for start in range(0, len(pairs_i), step):
        a = matrix[pairs_i[start : start + step]]
        b = matrix[pairs_j[start : start + step]]
        values[start : start + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    dates = features.dates
    years = features.years
    latest = [max(y) if y else None for y in years]
    found: dict[tuple[int, int], float] = {}
    for i, j, s in zip(pairs_i.tolist(), pairs_j.tolist(), values.tolist()):
        if s < floor:
            continue
        di, dj = dates[i], dates[j]
        if di is not None and dj is not None:
            if abs(di - dj) >= gap_days:
                s *= penalty
        elif years[i] and years[j] and abs(latest[i] - latest[j]) >= year_gap and not (years[i] & years[j]):
            # Not both dated: the years they speak of are apart, and they share none.
            s *= penalty
        if s >= floor:
            found[(i, j)] = s
    return found
