"""Stories on ECB+: mix subclusters into one corpus and score the stories newsx finds (B-cubed F1).

Each ECB+ subfolder (`<N>ecb`, `<N>ecbplus`) is one gold story; both halves of a topic are events
of one kind (two earthquakes), so they must split. The analyses come from the cache (run
`newsx index /work/shared/eval/ecbplus/articles` once); clustering alone is timed.

    python benchmarks/eval_stories.py                  # all 72 subfolders, then random mixes
    python benchmarks/eval_stories.py --mixes 5 --size 24
    python benchmarks/eval_stories.py --fit            # fit the threshold on half the topics

`--fit` chooses MERGE_THRESHOLD on the even-numbered topics and reports on the odd ones (and the
other way round), so no figure comes from the clusters it was fitted on. The bars of the story
split (core/link/stories/split.py) are fit by `fit_story_split.py`. Every mix also prints the claim groups
and events that hold articles of two gold stories, with their mean and worst over the mixes. Three
kinds of mix: random subfolders, both halves of random topics (two similar events), and one half
of each of random topics (different stories only).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent))

ECB = Path(os.environ.get("NEWSX_ECB", "/work/shared/eval/ecbplus/articles"))


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a clustering (item -> cluster) against gold (item -> class)."""
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, c in predicted.items():
        by_pred[c].add(item)
    for item, c in gold.items():
        by_gold[c].add(item)
    items = list(gold)
    p = r = 0.0
    for item in items:
        mine = by_pred[predicted[item]]
        truth = by_gold[gold[item]]
        both = len(mine & truth)
        p += both / len(mine)
        r += both / len(truth)
    p /= len(items)
    r /= len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(folders: list[str]):
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import analyse_articles
    from newsx.core.settings import config_path, load_settings
    from newsx.core.store.cache import open_cache

    settings = load_settings(config_path())
    cache_dir = os.environ.get("NEWSX_CACHE_DIR")
    if cache_dir:
        settings = settings.with_overrides(cache_dir=Path(cache_dir))
    loaded = load_corpus([ECB / f for f in folders])
    cache, _ = open_cache(settings.cache_dir)
    analyses, parsed, _ = analyse_articles(loaded.articles, settings, cache=cache)
    if cache:
        cache.close()
    return loaded.articles, analyses


def score(articles, analyses, near=None) -> tuple[float, float, float, int, float]:
    from newsx.core.link.stories.clustering import find_stories, story_of

    start = time.perf_counter()
    stories = find_stories(articles, analyses, near)
    seconds = time.perf_counter() - start
    gold = {a.id: Path(a.path).parent.name for a in articles}
    p, r, f = bcubed(story_of(stories), gold)
    return p, r, f, len(stories), seconds


def across_stories(articles, analyses, near) -> tuple[int, int, int, int]:
    """Claim groups and events of the full index (stories, then linking within each) whose
    articles come from more than one gold story, the mixing the reader would see:
    (groups across, groups, events across, events)."""
    from newsx.core.index import index_from_analyses

    gold = {a.id: Path(a.path).parent.name for a in articles}
    index = index_from_analyses(articles, analyses, near_duplicates=near)

    def mixed(article_ids) -> bool:
        return len({gold[x] for x in article_ids}) > 1

    bad_groups = sum(mixed({c.article for c in g.claims}) for g in index.claim_groups)
    bad_events = sum(mixed(e.articles) for e in index.events)
    return bad_groups, len(index.claim_groups), bad_events, len(index.events)


def across_line(counts: tuple[int, int, int, int]) -> str:
    bad_groups, groups, bad_events, events = counts
    share = bad_events / events if events else 0.0
    return f"claim groups across gold stories {bad_groups:>3} of {groups:>4}; events across {bad_events:>3} of {events:>4} ({share:.2%})"


def summary_line(kind: str, scores: list[float], mixing: list[tuple[int, int, int, int]]) -> str:
    """Mean and worst F1 of one kind of mix, and of its claim groups and events across gold stories."""
    group_shares = [g / n if n else 0.0 for g, n, _, _ in mixing]
    event_shares = [e / n if n else 0.0 for _, _, e, n in mixing]
    return (
        f"{kind}es: mean F1 {sum(scores) / len(scores):.3f}, worst {min(scores):.3f}; "
        f"claim groups across gold stories mean {sum(g for g, *_ in mixing) / len(mixing):.1f} "
        f"({sum(group_shares) / len(mixing):.2%}), worst {max(g for g, *_ in mixing)} ({max(group_shares):.2%}); "
        f"events across mean {sum(event_shares) / len(mixing):.2%}, worst {max(event_shares):.2%}"
    )


def subset(articles, analyses, folders):
    chosen = [a for a in articles if Path(a.path).parent.name in folders]
    return chosen


