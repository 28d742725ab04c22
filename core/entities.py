"""Mentions to corpus entities (first version: exact names; linking rules come next)."""

from __future__ import annotations

from collections import Counter, defaultdict

from .models import Article, ArticleAnalysis, Entity, Mention, MentionSpan

# Labels that name things; dates and numbers stay mentions for the claims layer.
INDEX_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


def extract_mentions(doc) -> list[Mention]:
    sentence_of = {}
    for i, sent in enumerate(doc.sents):
        sentence_of[sent.start] = i
    mentions = []
    for ent in doc.ents:
        sent_index = sentence_of.get(ent.sent.start, 0)
        mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, sent_index))
    return mentions


def link_entities(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> list[Entity]:
    spans: dict[str, list[MentionSpan]] = defaultdict(list)
    labels: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        analysis = analyses.get(article.id)
        if not analysis:
            continue
        for m in analysis.mentions:
            if m.label not in INDEX_LABELS:
                continue
            name = m.ref or m.text
            spans[name].append(MentionSpan(article.id, m.start, m.end, m.text))
            labels[name][m.label] += 1
    entities = []
    for n, (name, found) in enumerate(sorted(spans.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        entities.append(
            Entity(
                id=f"e{n + 1}",
                name=name,
                label=labels[name].most_common(1)[0][0],
                aliases=tuple(sorted({s.text for s in found} - {name})),
                articles=tuple(dict.fromkeys(s.article for s in found)),
                mention_spans=tuple(found),
            )
        )
    return entities
