"""Target 2 (issue 6): warm reopen of the bundled corpus vs a bare Textual app, in a pseudo-terminal.

Both programs run in a real pty (120x40, TERM=xterm-256color); the time is from spawning the process
to the first article title appearing in what it writes to the terminal. Then `-X importtime` shows
which heavy modules the warm path imports (spaCy must not be one).

    python benchmarks/bench_reopen.py [--runs 7] [PATH ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
from pathlib import Path

from common import PYTHON, WORK, first_screen, median, newsx_cmd, ratio, timed

HERE = Path(__file__).resolve().parent
HEAVY = ("spacy", "thinc", "torch", "rapidfuzz", "dateparser", "trafilatura", "feedparser")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="corpus (default: the bundled seeds)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    # Warm means warm bytecode too: an installed package has its .pyc files, so let the first
    # (warm-up) run write them even where the environment says not to.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    from newsx.core.corpus.loading import load_corpus

    work = WORK / "reopen"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache = work / "cache"
    loaded = load_corpus([Path(p) for p in args.paths])
    titles = [a.title for a in loaded.articles]
    (work / "titles.json").write_text(json.dumps(titles), encoding="utf-8")
    markers = [t[:10].encode() for t in titles if len(t) >= 10]

    cold, _ = timed(newsx_cmd("index", *args.paths, "--cache-dir", str(cache)))
    print(f"corpus: {len(titles)} articles; cold `newsx index`: {cold:.2f} s")

    newsx = newsx_cmd(*args.paths, "--cache-dir", str(cache))
    bare = [PYTHON, str(HERE / "bare_app.py"), str(work / "titles.json")]
    times = {"newsx": [], "bare": []}
    rss = {"newsx": [], "bare": []}
    first_screen(bare, markers)  # warm the OS file cache for both
    first_screen(newsx, markers)
    for _ in range(args.runs):
        for name, cmd in (("newsx", newsx), ("bare", bare)):
            got = first_screen(cmd, markers)
            times[name].append(got["seconds"])
            rss[name].append(got["rss_mb"])
    n, b = median(times["newsx"]), median(times["bare"])
    print(f"first screen, median of {args.runs}: newsx {n * 1000:.0f} ms, bare Textual app {b * 1000:.0f} ms, ratio {ratio(n, b)} (target <= 1.25x)")
    print(f"peak RSS: newsx {median(rss['newsx']):.0f} MB, bare {median(rss['bare']):.0f} MB")

    got = first_screen([PYTHON, "-X", "importtime", "-m", "newsx", *args.paths, "--cache-dir", str(cache)], markers)
    text = got["output"].decode("utf-8", "replace")
    imported = set(re.findall(r"import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)", text))
    heavy = sorted({m.split(".")[0] for m in imported if m.split(".")[0] in HEAVY})
    print(f"-X importtime up to the first screen: {len(imported)} modules; heavy ones: {', '.join(heavy) or 'none'}")
    print("spaCy imported on the warm path:", "YES" if "spacy" in heavy else "no")


if __name__ == "__main__":
    main()
