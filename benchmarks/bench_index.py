"""Target 1 (issue 6): `newsx index` vs a bare `nlp.pipe` over the same texts, same model and components.

Builds a corpus of N distinct articles (seeds + ECB+ repeated with variations) in a temporary
folder, then, in the same run and alternating: the whole `newsx index` process (load, clean, parse,
analyse, cache writes, linking) with an empty cache, and a bare process that imports spaCy, loads the
same pipeline with the same components and runs `nlp.pipe` over the very texts newsx parses, with
the same batch size and number of processes. Both are timed as whole processes (start to exit).
The CPU seconds of each (its own and its workers') are printed too: on a shared machine they
vary less than wall-clock times.

    python benchmarks/bench_index.py [-n 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil

from common import PYTHON, WORK, median, newsx_cmd, ratio, timed
from corpus import make_corpus

BASELINE = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy
from newsx.core.nlp.pipeline import NEEDED_COMPONENTS, resolve_model_name
texts, n_process, batch_size, model = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.load(resolve_model_name(model))
nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in NEEDED_COMPONENTS])
t1 = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
    pass
print(json.dumps({"load": t1 - t0, "pipe": time.perf_counter() - t1, "components": nlp.pipe_names}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from newsx.core.corpus.loading import load_corpus
    from newsx.core.nlp.pipeline import choose_n_process
    from newsx.core.settings import Settings

    work = WORK / f"index-{args.n}"
    shutil.rmtree(work, ignore_errors=True)
    make_corpus(work / "corpus", args.n)
    settings = Settings()
    loaded = load_corpus([work / "corpus"])
    texts = [a.text for a in loaded.articles]
    words = sum(a.words for a in loaded.articles)
    n_process = choose_n_process(words, settings.n_process)
    (work / "texts.json").write_text(json.dumps([texts, n_process, settings.batch_size, settings.model]), encoding="utf-8")
    (work / "baseline.py").write_text(BASELINE, encoding="utf-8")
    print(f"corpus: {len(texts)} articles, {words:,} words; n_process={n_process}, batch_size={settings.batch_size}")

    newsx_times, base_times, pipe_times, newsx_cpu, base_cpu = [], [], [], [], []
    for run in range(args.runs):
        cache = work / f"cache{run}"
        before = children_cpu()
        elapsed, done = timed(newsx_cmd("index", str(work / "corpus"), "--cache-dir", str(cache)))
        newsx_cpu.append(children_cpu() - before)
        newsx_times.append(elapsed)
        summary = re.search(r"indexed .*", done.stderr)
        before = children_cpu()
        elapsed, done = timed([PYTHON, str(work / "baseline.py"), str(work / "texts.json")])
        base_cpu.append(children_cpu() - before)
        base_times.append(elapsed)
        info = json.loads(done.stdout)
        pipe_times.append(info["pipe"])
        print(f"run {run + 1}: newsx index {newsx_times[-1]:.1f} s, {newsx_cpu[-1]:.1f} CPU s ({summary.group(0) if summary else '?'}); "
              f"bare nlp.pipe process {elapsed:.1f} s, {base_cpu[-1]:.1f} CPU s (pipe alone {info['pipe']:.1f} s, components {info['components']})")
    n, b = median(newsx_times), median(base_times)
    print(f"median: newsx index {n:.1f} s = {words / n:,.0f} words/s; bare nlp.pipe {b:.1f} s = {words / b:,.0f} words/s")
    print(f"ratio newsx / bare: {ratio(n, b)} (target <= 1.2x); vs pipe alone: {ratio(n, median(pipe_times))}")
    print(f"CPU seconds: newsx {median(newsx_cpu):.1f}, bare {median(base_cpu):.1f}, ratio {ratio(median(newsx_cpu), median(base_cpu))}")


def children_cpu() -> float:
    """User + system seconds of every child process waited for so far (and of their children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
