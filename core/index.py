"""One immutable `Index` of a corpus: articles, their analyses, entities, events, claim groups.

`build_index` takes loaded articles, reads what it can from the cache, parses the rest (the only
step that needs spaCy), and runs the corpus-level steps on plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .cache import Cache, analysis_key, open_cache
from .claims import group_claims
from .duplicates import find_near_duplicates
from .entities import link_entities
from .events import link_events
from .models import Article, ArticleAnalysis, ClaimGroup, Entity, Event, LoadResult, Problem
from .settings import Settings

# progress(stage, done, total)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Index:
    articles: tuple[Article, ...]
    analyses: dict[str, ArticleAnalysis]
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claim_groups: tuple[ClaimGroup, ...] = ()
    near_duplicates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    notices: tuple[str, ...] = ()
    parsed: int = 0  # how many articles this build had to parse (0: all from cache)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def entities_by_article(self) -> dict[str, tuple[Entity, ...]]:
        by_article: dict[str, list[Entity]] = {a.id: [] for a in self.articles}
        for entity in self.entities:
            for article_id in entity.articles:
                by_article.setdefault(article_id, []).append(entity)
        return {k: tuple(v) for k, v in by_article.items()}

    @cached_property
    def events_by_article(self) -> dict[str, tuple[Event, ...]]:
        by_article: dict[str, list[Event]] = {a.id: [] for a in self.articles}
        for event in self.events:
            for article_id in event.articles:
                by_article.setdefault(article_id, []).append(event)
        return {k: tuple(v) for k, v in by_article.items()}

    @cached_property
    def claim_groups_by_article(self) -> dict[str, tuple[ClaimGroup, ...]]:
        by_article: dict[str, list[ClaimGroup]] = {a.id: [] for a in self.articles}
        for group in self.claim_groups:
            for article_id in dict.fromkeys(c.article for c in group.claims):
                by_article.setdefault(article_id, []).append(group)
        return {k: tuple(v) for k, v in by_article.items()}

    def sentence(self, article_id: str, index: int) -> tuple[int, int] | None:
        analysis = self.analyses.get(article_id)
        if analysis and 0 <= index < len(analysis.sentences):
            return analysis.sentences[index]
        return None


def analyse_articles(
    articles: list[Article],
    settings: Settings,
    progress: Progress | None = None,
    cache: Cache | None = None,
) -> tuple[dict[str, ArticleAnalysis], int, list[str]]:
    """Analyses for every article: cached where the key matches, parsed otherwise.

    Returns (analyses by article id, number parsed, notices). spaCy is imported only when at least
    one article is missing from the cache.
    """
    from .nlp import model_fingerprint, parse_articles

    notices: list[str] = []
    fingerprint = model_fingerprint(settings.model)
    keys = [analysis_key(a, fingerprint) for a in articles]
    cached = cache.get_many(keys) if cache else {}
    analyses: dict[str, ArticleAnalysis] = {}
    todo: list[int] = []
    for i, (article, key) in enumerate(zip(articles, keys)):
        if key in cached:
            analyses[article.id] = cached[key]
        else:
            todo.append(i)
    total = len(articles)
    done = total - len(todo)
    if progress:
        progress("parse", done, total)
    if todo:
        pending: list[tuple[str, ArticleAnalysis]] = []
        batch = [articles[i] for i in todo]
        for position, analysis in parse_articles(
            batch, settings.model, n_process=settings.n_process, batch_size=settings.batch_size
        ):
            article = batch[position]
            analyses[article.id] = analysis
            pending.append((keys[todo[position]], analysis))
            done += 1
            # Commit in small transactions so an interrupted run keeps what it finished.
            if cache and len(pending) >= 64:
                cache.put_many(pending)
                pending.clear()
            if progress:
                progress("parse", done, total)
        if cache:
            cache.put_many(pending)
    if cache:
        notices.extend(cache.notices)
    return analyses, len(todo), notices


def build_index(
    loaded: LoadResult,
    settings: Settings,
    progress: Progress | None = None,
) -> Index:
    cache, notices = open_cache(settings.cache_dir)
    try:
        articles = list(loaded.articles)
        analyses, parsed, cache_notices = analyse_articles(articles, settings, progress, cache)
        notices.extend(n for n in cache_notices if n not in notices)
    finally:
        if cache:
            cache.close()
    return index_from_analyses(articles, analyses, loaded.problems, notices, parsed, progress)


def index_from_analyses(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    problems: list[Problem] | tuple[Problem, ...] = (),
    notices: list[str] | tuple[str, ...] = (),
    parsed: int = 0,
    progress: Progress | None = None,
) -> Index:
    """The corpus-level steps, on plain data (no spaCy)."""
    if progress:
        progress("link", 0, 4)
    entities = link_entities(articles, analyses)
    if progress:
        progress("link", 1, 4)
    events = link_events(articles, analyses, entities)
    if progress:
        progress("link", 2, 4)
    groups = group_claims(articles, analyses, entities)
    if progress:
        progress("link", 3, 4)
    near = find_near_duplicates(articles)
    if progress:
        progress("link", 4, 4)
    return Index(
        articles=tuple(articles),
        analyses=analyses,
        entities=tuple(entities),
        events=tuple(events),
        claim_groups=tuple(groups),
        near_duplicates=near,
        problems=tuple(problems),
        notices=tuple(notices),
        parsed=parsed,
    )
