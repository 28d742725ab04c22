"""Score newsx's event linking against the ECB+ gold event chains.

    python benchmarks/eval_events.py [--quiet] [--paired] [CLUSTER ...]   (default: all 72 clusters in gold/)

For each cluster it builds the real index (per-article analyses cached in benchmarks/out/cache, by
PIPELINE_VERSION; the corpus steps always rerun) and reads the gold event mentions of validated
sentences that belong to cross-document chains (chain ids that are not INTRA_/SINGLETON_). A gold
mention is *found* when one of newsx's event triggers overlaps it (on the title line, one newsx found in the headline). Then:
- B-cubed F1 of newsx's events against the gold chains, over those mentions (a mention no trigger
  found counts as a singleton);
- the main chain: the gold chain spanning the most documents. Its event is the newsx event holding
  found mentions of it with the most of its documents among its articles; coverage is that share,
  and its date is right when within a day of the date most of those documents were published on
  (when they have dates); and whether the event listed first covers as many of them (what a
  reader of `newsx events` sees first) and is dated right;
- with --paired, both halves of a topic in one corpus: the share of each main event's articles
  that belong to the other story (two earthquakes, years apart, must stay two events);
- big events: newsx events whose articles are half the cluster's or more (a story should have few);
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
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path
from statistics import mean

from newsx.core.model.analyses import HEADLINE_SENTENCE

REPO = Path(__file__).resolve().parent.parent
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus"
CACHE = REPO / "benchmarks" / "out" / "cache"


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
            found.append({**m, "doc": document["doc_id"], "line": line, "line_offset": m["start"] - line_start,
                          "title_line": line_start == 0})
    return found


def locate(mention: dict, article_text: str) -> tuple[int, int] | None:
    """The gold mention's offsets in newsx's cleaned article text (cleaning may shift lines)."""
    at = article_text.find(mention["line"])
    if at < 0:
        return None
    start = at + mention["line_offset"]
    return start, start + len(mention["text"])


def locate_in_title(mention: dict, title: str) -> tuple[int, int] | None:
    """The gold mention's offsets in newsx's title, when it is on the file's first line (the title)."""
    if not mention["title_line"] or not title:
        return None
    at = title.find(mention["line"]) if len(title) >= len(mention["line"]) else (0 if mention["line"].startswith(title) else -1)
    if at < 0:
        return None
    start = at + mention["line_offset"]
    return (start, start + len(mention["text"])) if start + len(mention["text"]) <= len(title) else None


def b_cubed(assigned: list[tuple[dict, str | None]]) -> tuple[float, float]:
    """B-cubed precision and recall over the gold mentions: each mention's gold chain against its
    newsx event (a mention no trigger found is a response singleton)."""
    if not assigned:
        return 0.0, 0.0
    response: dict[str, set[int]] = defaultdict(set)
    key: dict[str, set[int]] = defaultdict(set)
    for n, (m, event_id) in enumerate(assigned):
        key[m["chain_id"]].add(n)
        response[event_id if event_id is not None else f"unfound{n}"].add(n)
    precision = recall = 0.0
    for n, (m, event_id) in enumerate(assigned):
        k = key[m["chain_id"]]
        r = response[event_id if event_id is not None else f"unfound{n}"]
        common = len(k & r)
        precision += common / len(r)
        recall += common / len(k)
    return precision / len(assigned), recall / len(assigned)


def main_chain(mentions: list[dict]) -> tuple[str, set[str]] | None:
    """The gold cross-document event chain that spans the most documents (ties: most mentions)."""
    docs: dict[str, set[str]] = defaultdict(set)
    count: Counter[str] = Counter()
    for m in mentions:
        docs[m["chain_id"]].add(m["doc"])
        count[m["chain_id"]] += 1
    if not docs:
        return None
    chain = max(docs, key=lambda c: (len(docs[c]), count[c], c))
    return chain, docs[chain]


def inferred_date(articles) -> str | None:
    """The date the chain's articles were published on most (earliest on a tie): the gold date,
    within a day, when the articles have dates."""
    dates = Counter(a.published for a in articles if a.published)
    if not dates:
        return None
    return max(dates, key=lambda d: (dates[d], [-ord(c) for c in d]))


