"""Target 3 (issue 6): 10,000 articles. Warm reopen, memory, key latency, Claims and Entities screens.

Builds (once) a corpus of N distinct articles in the benchmark folder and indexes it cold (this
takes minutes: every article is parsed). Then, with the cache warm:
- `newsx index` (load + cache reads + cached corpus-level results) as a whole process, and the
  in-process split between loading the files and building the index;
- time to first screen in a pty, newsx vs a bare Textual app showing the same titles;
- a Pilot-driven run in a fresh process: index ready, median latency of moving through the
  article list (j) and opening an article (enter), opening the Entities (2) and Claims (3)
  screens, and the peak resident memory of that process.

    python benchmarks/bench_scale.py [-n 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from pathlib import Path

from common import PYTHON, WORK, first_screen, median, newsx_cmd, ratio, timed

HERE = Path(__file__).resolve().parent


async def pilot_run(corpus: Path, cache: Path) -> dict:
    from newsx.core.settings import Settings
    from newsx.tui.app import NewsxApp

    start = time.perf_counter()
    app = NewsxApp([corpus], Settings(cache_dir=cache))
    made = time.perf_counter() - start
    result: dict = {"load_corpus_s": made}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        result["first_screen_s"] = time.perf_counter() - start
        while getattr(app, "index", None) is None and time.perf_counter() - start < 120:
            await pilot.pause(0.01)
        result["index_ready_s"] = time.perf_counter() - start
        result["index_loaded"] = getattr(app, "index", None) is not None

        async def key_ms(key: str) -> float:
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            return (time.perf_counter() - t) * 1000

        result["move_ms"] = median([await key_ms("j") for _ in range(40)])
        opens = []
        for _ in range(5):
            opens.append(await key_ms("enter"))
            await key_ms("escape")
            await key_ms("j")
        result["open_article_ms"] = median(opens)
        for name, key in (("entities", "2"), ("claims", "3")):
            times = []
            for _ in range(3):
                times.append(await key_ms(key))
                await key_ms("1")
            result[f"{name}_screen_ms"] = times[0]
            result[f"{name}_screen_again_ms"] = median(times[1:])
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--distinct", type=int, default=None,
                        help="different texts among the n articles (default: all; see corpus.make_corpus)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pilot", nargs=2, metavar=("CORPUS", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pilot:
        print(json.dumps(asyncio.run(pilot_run(Path(args.pilot[0]), Path(args.pilot[1])))))
        return

    from corpus import make_corpus
    from newsx.core.corpus import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    tag = f"{args.n}" + (f"-d{args.distinct}" if args.distinct else "")
    corpus, cache = WORK / f"corpus-{tag}", WORK / f"cache-{tag}"
    if not (corpus / ".complete").exists():
        make_corpus(corpus, args.n, distinct=args.distinct)
        (corpus / ".complete").write_text("")
    if not (cache / ".indexed").exists():
        elapsed, done = timed(newsx_cmd("index", str(corpus), "--cache-dir", str(cache)))
        print(f"cold index of {args.n} articles: {elapsed:.0f} s; {done.stderr.strip().splitlines()[-1]}")
        (cache / ".indexed").write_text("")

    warm = [timed(newsx_cmd("index", str(corpus), "--cache-dir", str(cache)))[0] for _ in range(args.runs)]
    print(f"warm `newsx index` process: median {median(warm):.2f} s (target: reopen < 2 s)")

    t = time.perf_counter()
    loaded = load_corpus([corpus], cache_dir=cache)  # as newsx does: unchanged files from the cache
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    index = build_index(loaded, Settings(cache_dir=cache))
    t_index = time.perf_counter() - t
    print(f"  in process: load_corpus {t_load:.2f} s, build_index from cache {t_index:.2f} s "
          f"(parsed {index.parsed}; {len(index.entities)} entities, {len(index.claim_groups)} claim groups)")

    titles = [a.title for a in loaded.articles]
    (WORK / "titles-scale.json").write_text(json.dumps(titles), encoding="utf-8")
    markers = [x[:10].encode() for x in titles[:200] if len(x) >= 10]
    newsx = newsx_cmd(str(corpus), "--cache-dir", str(cache))
    bare = [PYTHON, str(HERE / "bare_app.py"), str(WORK / "titles-scale.json")]
    screens = {"newsx": [], "bare": []}
    for _ in range(args.runs):
        for name, cmd in (("newsx", newsx), ("bare", bare)):
            screens[name].append(first_screen(cmd, markers, timeout=120)["seconds"])
    n, b = median(screens["newsx"]), median(screens["bare"])
    print(f"first screen in a pty ({args.n} titles): newsx {n:.2f} s, bare Textual app {b:.2f} s, ratio {ratio(n, b)}")

    done = timed([PYTHON, __file__, "--pilot", str(corpus), str(cache)])[1]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    print("Pilot run (fresh process):")
    for key, value in got.items():
        print(f"  {key}: {value:.3f}" if isinstance(value, float) else f"  {key}: {value}")
    print("targets: reopen < 2 s, RSS < 500 MB, keys < 50 ms (median), Claims/Entities < 300 ms")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
