"""How long corpus entity linking takes on a large corpus (no spaCy in the timed part).

    /work/venv/bin/python benchmarks/bench_entities_scale.py [N_ARTICLES]

Parses the seeds and the ECB+ articles once (cached), then copies their analyses under new
article ids until there are N articles (default 10,000) and times `link_entities` alone.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus" / "articles"


def main(argv: list[str]) -> int:
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.link.entities.linking import link_entities
    from newsx.core.settings import Settings

    total = int(argv[0]) if argv else 10_000
    paths = [REPO / "seeds"] + ([ECBPLUS] if ECBPLUS.is_dir() else [])
    with tempfile.TemporaryDirectory() as cache:
        index = build_index(load_corpus(paths), Settings(cache_dir=Path(cache)))
    base = list(index.articles)
    articles, analyses = [], {}
    copy = 0
    while len(articles) < total:
        for article in base[: total - len(articles)]:
            clone = replace(article, id=f"{article.id}~{copy}")
            articles.append(clone)
            analyses[clone.id] = index.analyses[article.id]
        copy += 1
    spans = sum(len(a.mentions) for a in analyses.values())
    started = time.perf_counter()
    entities = link_entities(articles, analyses)
    took = time.perf_counter() - started
    print(f"link_entities: {len(articles)} articles, {spans} mentions -> {len(entities)} entities in {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
