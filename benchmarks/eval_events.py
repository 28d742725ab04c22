"""Score newsx's event linking against the ECB+ gold event chains.

    /work/venv/bin/python benchmarks/eval_events.py [CLUSTER ...]   (default: every cluster in gold/)

For each cluster it builds the real index (no cache) and reads the gold event mentions of validated
sentences that belong to cross-document chains (chain ids that are not INTRA_/SINGLETON_). A gold
mention is *found* when one of newsx's event triggers overlaps it. Then:
- chains recovered: gold chains with validated mentions in two or more documents whose found
  mentions, in at least two documents, land in one newsx event;
- pairwise precision/recall over found gold mentions in different documents (same gold chain vs
  same newsx event);
- wrong merges: newsx events that hold found mentions of two or more gold chains.
Also near-duplicate pairs against the claims table's `near_duplicates`, when it has one.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus"


def gold_mentions(gold: dict) -> list[dict]:
    """Validated event mentions of cross-document chains, with the line they sit on."""
    found = []
    for document in gold["documents"]:
        text = (ECBPLUS / document["txt"]).read_text(encoding="utf-8")
        for m in document["mentions"]:
            chain = m["chain_id"]
            if m["category"] != "event" or not m["in_validated_sentence"]:
                continue
            if chain.startswith(("INTRA_", "SINGLETON_")):
                continue
            line_start = text.rfind("\n", 0, m["start"]) + 1
            line_end = text.find("\n", m["end"])
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            found.append({**m, "doc": document["doc_id"], "line": line, "line_offset": m["start"] - line_start})
    return found


def locate(mention: dict, article_text: str) -> tuple[int, int] | None:
    """The gold mention's offsets in newsx's cleaned article text (cleaning may shift lines)."""
    at = article_text.find(mention["line"])
    if at < 0:
        return None
    start = at + mention["line_offset"]
    return start, start + len(mention["text"])


def score_cluster(name: str) -> dict:
    from newsx.core.corpus import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    gold = json.loads((ECBPLUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    loaded = load_corpus([ECBPLUS / "articles" / name])
    index = build_index(loaded, Settings(cache_dir=None))
    article_of = {a.id: a for a in index.articles}
    triggers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for event in index.events:
        for t in event.triggers:
            triggers[t.article].append((t.start, t.end, event.id))

    mentions = gold_mentions(gold)
    assigned: list[tuple[dict, str]] = []  # (gold mention, newsx event id)
    for m in mentions:
        article = article_of.get(m["doc"])
        span = locate(m, article.text) if article else None
        if span is None:
            continue
        for start, end, event_id in triggers.get(m["doc"], ()):
            if start < span[1] and span[0] < end:
                assigned.append((m, event_id))
                break

    chains_docs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        chains_docs[m["chain_id"]].add(m["doc"])
    multi = {c for c, docs in chains_docs.items() if len(docs) >= 2}
    recovered = set()
    by_chain_event: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m, event_id in assigned:
        by_chain_event[(m["chain_id"], event_id)].add(m["doc"])
    for (chain, _event), docs in by_chain_event.items():
        if chain in multi and len(docs) >= 2:
            recovered.add(chain)

    same_gold = same_pred = both = 0
    for (a, ea), (b, eb) in combinations(assigned, 2):
        if a["doc"] == b["doc"]:
            continue
        g = a["chain_id"] == b["chain_id"]
        p = ea == eb
        same_gold += g
        same_pred += p
        both += g and p
    chains_in_event: dict[str, set[str]] = defaultdict(set)
    for m, event_id in assigned:
        chains_in_event[event_id].add(m["chain_id"])
    wrong = {e: c for e, c in chains_in_event.items() if len(c) > 1}

    near_gold_path = ECBPLUS / "claims" / f"{name}_claims.json"
    near = None
    if near_gold_path.exists():
        expected = {tuple(sorted(p)) for p in json.loads(near_gold_path.read_text())["near_duplicates"]}
        got = {tuple(sorted((a, b))) for a, others in index.near_duplicates.items() for b in others}
        near = {"expected": len(expected), "found": len(got & expected), "extra": sorted(got - expected),
                "missed": sorted(expected - got)}
    return {
        "cluster": name,
        "gold_mentions": len(mentions),
        "found_mentions": len(assigned),
        "chains": len(multi),
        "chains_recovered": len(recovered),
        "pair_precision": both / same_pred if same_pred else None,
        "pair_recall": both / same_gold if same_gold else None,
        "events": len(index.events),
        "multi_article_events": sum(1 for e in index.events if len(e.articles) > 1),
        "wrong_merges": len(wrong),
        "wrong_merge_examples": [
            {"event": e, "label": next(ev.label for ev in index.events if ev.id == e), "chains": sorted(c)}
            for e, c in list(wrong.items())[:3]
        ],
        "near_duplicates": near,
    }


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in (ECBPLUS / "gold").glob("*.json"))
    for name in names:
        r = score_cluster(name)
        pp = "-" if r["pair_precision"] is None else f"{r['pair_precision']:.2f}"
        pr = "-" if r["pair_recall"] is None else f"{r['pair_recall']:.2f}"
        print(
            f"{name}: gold cross-doc event mentions {r['gold_mentions']}, found {r['found_mentions']} "
            f"({r['found_mentions'] / max(1, r['gold_mentions']):.0%}); chains recovered "
            f"{r['chains_recovered']}/{r['chains']}; pairwise precision {pp} recall {pr}; "
            f"events {r['events']} ({r['multi_article_events']} in 2+ articles); wrong merges {r['wrong_merges']}"
        )
        for w in r["wrong_merge_examples"]:
            print(f"    wrong merge {w['event']} {w['label']!r}: {', '.join(w['chains'])}")
        if r["near_duplicates"]:
            n = r["near_duplicates"]
            print(f"    near-duplicates: {n['found']}/{n['expected']} gold pairs, extra {n['extra']}, missed {n['missed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
