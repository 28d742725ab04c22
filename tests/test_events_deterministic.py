"""The same articles give the same events in every run (the Timeline must not change on reopening
because Python salted its string hashes differently)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys

from conftest import ecbplus_cluster

from newsx.core.store.cache import CACHE_FILE

EVENTS_OF = (
    "import json, sys\n"
    "from pathlib import Path\n"
    "from newsx.core.corpus.loading import load_corpus\n"
    "from newsx.core.index import build_index\n"
    "from newsx.core.settings import Settings\n"
    "index = build_index(load_corpus([Path(sys.argv[1])]), Settings(cache_dir=Path(sys.argv[2])))\n"
    "print(json.dumps([(e.label, sorted(e.articles), e.date) for e in index.events]))\n"
)


def events_with_hash_seed(folder, cache_dir, seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-c", EVENTS_OF, str(folder), str(cache_dir)], capture_output=True, text=True, env=env, check=True, timeout=600
    )
    return json.loads(out.stdout)


def test_events_do_not_depend_on_the_hash_seed(tmp_path):
    # A boxing story whose bouts and title fights tie on shared names: which event one report
    # joined depended on set order.
    folder = ecbplus_cluster("7ecb")
    first = tmp_path / "seed-1"
    runs = [events_with_hash_seed(folder, first, "1")]
    for seed in ("2", "3"):
        # the first run's per-article analyses, without its linked results: only linking runs again
        cache = tmp_path / f"seed-{seed}"
        shutil.copytree(first, cache)
        with sqlite3.connect(cache / CACHE_FILE) as db:
            db.execute("delete from corpus_results")
        runs.append(events_with_hash_seed(folder, cache, seed))
    assert runs[0] and runs[0] == runs[1] == runs[2]
