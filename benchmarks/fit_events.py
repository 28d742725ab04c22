"""Fit the story-level pass's thresholds leave-one-cluster-out on the ECB+ clusters.

    python benchmarks/fit_events.py [--main]

For each held-out cluster, the setting (story overlap, day tolerance, families; with --main the
main-event pass's lead sentences and core share) that scores best on the other
clusters (B-cubed F1 plus the main event's coverage, less the share of its articles from the other
story when both halves of the topic are one corpus) is applied to it; prints the held-out figures
(mean and worst) and the setting chosen most often. Analyses come from eval_events' cache.
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import product
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_events  # noqa: E402

OVERLAPS = (0.2, 0.3, 0.5)
TOLERANCES = (1, 2)
FAMILIES = (1, 2, 3)
# The main-event pass: how many opening sentences hold a lead (linking's side: the extraction keeps
# opening acts of its own LEAD_SENTENCES), and the share of its articles that name a core person.
LEADS = (2, 3, 5)
CORE_SHARES = (0.1, 0.25, 0.5)


def _story_grid():
    from newsx.core.link.events import story as event_story
    def apply(setting):
        event_story.STORY_OVERLAP, event_story.DAY_TOLERANCE, event_story.STORY_FAMILIES = setting

    return ("overlap", "tolerance", "families"), list(product(OVERLAPS, TOLERANCES, FAMILIES)), apply


def _main_grid():
    from newsx.core.link.events import linking as event_linking
    from newsx.core.link.events import main as event_main
    def apply(setting):
        event_linking.MAIN_LEAD_SENTENCES, event_main.CORE_SHARE = setting

    return ("lead sentences", "core share"), list(product(LEADS, CORE_SHARES)), apply


def main(argv: list[str]) -> int:
    from newsx.core.link.events.linking import link_events

    names = sorted(p.stem for p in (eval_events.ECBPLUS / "gold").glob("*.json"))
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    indexes = {n: eval_events.load_cluster(n) for n in names}
    pairs = {}
    for n in names:
        other = n[:-4] if n.endswith("plus") else n + "plus"
        if other in indexes:
            halves = sorted((n, other))
            pairs[n] = build_index(load_corpus([eval_events.ECBPLUS / "articles" / h for h in halves]),
                                   Settings(cache_dir=eval_events.CACHE))
    labels, settings, apply = _main_grid() if "--main" in argv else _story_grid()
    show = lambda s: " ".join(f"{k} {v}" for k, v in zip(labels, s))  # noqa: E731
    scores: dict[tuple, dict[str, dict]] = {}
    foreign: dict[tuple, dict[str, float]] = {}
    link = lambda ix: link_events(list(ix.articles), ix.analyses, list(ix.entities))  # noqa: E731
    for setting in settings:
        apply(setting)
        scores[setting] = {n: eval_events.score_cluster(n, ix, link(ix)) for n, ix in indexes.items()}
        linked = {id(ix): link(ix) for ix in {id(ix): ix for ix in pairs.values()}.values()}
        foreign[setting] = {n: eval_events.score_cluster(n, ix, linked[id(ix)])["main_foreign"] for n, ix in pairs.items()}

    def value(r: dict, setting) -> float:
        return r["b3_f1"] + (r["main_coverage"] or 0.0) - foreign[setting].get(r["cluster"], 0.0)

    held: list[dict] = []
    chosen: Counter = Counter()
    for n in names:
        best = max(settings, key=lambda s: (sum(value(scores[s][m], s) for m in names if m != n), s))
        chosen[best] += 1
        held.append({**scores[best][n], "paired_foreign": foreign[best].get(n, 0.0)})
    for s in settings:
        rs = list(scores[s].values())
        print(f"{show(s)}: B3 F1 {mean(r['b3_f1'] for r in rs):.3f}, "
              f"coverage {mean(r['main_coverage'] or 0 for r in rs):.0%}, "
              f"paired foreign {mean(foreign[s].values()):.0%} worst {max(foreign[s].values()):.0%}")
    print("held out:", eval_events.summary(held), "; paired: other story's articles in the main event mean "
          f"{mean(r['paired_foreign'] for r in held):.0%} worst {max(r['paired_foreign'] for r in held):.0%}")
    print("chosen:", ", ".join(f"{show(s)} ({k}x)" for s, k in chosen.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
