"""How well the bounds of core.link.claims.dating hold: hide one dated article's date at a time.

For every dated article of a cluster, the corpus is indexed again with that article's date taken
away (so its relative dates stay unresolved, as in a real undated article), and the bounds it gets
are compared with the date it really has:

- bounded: share of hidden-date articles that get any bound;
- held: share of bounds that contain the true date (a wrong bound is worse than none);
- width: mean days between the bounds when both are there;
- claims dated: share of all claims of the cluster as indexed that have said_on or said_between.

Mean and worst cluster are printed (nothing here is fitted: the week reach is news convention).

    python benchmarks/eval_claim_dating.py                # the seeds and the six ECB+ claim clusters
    python benchmarks/eval_claim_dating.py PATH [PATH ...]
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus" / "articles"
DEFAULT = [REPO / "seeds", *(ECBPLUS / c for c in ("8ecbplus", "18ecbplus", "20ecbplus", "42ecbplus", "3ecbplus", "14ecbplus"))]


def evaluate(folder: Path, cache_dir: Path) -> dict:
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.link.claims.dating import is_dated
    from newsx.core.model.articles import LoadResult
    from newsx.core.settings import Settings

    settings = Settings(cache_dir=cache_dir, n_process=1)
    loaded = load_corpus([folder])
    index = build_index(loaded, settings)
    claims = [c for g in index.claim_groups for c in g.claims]
    result = {"cluster": folder.name, "articles": len(loaded.articles), "claims": len(claims),
              "claims_dated": sum(map(is_dated, claims)), "hidden": 0, "bounded": 0, "held": 0, "widths": []}
    for n, article in enumerate(loaded.articles):
        if not article.published:
            continue
        truth = date.fromisoformat(article.published[:10])
        hidden = list(loaded.articles)
        hidden[n] = replace(article, published=None)
        variant = build_index(LoadResult(hidden, list(loaded.problems)), settings)
        bounds = {c.said_between for g in variant.claim_groups for c in g.claims if c.article == article.id and c.said_between}
        if not any(c.article == article.id for g in variant.claim_groups for c in g.claims):
            # No claim to date: the bounds are still worked out, from the article's events.
            from newsx.core.link.claims.dating import article_bounds

            event_at = {(m.article, m.start): e for e in variant.events for m in e.triggers}
            copies = [hidden[i].published for i, a in enumerate(hidden) if a.id in variant.near_duplicates.get(article.id, ()) and hidden[i].published]
            dated = {a.id for a in hidden if a.published}
            found = article_bounds(hidden[n], variant.analyses.get(article.id), event_at, copies, dated)
            bounds = {found} if found != (None, None) else set()
        result["hidden"] += 1
        if not bounds:
            continue
        low, high = next(iter(bounds))
        result["bounded"] += 1
        ok = (low is None or date.fromisoformat(low) <= truth) and (high is None or truth <= date.fromisoformat(high))
        result["held"] += ok
        if not ok:
            print(f"  {folder.name}/{article.id}: true {truth}, bounds {low}..{high}", file=sys.stderr)
        if low and high:
            result["widths"].append((date.fromisoformat(high) - date.fromisoformat(low)).days)
    return result


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [f for f in DEFAULT if f.is_dir()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            r = evaluate(folder, Path(tmp))
            rows.append(r)
            width = sum(r["widths"]) / len(r["widths"]) if r["widths"] else float("nan")
            print(
                f"{r['cluster']:>12}: {r['articles']:3} articles, claims dated {r['claims_dated']}/{r['claims']}; "
                f"hidden {r['hidden']:3}, bounded {r['bounded']:3}, held {r['held']:3}, two-sided width {width:.1f} days"
            )

    def share(r, a, b):
        return r[a] / r[b] if r[b] else None

    for name, a, b in (("claims dated", "claims_dated", "claims"), ("bounded", "bounded", "hidden"), ("held", "held", "bounded")):
        values = [v for v in (share(r, a, b) for r in rows) if v is not None]
        if values:
            print(f"{name:>12}: mean {sum(values) / len(values):.2f}, worst {min(values):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
