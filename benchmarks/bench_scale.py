"""Target 3 (issue 6): 10,000 articles. Warm reopen, memory, key latency, Claims and Entities screens.

Builds (once) a corpus of N distinct articles in the benchmark folder and indexes it cold (this
takes minutes: every article is parsed). Then, with the cache warm:
- `newsx index` (load + cache reads + cached corpus-level results) as a whole process, and the
  in-process split between loading the files and building the index;
- time to first screen in a pty, newsx vs a bare Textual app showing the same titles;
- a Pilot-driven run in a fresh process: index ready, median latency of moving through the
  article list (j) and opening an article (enter), opening the Entities (2) and Claims (3)
  screens, and the peak resident memory of that process; then the same key measurement on the
  bare app's DataTable of the same titles, for a ratio. A key's latency runs from sending it to
  the last frame the app draws for it, once the app shows the new state (see `FrameClock`).

    python benchmarks/bench_scale.py [-n 10000] [--runs 3] [--keys-only]
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


class FrameClock:
    """When the app last drew a frame (its compositor output handed to the driver).

    Key latency is measured from sending the key to the last frame drawn in answer to it, once
    the app has gone idle *and* shows the new state (`settled`): so deferred work (timers, idle
    callbacks) counts in full. Pilot's own `press` + `pause` also sleep at least 3 x 20 ms to
    detect idleness: that time is printed apart, not counted as the app's.
    """

    def __init__(self, app) -> None:
        self.last = 0.0
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.last = time.perf_counter()

        app._display = timed_display


async def key_latency(pilot, clock: FrameClock, key: str, settled=lambda: True) -> tuple[float, float]:
    """(ms to the last frame drawn for the key, ms Pilot's press + pause took)."""
    start = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    waited = time.perf_counter()
    while not settled() and time.perf_counter() - waited < 5:
        await pilot.pause(0.01)
    pilot_ms = (time.perf_counter() - start) * 1000
    return max(0.0, clock.last - start) * 1000, pilot_ms


def read_screen_settled(app) -> bool:
    """The Read screen shows the highlighted article, its entities filled in, nothing left to draw."""
    screen = app.screen
    articles = screen.query("#articles")
    if not articles:
        return True
    highlighted = articles.first().highlighted_id
    reader = screen.query_one("#reader")
    return (reader.article is not None and reader.article.id == highlighted
            and not screen._dirty_widgets and not screen._layout_required)


async def pilot_run(corpus: Path, cache: Path) -> dict:
    from newsx.core.settings import Settings
    from newsx.tui.app import NewsxApp

    start = time.perf_counter()
    app = NewsxApp([corpus], Settings(cache_dir=cache))
    made = time.perf_counter() - start
    result: dict = {"load_corpus_s": made}
    async with app.run_test(size=(120, 40)) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        # Pilot's first pause also waits for what follows the first frame (the index worker):
        # the first screen itself is timed in the pty above.
        result["first_pause_s"] = time.perf_counter() - start
        while getattr(app, "index", None) is None and time.perf_counter() - start < 120:
            await pilot.pause(0.01)
        result["index_ready_s"] = time.perf_counter() - start
        result["index_loaded"] = getattr(app, "index", None) is not None
        await pilot.pause(0.2)

        def settled() -> bool:
            return read_screen_settled(app)

        async def key_ms(key: str) -> float:
            return (await key_latency(pilot, clock, key, settled))[0]

        moves = [await key_latency(pilot, clock, "j", settled) for _ in range(40)]
        result["move_ms"] = median([m[0] for m in moves])
        result["move_pilot_ms"] = median([m[1] for m in moves])
        opens = []
        for _ in range(15):
            opens.append(await key_latency(pilot, clock, "enter", settled))
            await key_ms("escape")
            await key_ms("j")
        result["open_article_ms"] = median([o[0] for o in opens])
        result["open_article_pilot_ms"] = median([o[1] for o in opens])
        for name, key in (("entities", "2"), ("claims", "3")):
            times = []
            for _ in range(3):
                times.append(await key_ms(key))
                await key_ms("1")
            result[f"{name}_screen_ms"] = times[0]
            result[f"{name}_screen_again_ms"] = median(times[1:])
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


async def bare_pilot_run(titles_json: Path) -> dict:
    """The same key measurements on the bare Textual app (a DataTable of the same titles)."""
    sys.path.insert(0, str(HERE))
    from bare_app import BareApp
    from textual.widgets import DataTable

    app = BareApp(json.loads(titles_json.read_text(encoding="utf-8")))
    async with app.run_test(size=(120, 40)) as pilot:
        clock = FrameClock(app)
        await pilot.pause()
        app.query_one(DataTable).focus()
        await pilot.pause(0.2)
        # DataTable has no j binding: down is the same move.
        moves = [await key_latency(pilot, clock, "down") for _ in range(40)]
    return {"move_ms": median([m[0] for m in moves]), "move_pilot_ms": median([m[1] for m in moves])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--distinct", type=int, default=None,
                        help="different texts among the n articles (default: all; see corpus.make_corpus)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pilot", nargs=2, metavar=("CORPUS", "CACHE"), help=argparse.SUPPRESS)
    parser.add_argument("--pilot-bare", metavar="TITLES_JSON", help=argparse.SUPPRESS)
    parser.add_argument("--keys-only", action="store_true",
                        help="only the Pilot key latencies (newsx and the bare app), on an already built corpus")
    args = parser.parse_args()
    if args.pilot:
        print(json.dumps(asyncio.run(pilot_run(Path(args.pilot[0]), Path(args.pilot[1])))))
        return
    if args.pilot_bare:
        print(json.dumps(asyncio.run(bare_pilot_run(Path(args.pilot_bare)))))
        return

    from corpus import make_corpus

    from newsx.core.corpus.loading import load_corpus
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

    titles_json = WORK / f"titles-{tag}.json"
    if args.keys_only:
        if not titles_json.exists():
            titles_json.write_text(json.dumps([a.title for a in load_corpus([corpus], cache_dir=cache).articles]), encoding="utf-8")
        pilot_report(corpus, cache, titles_json)
        return

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
    titles_json.write_text(json.dumps(titles), encoding="utf-8")
    markers = [x[:10].encode() for x in titles[:200] if len(x) >= 10]
    newsx = newsx_cmd(str(corpus), "--cache-dir", str(cache))
    bare = [PYTHON, str(HERE / "bare_app.py"), str(titles_json)]
    screens = {"newsx": [], "bare": []}
    for _ in range(args.runs):
        for name, cmd in (("newsx", newsx), ("bare", bare)):
            screens[name].append(first_screen(cmd, markers, timeout=120)["seconds"])
    n, b = median(screens["newsx"]), median(screens["bare"])
    print(f"first screen in a pty ({args.n} titles): newsx {n:.2f} s, bare Textual app {b:.2f} s, ratio {ratio(n, b)}")

    pilot_report(corpus, cache, titles_json)


def pilot_report(corpus: Path, cache: Path, titles_json: Path) -> None:
    """Each Pilot run in a fresh process: newsx, then the bare app on the same titles."""
    done = timed([PYTHON, __file__, "--pilot", str(corpus), str(cache)])[1]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    bare = json.loads(timed([PYTHON, __file__, "--pilot-bare", str(titles_json)])[1].stdout.strip().splitlines()[-1])
    print("Pilot run (fresh process):")
    for key, value in got.items():
        print(f"  {key}: {value:.3f}" if isinstance(value, float) else f"  {key}: {value}")
    print("  key latency is from the key to the last frame drawn for it (*_pilot_ms: Pilot's press + pause, "
          "which sleep >= 60 ms to detect idleness)")
    print(f"bare Textual app, DataTable of the same titles: down {bare['move_ms']:.1f} ms "
          f"(Pilot press + pause {bare['move_pilot_ms']:.1f} ms); newsx j {got['move_ms']:.1f} ms, "
          f"ratio {ratio(got['move_ms'], bare['move_ms'])}")
    print("targets: reopen < 2 s, RSS < 500 MB, keys < 50 ms (median), Claims/Entities < 300 ms")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
