"""The corpus-level steps run within each story, their results merged into one corpus's records.

Names, events and claims are linked only between articles of one story: a film budget in one
story and a coach's salary in another are never one claim group, and a "Smith" in two stories is
two entities. Each step's own entry point runs once per story; the merge renumbers ids across
stories (`e1`, `ev1`, `g1`, ...) in the order each step gives within a story, so a corpus of one
story gets exactly the records it got before stories existed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from newsx.core.link.claims.grouping import build_groups
from newsx.core.link.entities.linking import link_entities
from newsx.core.link.events.linking import link_events
from newsx.core.link.events.ordering import reported_first
from newsx.core.model.analyses import ArticleAnalysis, ClaimGroup, Entity, Event, Story
from newsx.core.model.articles import Article

_VERDICT_ORDER = {"conflict": 0, "changed": 1, "agree": 2, "single": 3}


def story_articles(articles: list[Article], stories: list[Story] | tuple[Story, ...]) -> list[list[Article]]:
    """Each story's articles, in corpus order."""
    by_id = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    return [sorted((by_id[x] for x in s.articles if x in by_id), key=lambda a: order[a.id]) for s in stories]


def link_entities_per_story(
    parts: list[list[Article]], analyses: Mapping[str, ArticleAnalysis]
) -> list[list[Entity]]:
    """Entities of each story, with ids unique across stories (see `merge_entities`)."""
    return [link_entities(part, analyses) for part in parts]


def merge_entities(per_story: list[list[Entity]]) -> tuple[list[Entity], list[list[Entity]]]:
    """All stories' entities renumbered as one list, in the order linking sorts them (most articles,
    then most mentions, then name); also each story's entities with their new ids."""
    if len(per_story) == 1:
        return per_story[0], per_story
    tagged = [(n, e) for n, entities in enumerate(per_story) for e in entities]
    tagged.sort(key=lambda t: (-len(t[1].articles), -len(t[1].mention_spans), t[1].name, t[0]))
    renamed: list[list[Entity]] = [[] for _ in per_story]
    merged = []
    for number, (story, entity) in enumerate(tagged, 1):
        new = replace(entity, id=f"e{number}")
        merged.append(new)
        renamed[story].append(new)
    return merged, renamed


def _merged(per_story: list[list], order, prefix: str) -> list:
    """One story's records as they are; several stories' records in one `order`, ids renumbered."""
    if len(per_story) == 1:
        return per_story[0]
    merged = sorted((r for records in per_story for r in records), key=order)
    return [replace(r, id=f"{prefix}{n}") for n, r in enumerate(merged, 1)]


def link_events_per_story(
    parts: list[list[Article]], analyses: Mapping[str, ArticleAnalysis], entities: list[list[Entity]]
) -> list[Event]:
    per_story = [link_events(part, analyses, ents) for part, ents in zip(parts, entities)]
    published = {a.id: a.published for part in parts for a in part}
    return _merged(per_story, reported_first(published), "ev")


def group_claims_per_story(
    parts: list[list[Article]], analyses: Mapping[str, ArticleAnalysis], entities: list[list[Entity]]
) -> list[ClaimGroup]:
    per_story = [build_groups(part, analyses, ents) for part, ents in zip(parts, entities)]
    return _merged(per_story, lambda g: (_VERDICT_ORDER.get(g.verdict, 4), -len(g.claims)), "g")