def topic(folder: str) -> int:
    return int(folder.split("ecb")[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mixes", type=int, default=5)
    parser.add_argument("--size", type=int, default=24, help="subfolders per random mix")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fit", action="store_true")
    args = parser.parse_args()
    from newsx.core.link.duplicates import find_near_duplicates
    from newsx.core.link.stories import clustering as module

    folders = sorted(p.name for p in ECB.iterdir() if p.is_dir())
    articles, analyses = load(folders)
    near = find_near_duplicates(articles)
    gold_n = len({Path(a.path).parent.name for a in articles})

    def report(name, arts):
        ids = {a.id for a in arts}
        sub_near = {k: tuple(x for x in v if x in ids) for k, v in near.items() if k in ids}
        p, r, f, n, s = score(arts, analyses, sub_near)
        gold = len({Path(a.path).parent.name for a in arts})
        print(f"{name:<28} {len(arts):>4} articles  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  stories {n:>3} (gold {gold:>2})  {s:.2f}s")
        return f

    if args.fit:
        # The objective: the mean of F1 on the fold's folders together (stories must part) and
        # of each folder alone (a folder of one story must stay one), both a reader's case.
        grid = [0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.19, 0.20, 0.21, 0.22, 0.25, 0.28]

        def objective(chosen: list[str]) -> tuple[float, float]:
            together = score(subset(articles, analyses, set(chosen)), analyses, near)[2]
            alone = [score(subset(articles, analyses, {f}), analyses, near)[2] for f in chosen]
            return together, sum(alone) / len(alone)

        for fold in (0, 1):
            fit_on = [f for f in folders if topic(f) % 2 == fold]
            test_on = [f for f in folders if topic(f) % 2 != fold]
            best = None
            for t in grid:
                module.MERGE_THRESHOLD = t
                together, alone = objective(fit_on)
                print(f"  fold {fold} threshold {t:.2f}: fit F1 together {together:.3f}, alone {alone:.3f}")
                if best is None or together + alone > best[1]:
                    best = (t, together + alone)
            module.MERGE_THRESHOLD = best[0]
            together, alone = objective(test_on)
            print(f"fold {fold} test (t={best[0]:.2f}): F1 together {together:.3f}, each folder alone {alone:.3f}")
        return

    print(f"{len(articles)} articles, {gold_n} gold stories; MERGE_THRESHOLD {module.MERGE_THRESHOLD}")

    def sub_near(arts):
        ids = {a.id for a in arts}
        return {k: tuple(x for x in v if x in ids) for k, v in near.items() if k in ids}

    report("all 72 subfolders", articles)
    print("    " + across_line(across_stories(articles, analyses, near)))
    rng = random.Random(args.seed)
    scores, mixing, mixes = [], [], []
    for m in range(args.mixes):
        mixes.append((f"mix {m + 1} ({args.size} subfolders)", set(rng.sample(folders, args.size))))
    # Both halves of a topic together: the hardest mixes.
    topics = sorted({topic(f) for f in folders})
    for m in range(args.mixes):
        chosen_topics = set(rng.sample(topics, args.size // 2))
        chosen = {f for f in folders if topic(f) in chosen_topics}
        mixes.append((f"pairs mix {m + 1} ({len(chosen)} halves)", chosen))
    # Different stories only: one half of each of `size` topics (what a reader's folder of
    # unrelated stories is like).
    for m in range(args.mixes):
        chosen_topics = rng.sample(topics, min(args.size, len(topics)))
        chosen = {rng.choice([f for f in folders if topic(f) == t]) for t in chosen_topics}
        mixes.append((f"distinct mix {m + 1} ({len(chosen)} topics)", chosen))
    for name, chosen in mixes:
        arts = subset(articles, analyses, chosen)
        scores.append(report(name, arts))
        mixing.append(across_stories(arts, analyses, sub_near(arts)))
        print("    " + across_line(mixing[-1]))
    for kind in ("mix", "pairs mix", "distinct mix"):
        mine = [k for k, (name, _) in enumerate(mixes) if name.startswith(kind + " ")]
        print(summary_line(kind, [scores[k] for k in mine], [mixing[k] for k in mine]))
    # One story alone must stay one story.
    alone = []
    for f in folders:
        arts = subset(articles, analyses, {f})
        alone.append((score(arts, analyses, sub_near(arts))[2], f))
    split = [f for s, f in alone if s < 1]
    print(f"each subfolder alone: mean F1 {sum(s for s, _ in alone) / len(alone):.3f}, worst {min(alone)[0]:.3f} ({min(alone)[1]}); "
          f"{len(split)} of {len(alone)} split")


if __name__ == "__main__":
    main()
