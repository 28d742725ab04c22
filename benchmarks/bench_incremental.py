"""Target 4 (issue 6): one changed file is parsed alone; corpus-level steps scale near-linearly.

Uses the corpus and warm cache of bench_scale.py (built if missing). Changes one file, runs
`newsx index` and reports how many articles it parsed and how long it took (then restores the file).
Then times `index_from_analyses` (entity linking, event linking, claim grouping, near-duplicates)
on the first 1k, 2k, 4k and 8k articles, step by step; a ratio near 2 per doubling is linear.

    python benchmarks/bench_incremental.py [-n 10000] [--distinct K] [--sizes 1000,2000] [--steps-only]
"""

from __future__ import annotations

import argparse
import re
import time

from common import WORK, newsx_cmd, timed
from corpus import make_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--distinct", type=int, default=None,
                        help="different texts among the n articles (default: all; see corpus.make_corpus)")
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--steps-only", action="store_true",
                        help="skip the changed-file run; time only the corpus-level steps (needs the warm cache)")
    args = parser.parse_args()

    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import analyse_articles, index_from_analyses
    from newsx.core.settings import Settings
    from newsx.core.store.cache import open_cache

    tag = f"{args.n}" + (f"-d{args.distinct}" if args.distinct else "")
    corpus, cache = WORK / f"corpus-{tag}", WORK / f"cache-{tag}"
    if not (corpus / ".complete").exists():
        make_corpus(corpus, args.n, distinct=args.distinct)
        (corpus / ".complete").write_text("")
    if not (args.steps_only and (cache / ".indexed").exists()):
        timed(newsx_cmd("index", str(corpus), "--cache-dir", str(cache)))  # warm (cold the first time: minutes)
        (cache / ".indexed").write_text("")

    if not args.steps_only:
        victim = sorted(corpus.glob("*/*.txt"))[len(list(corpus.glob("*/*.txt"))) // 2]
        original = victim.read_bytes()
        try:
            victim.write_bytes(original + b"\nOfficials said on Friday that 12 more people had been questioned.\n")
            elapsed, done = timed(newsx_cmd("index", str(corpus), "--cache-dir", str(cache)))
        finally:
            victim.write_bytes(original)
        found = re.search(r"indexed (\d+) articles \((\d+) parsed", done.stderr)
        print(f"one changed file of {args.n}: `newsx index` parsed {found.group(2)} article(s) in {elapsed:.2f} s")

    loaded = load_corpus([corpus])
    articles = list(loaded.articles)
    store, _notices = open_cache(cache)
    # The analyses only, from the cache: the corpus-level steps run below, size by size.
    try:
        analysed, _parsed, _ = analyse_articles(articles, Settings(cache_dir=cache), cache=store)
        analysed = {a.id: analysed[a.id] for a in articles}
    finally:
        if store:
            store.close()
    stages = ("entities", "events", "claims", "duplicates")
    previous = None
    print(f"{'articles':>8}  {'total s':>8}  " + "  ".join(f"{s:>10}" for s in stages) + "  vs half (total; each step)")
    for size in map(int, args.sizes.split(",")):
        subset = articles[:size]
        analyses = {a.id: analysed[a.id] for a in subset}
        runs = []
        for _ in range(3 if size <= 4000 else 1):
            marks = [time.perf_counter()]
            index_from_analyses(subset, analyses, progress=lambda stage, done, total, marks=marks: marks.append(time.perf_counter()))
            steps = [b - a for a, b in zip(marks[1:-1], marks[2:])]
            runs.append((marks[-1] - marks[0], steps))
        total, steps = min(runs)
        growth = ""
        if previous:
            # per doubling: near 2x is linear, near 4x quadratic
            growth = f"{total / previous[0]:.2f}x; " + " ".join(
                f"{now / before:.2f}x" if before > 0 else "-" for now, before in zip(steps, previous[1])
            )
        print(f"{size:>8}  {total:>8.2f}  " + "  ".join(f"{s:>10.3f}" for s in steps) + f"  {growth}")
        previous = (total, steps)


if __name__ == "__main__":
    main()
