"""Time the corpus-level event linking and near-duplicate detection on a large synthetic corpus.

    /work/venv/bin/python benchmarks/bench_events_scale.py [ARTICLES]   (default 10,000)

No spaCy: articles are generated from a vocabulary, each with a few raw events drawn from a pool
of stories (so some events repeat across articles, like real coverage), plus 1% wire copies.
Runs at ARTICLES, half and a quarter of it; prints seconds per step, how many events and
near-duplicate pairs came out, and the growth per doubling (near 2x: linear).
"""

from __future__ import annotations

import random
import sys
import time

from newsx.core.link.duplicates import find_near_duplicates
from newsx.core.link.events.linking import link_events
from newsx.core.model.analyses import ArticleAnalysis, Entity, MentionSpan, RawEvent
from newsx.core.model.articles import Article

TRIGGERS = ["meet", "launch", "deploy", "condemn", "arrest", "kill", "visit", "sign", "protest", "attack"]


def build(n_articles: int, seed: int = 7):
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(20_000)]
    people = [f"Person {i}" for i in range(3_000)]
    countries = [f"Country {i}" for i in range(150)]
    stories = [
        (rng.choice(TRIGGERS), rng.sample(people, 2), rng.choice(countries), f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        for _ in range(n_articles // 3)
    ]
    articles, analyses = [], {}
    spans: dict[str, list[MentionSpan]] = {}
    for i in range(n_articles):
        if i and i % 100 == 0:
            source = articles[i - 1]  # a wire copy, lightly reworded
            words = source.text.split()
            for k in range(0, len(words), 9):
                words[k] = rng.choice(vocabulary)
            text = " ".join(words)
        else:
            text = ". ".join(" ".join(rng.choices(vocabulary, k=18)) for _ in range(25)) + "."
        article_id = f"a{i}"
        story_events = []
        for s, (trigger, who, where, day) in enumerate(rng.sample(stories, 3)):
            starts = []
            for name in (*who, where):
                start = rng.randint(0, 100_000)
                spans.setdefault(name, []).append(MentionSpan(article_id, start, start + len(name), name))
                starts.append(start)
            story_events.append(
                RawEvent(
                    trigger=trigger, text=trigger, start=s * 10, end=s * 10 + 5, sentence=s, label=trigger,
                    date=day if rng.random() < 0.5 else None, participants=tuple(who), places=(where,),
                    participant_starts=tuple(starts[:2]), place_starts=(starts[2],),
                )
            )
        published = f"2024-{rng.randint(1, 12):02d}-15"
        articles.append(Article(id=article_id, path=f"{article_id}.txt", title=article_id, text=text, published=published))
        analyses[article_id] = ArticleAnalysis(sentences=((0, 1),) * 3, mentions=(), events=tuple(story_events))
    entities = [
        Entity(id=f"e{i}", name=name, label="GPE" if name.startswith("Country") else "PERSON", aliases=(),
               articles=tuple(dict.fromkeys(s.article for s in found)), mention_spans=tuple(found))
        for i, (name, found) in enumerate(spans.items(), 1)
    ]
    return articles, analyses, entities


def main(argv: list[str]) -> int:
    largest = int(argv[0]) if argv else 10_000
    # The largest size and its halves: the growth per doubling is near 2x when a step is linear.
    sizes = sorted({max(largest >> k, 1) for k in range(3)})
    previous = None
    for n in sizes:
        t0 = time.perf_counter()
        articles, analyses, entities = build(n)
        t1 = time.perf_counter()
        events = link_events(articles, analyses, entities)
        t2 = time.perf_counter()
        near = find_near_duplicates(articles)
        t3 = time.perf_counter()
        pairs = sum(len(v) for v in near.values()) // 2
        growth = f" ({(t2 - t1) / previous[0]:.2f}x, {(t3 - t2) / previous[1]:.2f}x per doubling)" if previous else ""
        print(f"{n} articles ({sum(len(a.events) for a in analyses.values())} event mentions): built in {t1 - t0:.1f}s")
        print(f"  link_events: {t2 - t1:.2f}s -> {len(events)} events ({sum(1 for e in events if len(e.articles) > 1)} in 2+ articles)")
        print(f"  find_near_duplicates: {t3 - t2:.2f}s -> {pairs} pairs (planted: {(n - 1) // 100}){growth}")
        previous = (t2 - t1, t3 - t2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
