"""Fit the story pass's DOMINANT_SHARE on half the ECB+ topics and report on the other half.

    python benchmarks/fit_story_share.py

A main kind of event reported by that share of a corpus's articles joins its reports on dates and
people alone (core/link/events/story.py). Topics are split even/odd by number; each half picks the share
that scores best on it (B-cubed F1 plus the main event's coverage) and the other half is reported
with it. Analyses come from eval_events' cache.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_events  # noqa: E402

SHARES = (0.35, 0.5, 0.7, 1.01)  # 1.01: never (the pass without the rule)


def _topic(name: str) -> int:
    return int("".join(ch for ch in name if ch.isdigit()))


def main() -> int:
    from newsx.core.link.events import story as event_story
    from newsx.core.link.events.linking import link_events

    names = sorted(p.stem for p in (eval_events.ECBPLUS / "gold").glob("*.json"))
    indexes = {n: eval_events.load_cluster(n) for n in names}
    scores = {}
    for share in SHARES:
        event_story.DOMINANT_SHARE = share
        scores[share] = {n: eval_events.score_cluster(n, ix, link_events(list(ix.articles), ix.analyses, list(ix.entities)))
                         for n, ix in indexes.items()}
        print(f"share {share}: {eval_events.summary(list(scores[share].values()))}")
    even = [n for n in names if _topic(n) % 2 == 0]
    odd = [n for n in names if _topic(n) % 2]
    value = lambda r: r["b3_f1"] + (r["main_coverage"] or 0.0)  # noqa: E731
    for fit, held, label in ((even, odd, "fit on even topics, odd held out"), (odd, even, "fit on odd topics, even held out")):
        best = max(SHARES, key=lambda s: (sum(value(scores[s][n]) for n in fit), -s))
        print(f"{label}: share {best}; {eval_events.summary([scores[best][n] for n in held])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
