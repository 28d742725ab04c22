"""Score newsx entities against the ECB+ gold chains and the careful reader's lists in ../shared/eval/ecbplus.

    python benchmarks/eval_entities.py [--verbose] [--quiet] [CLUSTER ...]

With no cluster named, all 72 subclusters of gold/ are scored, then the four lists of entities/
(by ../shared/eval/score_entities.py); the last lines give mean and worst cluster for each.
Per-article analyses come from the newsx cache (NEWSX_CACHE_DIR), so a rerun after a change to the
corpus step alone takes seconds.

Only gold mentions in validated sentences count, of the entity category. A gold mention matches a
newsx mention span when the span covers the gold mention's head (its last word). Figures:
- named cross-document chains: gold chains (not INTRA_/SINGLETON_) with mentions that look named
  in at least two documents that newsx kept (a title newsx moved out of the text is not counted);
- recovered: one newsx entity holds the chain's named mentions from every such document;
- found: named gold mentions that some newsx entity covers at all;
- wrong merges: newsx entities whose matched mentions belong to two or more gold chains
  (gold singletons and in-document chains count as chains of their own).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus"


def offset_map(text: str, raw: str) -> list[int | None]:
    """For each character of the cleaned text, its position in the raw file (None if unmatched)."""
    mapping: list[int | None] = [None] * (len(text) + 1)
    matcher = difflib.SequenceMatcher(None, text, raw, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return mapping


_LEADING_PREP = re.compile(r"^(?:(?:in|of|at|on|from|to|for|by|near|with)\s+)+", re.I)
_POST_HEAD = re.compile(r"\s+(?:in|of|on|at|from|near|who|which|that)\s|,")


def head_span(mention: dict) -> tuple[int, int]:
    """The head word: the last word before a prepositional tail ("a bank in Athens" -> bank)."""
    text = mention["text"]
    lead = _LEADING_PREP.match(text)
    begin = lead.end() if lead else 0
    cut = _POST_HEAD.search(text, begin)
    stop = cut.start() if cut else len(text)
    words = list(re.finditer(r"[\w.’'-]+", text[begin:stop]))
    if not words:
        return mention["start"], mention["end"]
    last = words[-1]
    return mention["start"] + begin + last.start(), mention["start"] + begin + last.end()


def is_named(mention: dict, raw: str) -> bool:
    hs, _ = head_span(mention)
    return bool(mention["looks_named"]) and raw[hs:hs + 1].isupper()


def is_cross_doc(chain_id: str) -> bool:
    return not (chain_id.startswith("INTRA_") or chain_id.startswith("SINGLETON_"))


def score_cluster(name: str, verbose: bool, all_sentences: bool = False, quiet: bool = False) -> dict:
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    gold = json.loads((ECBPLUS / "gold" / f"{name}.json").read_text())
    loaded = load_corpus([ECBPLUS / "articles" / name])
    index = build_index(loaded, Settings())

    # newsx spans in raw-file coordinates, per document
    spans_by_doc: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    visible: dict[str, tuple[int, int]] = {}
    for article in index.articles:
        doc = Path(article.path).stem
        raw = Path(article.path).read_text(encoding="utf-8")
        mapping = offset_map(article.text, raw)
        known = [m for m in mapping if m is not None]
        visible[doc] = (min(known), max(known) + 1) if known else (0, 0)
        for entity in index.entities:
            for s in entity.mention_spans:
                if s.article != article.id:
                    continue
                a, b = mapping[s.start], mapping[s.end - 1]
                if a is not None and b is not None:
                    spans_by_doc[doc].append((a, b + 1, entity.id, s.text))

    names = {e.id: f"{e.name} [{e.label}]" for e in index.entities}
    gold_mentions = []
    for document in gold["documents"]:
        doc = document["doc_id"]
        raw = (ECBPLUS / document["txt"]).read_text(encoding="utf-8")
        lo, hi = visible.get(doc, (0, 0))
        for m in document["mentions"]:
            if m["category"] != "entity" or not (m["in_validated_sentence"] or all_sentences) or m["ecb_tag"].startswith("TIME"):
                continue
            if not (lo <= m["start"] and m["end"] <= hi):
                continue  # outside the text newsx shows (e.g. a title kept as metadata)
            hs, he = head_span(m)
            match = None
            for a, b, entity_id, _text in spans_by_doc.get(doc, ()):
                if a < he and hs < b:
                    match = entity_id
                    break
            gold_mentions.append((doc, dict(m, named=is_named(m, raw)), match))

    # recall of named cross-document chains
    chain_docs: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for doc, m, match in gold_mentions:
        if m["named"] and is_cross_doc(m["chain_id"]):
            chain_docs[m["chain_id"]][doc].append((m, match))
    named_chains = {c: docs for c, docs in chain_docs.items() if len(docs) >= 2}
    recovered = 0
    failures = []
    for chain, docs in sorted(named_chains.items()):
        per_doc = [{match for _, match in ms} - {None} for ms in docs.values()]
        common = set.intersection(*per_doc) if per_doc else set()
        if common:
            recovered += 1
        else:
            failures.append((chain, docs))
    named_total = sum(len(ms) for docs in named_chains.values() for ms in docs.values())
    named_found = sum(1 for docs in named_chains.values() for ms in docs.values() for _, match in ms if match)

    # wrong merges
    # Gold leaves many same-name mentions in different documents unlinked (singletons), so
    # a merge is wrong when it joins two cross-document chains, or two chains in one document.
    chains_of_entity: dict[str, set[str]] = defaultdict(set)
    chains_in_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
    texts_of_chain: dict[str, set[str]] = defaultdict(set)
    for doc, m, match in gold_mentions:
        if match:
            chains_of_entity[match].add(m["chain_id"])
            chains_in_doc[match, doc].add(m["chain_id"])
            texts_of_chain[m["chain_id"]].add(m["text"])
    wrong = {}
    for entity_id, chains in chains_of_entity.items():
        cross = {c for c in chains if is_cross_doc(c)}
        # Outside validated sentences gold leaves even one document's mentions unlinked.
        same_doc = not all_sentences and any(len(cs) >= 2 for (e, _), cs in chains_in_doc.items() if e == entity_id)
        if len(cross) >= 2 or same_doc:
            wrong[entity_id] = chains
    linked = len(chains_of_entity)

    all_named = [match for _, m, match in gold_mentions if m["named"]]
    # Pairwise links between documents over named mentions of cross-document chains.
    named = [(doc, m["chain_id"], match) for doc, m, match in gold_mentions if m["named"] and is_cross_doc(m["chain_id"])]
    tp = fp = fn = 0
    for i, (doc_a, chain_a, ent_a) in enumerate(named):
        for doc_b, chain_b, ent_b in named[i + 1:]:
            if doc_a == doc_b:
                continue
            same_gold = chain_a == chain_b
            same_newsx = ent_a is not None and ent_a == ent_b
            tp += same_gold and same_newsx
            fp += same_newsx and not same_gold
            fn += same_gold and not same_newsx
    print(f"{name}: chains recovered {recovered}/{len(named_chains)}" if quiet else f"{name}: named cross-document chains recovered as one entity: {recovered}/{len(named_chains)}; "
          f"named mentions found {named_found}/{named_total}; "
          f"entities wrongly merging gold chains: {len(wrong)}/{linked} matched entities; "
          f"cross-document links of named mentions: {tp} right, {fp} wrong, {fn} missed; "
          f"all named gold mentions found: {sum(1 for x in all_named if x)}/{len(all_named)}")
    if verbose:
        for chain, docs in failures:
            shown = "; ".join(f"{d}: " + ", ".join(f"{m['text']!r}->{names.get(x, '-')}" for m, x in ms) for d, ms in docs.items())
            print(f"  missed {gold['chains'][chain].get('descriptor', chain)}: {shown}")
        for entity_id, chains in wrong.items():
            parts = [f"{gold['chains'].get(c, {}).get('descriptor', c)} {sorted(texts_of_chain[c])}" for c in sorted(chains)]
            print(f"  merged {names[entity_id]}: " + " | ".join(parts))
    return {"chains": len(named_chains), "recovered": recovered, "found": named_found,
            "named_mentions": named_total, "wrong": len(wrong), "entities": linked, "tp": tp, "fp": fp, "fn": fn,
            "all_named": len(all_named), "all_named_found": sum(1 for x in all_named if x)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", nargs="*", help="subclusters (default: every one in gold/)")
    parser.add_argument("--quiet", "-q", action="store_true", help="one short line per cluster")
    parser.add_argument("--no-lists", action="store_true", help="skip the careful reader's lists")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--all-sentences", action="store_true",
                        help="also score mentions outside validated sentences (gold links there are sparse)")
    args = parser.parse_args(argv)
    if not ECBPLUS.is_dir():
        print(f"{ECBPLUS}: not found", file=sys.stderr)
        return 1
    clusters = args.clusters or sorted((p.stem for p in (ECBPLUS / "gold").glob("*.json")),
                                       key=lambda n: (int(re.match(r"\d+", n).group()), n))
    totals = defaultdict(int)
    rates: dict[str, float | None] = {}
    for name in clusters:
        result = score_cluster(name, args.verbose, args.all_sentences, args.quiet)
        rates[name] = result["recovered"] / result["chains"] if result["chains"] else None
        for k, v in result.items():
            totals[k] += v
    print(f"all: named cross-document chains recovered: {totals['recovered']}/{totals['chains']}; "
          f"named mentions found {totals['found']}/{totals['named_mentions']}; "
          f"wrong merges: {totals['wrong']}/{totals['entities']} matched entities")
    print(f"all: named gold mentions (any chain) found: {totals['all_named_found']}/{totals['all_named']}")
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    if tp + fp and tp + fn:
        print(f"all: cross-document link precision {tp / (tp + fp):.2f}, recall {tp / (tp + fn):.2f} ({tp} right, {fp} wrong, {fn} missed)")
    rates = {c: r for c, r in rates.items() if r is not None}
    if rates:
        worst = min(rates, key=rates.get)
        print(f"gold chains: mean recovered per cluster {sum(rates.values()) / len(rates):.0%}, "
              f"worst {rates[worst]:.0%} ({worst}), over {len(rates)} clusters with named chains; "
              f"wrong merges {totals['wrong']}")
    if not args.no_lists:
        score_lists([n for n in LIST_CLUSTERS if not args.clusters or n in args.clusters], args.verbose)
    return 0


LIST_CLUSTERS = ("20ecbplus", "42ecbplus", "3ecbplus", "14ecbplus")


def score_lists(names: list[str], verbose: bool) -> None:
    """The careful reader's lists (entities/<cluster>_entities.json), scored as score_entities.py does."""
    import importlib.util

    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    spec = importlib.util.spec_from_file_location("score_entities", ECBPLUS.parent / "score_entities.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rates, apart = {}, [0, 0]
    for name in names:
        gold_path = ECBPLUS / "entities" / f"{name}_entities.json"
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text())
        index = build_index(load_corpus([ECBPLUS / "articles" / name]), Settings())
        report, summary = scorer.score(gold, [e.to_dict() for e in index.entities])
        if verbose:
            print("\n".join(f"  {line}" for line in report))
        print(f"{name} list: {summary}")
        right = sum(1 for g in gold["entities"]) - sum(1 for line in report if line.startswith("wrong:"))
        rates[name] = right / len(gold["entities"])
        pairs = sum(len(g) * (len(g) - 1) // 2 for g in gold.get("distinct", []))
        apart[0] += pairs - sum(1 for line in report if line.startswith("wrongly merged"))
        apart[1] += pairs
    if rates:
        worst = min(rates, key=rates.get)
        print(f"lists: mean entities right {sum(rates.values()) / len(rates):.0%}, worst {rates[worst]:.0%} ({worst}); "
              f"pairs kept apart {apart[0]}/{apart[1]}")


if __name__ == "__main__":
    sys.exit(main())
