"""Near-duplicate articles: a wire story published twice, reworded, still shares many 5-word shingles.

Candidates are blocked by shared shingles through an inverted index, so the cost grows with the
number of shared shingles rather than with every pair of articles.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .models import Article

SHINGLE_WORDS = 5
# Overlap of shingles, relative to the shorter article: reworded syndicated copies share far more
# than unrelated articles on the same story, which share a few stock phrases.
MIN_CONTAINMENT = 0.2
_WORD = re.compile(r"\w+")
# A shingle found in more than this many articles is a stock phrase, not evidence of copying.
_COMMON_SHINGLE_ARTICLES = 50


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + size])) for i in range(max(0, len(words) - size + 1))}


def find_near_duplicates(articles: list[Article], min_containment: float = MIN_CONTAINMENT) -> dict[str, tuple[str, ...]]:
    sets = {a.id: shingles(a.text) for a in articles}
    postings: dict[int, list[str]] = defaultdict(list)
    for article_id, shingle_set in sets.items():
        for s in shingle_set:
            postings[s].append(article_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > _COMMON_SHINGLE_ARTICLES:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b) if a < b else (b, a)] += 1
    near: dict[str, list[str]] = defaultdict(list)
    for (a, b), count in shared.items():
        smaller = min(len(sets[a]), len(sets[b])) or 1
        if count / smaller >= min_containment:
            near[a].append(b)
            near[b].append(a)
    order = {a.id: i for i, a in enumerate(articles)}
    return {k: tuple(sorted(v, key=order.__getitem__)) for k, v in near.items()}