def days_apart(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except (TypeError, ValueError):
        return None


def load_cluster(name: str):
    """The cluster's index (analyses from the cache when they are there)."""
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    loaded = load_corpus([ECBPLUS / "articles" / name])
    return build_index(loaded, Settings(cache_dir=CACHE))


def score_cluster(name: str, index=None, events=None) -> dict:
    """Scores of `events` (default: the index's own) against the cluster's gold."""
    gold = json.loads((ECBPLUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    index = index if index is not None else load_cluster(name)
    events = list(index.events if events is None else events)
    article_of = {a.id: a for a in index.articles}
    triggers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    headline_triggers: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # offsets in the title
    for event in events:
        for t in event.triggers:
            found_in = headline_triggers if t.sentence == HEADLINE_SENTENCE else triggers
            found_in[t.article].append((t.start, t.end, event.id))

    mentions = gold_mentions(gold)
    assigned: list[tuple[dict, str]] = []  # (gold mention, newsx event id)
    every: list[tuple[dict, str | None]] = []  # every gold mention, None when not found
    for m in mentions:
        article = article_of.get(m["doc"])
        hit = None
        for span, found_in in ((locate(m, article.text) if article else None, triggers),
                               (locate_in_title(m, article.title) if article else None, headline_triggers)):
            for start, end, event_id in found_in.get(m["doc"], ()) if span else ():
                if start < span[1] and span[0] < end:
                    hit = event_id
                    break
            if hit is not None:
                break
        every.append((m, hit))
        if hit is not None:
            assigned.append((m, hit))
    bp, br = b_cubed(every)
    event_of = {e.id: e for e in events}
    main = main_chain(mentions)
    coverage = date_right = main_label = main_date = gold_date = first_dated_right = None
    first_is_main = False
    foreign = 0.0  # the share of the main event's articles from another story (paired runs)
    if main:
        chain, docs = main
        candidates = {e for m, e in assigned if m["chain_id"] == chain}
        # On a tie, the event listed first wins (the same in every run, whatever the hash order).
        listed = {e.id: n for n, e in enumerate(events)}
        best = max(candidates, key=lambda e: (len(docs & set(event_of[e].articles)), -len(event_of[e].articles), -listed[e]), default=None)
        coverage = len(docs & set(event_of[best].articles)) / len(docs) if best else 0.0
        gold_date = inferred_date([article_of[d] for d in docs if d in article_of])
        if best:
            main_label, main_date = event_of[best].label, event_of[best].date
            own = {d["doc_id"] for d in gold["documents"]}
            foreign = sum(1 for a in event_of[best].articles if a not in own) / len(event_of[best].articles)
        if gold_date:
            apart = days_apart(main_date, gold_date) if main_date else None
            date_right = apart is not None and apart <= 1
        # What a listing (the JSON, `newsx events`) opens on: the main event, and dated right?
        first = events[0] if events else None
        first_is_main = first is not None and len(docs & set(first.articles)) >= len(docs & set(event_of[best].articles) if best else 0) > 0
        if first is not None and gold_date:
            apart = days_apart(first.date, gold_date) if first.date else None
            first_dated_right = apart is not None and apart <= 1
    half = len(index.articles) / 2
    big = sum(1 for e in events if len(e.articles) >= half)

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
        expected = {tuple(sorted(p)) for p in json.loads(near_gold_path.read_text()).get("near_duplicates", [])}
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
        "events": len(events),
        "multi_article_events": sum(1 for e in events if len(e.articles) > 1),
        "b3_precision": bp,
        "b3_recall": br,
        "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
        "main_docs": len(main[1]) if main else 0,
        "main_coverage": coverage,
        "main_label": main_label,
        "main_date": main_date,
        "gold_date": gold_date,
        "date_right": date_right,
        "first_is_main": first_is_main,
        "first_dated_right": first_dated_right,
        "first_label": events[0].label if events else None,
        "first_date": events[0].date if events else None,
        "big_events": big,
        "main_foreign": foreign,
        "wrong_merges": len(wrong),
        "wrong_merge_examples": [
            {"event": e, "label": event_of[e].label, "chains": sorted(c)}
            for e, c in list(wrong.items())[:3]
        ],
        "near_duplicates": near,
    }


def summary(results: list[dict]) -> str:
    """Mean and worst over the clusters, and the main-event targets."""
    f1 = [r["b3_f1"] for r in results]
    cover = [r["main_coverage"] for r in results if r["main_coverage"] is not None]
    dated = [r["date_right"] for r in results if r["date_right"] is not None]
    first_dated = [r["first_dated_right"] for r in results if r["first_dated_right"] is not None]
    big = [r["big_events"] for r in results]
    chains = sum(r["chains"] for r in results)
    recovered = sum(r["chains_recovered"] for r in results)
    wrong = sum(r["wrong_merges"] for r in results)
    return (
        f"{len(results)} clusters: B-cubed F1 mean {mean(f1):.3f} worst {min(f1):.3f}; "
        f"main event covers mean {mean(cover):.0%} worst {min(cover):.0%} of its articles; "
        f"dated right {sum(dated)}/{len(dated)}; events on half the articles mean {mean(big):.1f} max {max(big)}; "
        f"chains recovered {recovered}/{chains}; wrong merges {wrong}; "
        f"listed first: the main event in {sum(r['first_is_main'] for r in results)}/{len(results)}, "
        f"dated right {sum(first_dated)}/{len(first_dated)}"
    )


def paired(names: list[str]) -> int:
    """Both halves of each topic (two stories of one kind: two earthquakes years apart) in one
    corpus: each main event must keep to its own story."""
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    topics = sorted({n.removesuffix("plus").removesuffix("ecb") for n in names})
    results = []
    for topic in topics:
        halves = [f"{topic}ecb", f"{topic}ecbplus"]
        if not all((ECBPLUS / "articles" / h).is_dir() for h in halves):
            continue
        index = build_index(load_corpus([ECBPLUS / "articles" / h for h in halves]), Settings(cache_dir=CACHE))
        for half in halves:
            r = score_cluster(half, index)
            results.append(r)
            print(f"{topic} {half}: main event {r['main_label']!r} covers {r['main_coverage']:.0%}, "
                  f"from the other story {r['main_foreign']:.0%}")
    cover = [r["main_coverage"] for r in results]
    foreign = [r["main_foreign"] for r in results]
    print(f"paired {len(results)} stories: main event covers mean {mean(cover):.0%} worst {min(cover):.0%}; "
          f"articles from the other story mean {mean(foreign):.0%} worst {max(foreign):.0%}")
    return 0


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    names = [a for a in argv if not a.startswith("--")] or sorted(p.stem for p in (ECBPLUS / "gold").glob("*.json"))
    if "--paired" in argv:
        return paired(names)
    results = []
    for name in names:
        r = score_cluster(name)
        results.append(r)
        if quiet:
            continue
        pp = "-" if r["pair_precision"] is None else f"{r['pair_precision']:.2f}"
        pr = "-" if r["pair_recall"] is None else f"{r['pair_recall']:.2f}"
        cover = "-" if r["main_coverage"] is None else f"{r['main_coverage']:.0%}"
        dated = {None: "no gold date", True: "right", False: "wrong"}[r["date_right"]]
        print(
            f"{name}: B3 F1 {r['b3_f1']:.2f} (P {r['b3_precision']:.2f} R {r['b3_recall']:.2f}); main event "
            f"{r['main_label']!r} covers {cover} of {r['main_docs']} docs, dated {r['main_date']} vs {r['gold_date']} "
            f"({dated}); big events {r['big_events']}; found {r['found_mentions']}/{r['gold_mentions']}; chains "
            f"recovered {r['chains_recovered']}/{r['chains']}; pairwise P {pp} R {pr}; wrong merges {r['wrong_merges']}"
        )
        if r["first_label"] != r["main_label"] or r["first_dated_right"] != r["date_right"]:
            print(f"    listed first: {r['first_label']!r} dated {r['first_date']}")
        for w in r["wrong_merge_examples"]:
            print(f"    wrong merge {w['event']} {w['label']!r}: {', '.join(w['chains'])}")
        if r["near_duplicates"]:
            n = r["near_duplicates"]
            print(f"    near-duplicates: {n['found']}/{n['expected']} gold pairs, extra {n['extra']}, missed {n['missed']}")
    print(summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
