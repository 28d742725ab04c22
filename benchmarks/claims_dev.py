"""The six ECB+ dev claim clusters in memory: articles and cached analyses, scored in-process.

Used by fit_claims.py (weights by leave-one-cluster-out) and for quick looks while working:
    python benchmarks/claims_dev.py [-v] [CLUSTER ...]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_claims import CLAIMS, EVAL, clusters, load_scorer, summarise  # noqa: E402


def load(names=None, cache_dir=None):
    """{cluster: (articles, analyses, gold)} with analyses from (and into) the cache."""
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import analyse_articles
    from newsx.core.settings import Settings
    from newsx.core.store.cache import open_cache

    cache_dir = Path(cache_dir or os.environ.get("NEWSX_CACHE_DIR") or ".cache-newsx")
    out = {}
    for name in names or clusters():
        loaded = load_corpus([EVAL / "ecbplus" / "articles" / name])
        cache, _ = open_cache(cache_dir)
        try:
            analyses, _, _ = analyse_articles(list(loaded.articles), Settings(cache_dir=cache_dir), cache=cache)
            analyses = {a.id: analyses[a.id] for a in loaded.articles}
        finally:
            if cache:
                cache.close()
        out[name] = (list(loaded.articles), analyses, json.loads((CLAIMS / f"{name}_claims.json").read_text()))
    return out


def score(data, group=None):
    """{cluster: scorer report} for grouping function `group(articles, analyses)`."""
    from newsx.core.link.claims.grouping import build_groups

    group = group or (lambda arts, ans: build_groups(arts, ans, []))
    scorer = load_scorer()
    return {name: scorer.score(gold, {"groups": [g.to_dict() for g in group(arts, ans)]}) for name, (arts, ans, gold) in data.items()}


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    names = [a for a in sys.argv[1:] if a != "-v"]
    rows = score(load(names or None))
    for name, r in rows.items():
        missed, wrong = r.pop("missed"), r.pop("wrongly_grouped")
        if verbose:
            print("==", name)
            for m in missed:
                print("  missed:", m)
            for a, b in wrong:
                print("  wrong:", a, "|", b)
    print(summarise(rows))
