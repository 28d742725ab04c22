"""Fit the story split's two bars (core/link/stories/split.py) leaving one ECB+ topic out.

    python benchmarks/fit_story_split.py

Corpora: each subfolder alone (must stay one story) and both halves of each topic together (must
be two). For every pair of bars, the B-cubed F1 of every corpus; then for each topic the bars that
score best on the other topics are used on it, and the mean and worst of these held-out figures
are printed (beside the figures without any split).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_stories  # noqa: E402

NCUTS = (-1.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8)  # -1: never split
TIMES = (0.5, 0.6, 0.7, 0.8, 0.9)


def main() -> int:
    from newsx.core.link.duplicates import find_near_duplicates
    from newsx.core.link.stories import split as story_split

    folders = sorted(p.name for p in eval_stories.ECB.iterdir() if p.is_dir())
    articles, analyses = eval_stories.load(folders)
    near = find_near_duplicates(articles)
    corpora = defaultdict(list)  # topic -> corpora (article lists)
    for t in sorted({eval_stories.topic(f) for f in folders}):
        halves = [f for f in folders if eval_stories.topic(f) == t]
        for chosen in [{f} for f in halves] + ([set(halves)] if len(halves) > 1 else []):
            corpora[t].append(eval_stories.subset(articles, analyses, chosen))

    def f1(arts) -> float:
        ids = {a.id for a in arts}
        sub_near = {k: tuple(x for x in v if x in ids) for k, v in near.items() if k in ids}
        return eval_stories.score(arts, analyses, sub_near)[2]

    grid = list(product(NCUTS, TIMES))
    scores = {}  # (bars) -> topic -> [F1 per corpus]
    for ncut, apart in grid:
        story_split.NCUT_MAX, story_split.TIME_APART = ncut, apart
        scores[(ncut, apart)] = {t: [f1(arts) for arts in cs] for t, cs in corpora.items()}
    topics = sorted(corpora)
    # Per topic, the bars that score best on all the other topics.
    best = {t: max(grid, key=lambda g: (sum(sum(scores[g][u]) for u in topics if u != t), -g[0], g[1])) for t in topics}
    chosen = defaultdict(int)
    for t in topics:
        chosen[best[t]] += 1
    never = (-1.0, TIMES[0])
    print(f"bars chosen (ncut max, time apart): {dict(chosen)}")
    # All corpora, then both halves of a topic together, then each half alone.
    for label, pick in (("all corpora", lambda cs: cs), ("both halves together", lambda cs: cs[2:]), ("one half alone", lambda cs: cs[:2])):
        without = [s for t in topics for s in pick(scores[never][t])]
        held = [s for t in topics for s in pick(scores[best[t]][t])]
        print(f"{label} ({len(held)} corpora): without split mean F1 {sum(without) / len(without):.3f} worst {min(without):.3f}; "
              f"held out (LOO by topic) mean {sum(held) / len(held):.3f} worst {min(held):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
