"""Fit the claim-similarity weights (core.link.claims.similarity.Weights) by leave-one-cluster-out.

usage: python benchmarks/fit_claims.py [--rounds N]

For each of the six ECB+ dev claim clusters: fit the weights on the five others (coordinate
descent over a small grid per weight, objective = mean + worst grouping F1 of the five; a change
that makes any of the five worse is not taken), then score
the held-out cluster with them. Prints the held-out figures (their mean and worst: the honest
estimate), and the weights fit on all six (what core.link.claims.similarity ships, by hand).
Needs the analyses in the cache (NEWSX_CACHE_DIR; run benchmarks/claims_dev.py once).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_dev import load, score  # noqa: E402

from newsx.core.link.claims import similarity as claim_similarity  # noqa: E402

GRID = {
    "threshold": (0.2, 0.3, 0.45, 0.6, 0.8),
    "merge_threshold": (0.2, 0.3, 0.45, 0.6, 0.8),
    "context": (0.4, 0.8, 1.2),
    "extra_differ": (0.2, 0.4, 0.7, 1.0, 3.0),
    "event_same": (0.2, 0.5, 0.8),
    "event_differ": (0.0, 0.4, 0.8),
    "event_decisive_other": (0.0, 0.3, 0.6, 1.0),
    "anchor_same": (0.3, 0.6, 0.9),
    "anchor_differ": (0.2, 0.5, 1.0),
    "place_one_side": (0.0, 0.3, 0.6),
    "value_same": (0.3, 0.6, 1.0),
    "value_log_ratio": (0.2, 0.5, 1.0),
    "ratio_same_day": (1.5, 2.5, 4.0),
    "ratio_measure": (1.5, 2.0, 3.0),
    "same_article_differ": (0.0, 0.5, 1.0),
    "place_shared": (0.2, 0.4, 0.8),
    "time_same": (0.0, 0.2, 0.5),
    "place_disjoint": (0.0, 0.4, 0.8),
}


def objective(data, weights) -> tuple[float, dict]:
    claim_similarity.WEIGHTS = weights
    rows = score(data)
    f1 = [r["grouping_f1"] for r in rows.values()]
    return sum(f1) / len(f1) + min(f1), rows


def _f1s(rows) -> dict:
    return {k: r["grouping_f1"] for k, r in rows.items()}


def fit(data, start, rounds: int, min_gain: float = 0.01, tolerance: float = 0.005):
    """Coordinate descent; a change is kept only when it raises the objective by `min_gain` and
    lowers no training cluster by more than `tolerance`: a weight that helps some clusters at the
    cost of another is a trade between stories, which a held-out story tends to lose."""
    best = start
    best_value, rows = objective(data, best)
    best_f1 = _f1s(rows)
    for _ in range(rounds):
        for name, values in GRID.items():
            for v in values:
                trial = replace(best, **{name: v})
                value, rows = objective(data, trial)
                f1 = _f1s(rows)
                if value > best_value + min_gain and all(f1[k] >= best_f1[k] - tolerance for k in f1):
                    best, best_value, best_f1 = trial, value, f1
    return best, best_value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--min-gain", type=float, default=0.01, help="smallest objective gain a change must bring")
    args = parser.parse_args()
    data = load()
    start = claim_similarity.Weights()
    held = {}
    for name in data:
        train = {k: v for k, v in data.items() if k != name}
        weights, _ = fit(train, start, args.rounds, args.min_gain)
        claim_similarity.WEIGHTS = weights
        held[name] = score({name: data[name]})[name]["grouping_f1"]
        moved = {k: v for k, v in asdict(weights).items() if v != getattr(start, k)}
        print(f"held out {name:<10} grouping F1 {held[name]:.3f}  (fit on the other five; moved {moved})", flush=True)
    values = list(held.values())
    print(f"LOO grouping F1: mean {sum(values) / len(values):.3f}, worst {min(values):.3f}")
    weights, _ = fit(data, start, args.rounds, args.min_gain)
    claim_similarity.WEIGHTS = weights
    rows = score(data)
    print("fit on all six:", {k: v for k, v in asdict(weights).items()})
    print("in-sample grouping F1:", {k: round(r["grouping_f1"], 3) for k, r in rows.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
