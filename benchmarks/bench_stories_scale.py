"""Stories clustering at scale: 10,000 articles made from the ECB+ ones, clustered (features,
candidates, average link), timed. Only the clustering runs: the analyses are the cached ones of the
ECB+ articles (run `newsx index /work/shared/eval/ecbplus/articles` once), reused by each copy.

    python benchmarks/bench_stories_scale.py [--n 10000]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import eval_stories  # noqa: E402

_LETTERS = re.compile(r"([^\W\d_]+)")


def rename(text: str, copy: int) -> str:
    if copy == 0:
        return text
    suffix = "".join(chr(ord("a") + int(d)) for d in str(copy))
    # Long words and names only: function words stay what they are in every round.
    return _LETTERS.sub(lambda m: m.group(1) + "q" + suffix if len(m.group(1)) > 5 or m.group(1)[0].isupper() else m.group(1), text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from newsx.core.link.stories.clustering import find_stories, story_of

    folders = sorted(p.name for p in eval_stories.ECB.iterdir() if p.is_dir())
    base, analyses = eval_stories.load(folders)
    rng = random.Random(3)
    articles, gold, found = [], {}, {}
    for k in range(args.n):
        source = base[k % len(base)]
        copy = k // len(base)
        paragraphs = source.text.split("\n")
        kept = [p for p in paragraphs if rng.random() > 0.3] or paragraphs
        # Each round of copies is its own set of stories: every word gets the round's suffix, so
        # rounds share no vocabulary (873 stories of about 11 articles at 10,000).
        article = replace(source, id=f"{source.id}~{copy}", text=rename("\n".join(kept), copy), title=rename(source.title, copy))
        articles.append(article)
        analysis = analyses[source.id]
        found[article.id] = replace(analysis, mentions=tuple(
            replace(m, text=rename(m.text, copy), ref=rename(m.ref, copy) if m.ref else None) for m in analysis.mentions
        ))
        gold[article.id] = f"{Path(source.path).parent.name}~{copy}"
    import scipy.sparse  # noqa: F401  (imports are not the clustering's time)
    import wordfreq  # noqa: F401

    from newsx.core.link.stories.features import _words

    def baseline() -> None:
        # A bare pass over the text: each article's words counted, as the features start with.
        for article in articles:
            _words(article.title + "\n" + article.text)

    times, bases, cpus = [], [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        baseline()
        bases.append(time.perf_counter() - start)
        start, cpu = time.perf_counter(), time.process_time()
        stories = find_stories(articles, found)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    p, r, f = eval_stories.bcubed(story_of(stories), gold)
    seconds, base = statistics.median(times), statistics.median(bases)
    print(
        f"{len(articles)} articles: {len(stories)} stories; clustering median of {args.runs} runs {seconds:.2f}s "
        f"({statistics.median(cpus):.2f}s of CPU), {seconds / base:.1f}x a bare word count of the same articles "
        f"({base:.2f}s, same run); B-cubed against copy-rounds: P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )

if __name__ == "__main__":
    main()
