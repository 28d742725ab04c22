"""One immutable `Index` of a corpus: articles, their analyses, entities, events, claim groups.

`build_index` takes loaded articles, reads what it can from the cache, parses the rest (the only
step that needs spaCy), and runs the corpus-level steps on plain data.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from newsx.core.model.analyses import ArticleAnalysis, ClaimGroup, Entity, Event, Story
from newsx.core.model.articles import Article, LoadResult, Problem
from newsx.core.settings import Settings
from newsx.core.store.cache import Cache, LongLived, analysis_key, code_fingerprint, decode_analysis, open_cache

# The corpus-level steps (entities, events, claims, duplicates) are imported only when they run:
# a warm reopen takes their results from the cache and never loads rapidfuzz or dateparser.

_COMMIT_EVERY = 64
_COMMIT_SECONDS = 1.0

# progress(stage, done, total)
Progress = Callable[[str, int, int], None]


class LazyAnalyses(Mapping[str, ArticleAnalysis]):
    """Analyses by article id, decoded from the cache's JSON the first time each is asked for.

    A warm reopen of 10,000 articles reads every row but builds objects only for the articles
    the user opens (the corpus-level results come ready-made from the cache).
    """

    def __init__(self) -> None:
        self._decoded: dict[str, ArticleAnalysis] = {}
        self._raw: dict[str, str] = {}
        self._order: dict[str, None] = {}

    def add_raw(self, article_id: str, data: str) -> None:
        self._raw[article_id] = data
        self._order[article_id] = None

    def __setitem__(self, article_id: str, analysis: ArticleAnalysis) -> None:
        self._raw.pop(article_id, None)
        self._decoded[article_id] = analysis
        self._order[article_id] = None

    def __getitem__(self, article_id: str) -> ArticleAnalysis:
        found = self._decoded.get(article_id)
        if found is not None:
            return found
        data = self._raw.pop(article_id)  # KeyError for an unknown id, as a dict would
        # A row damaged inside a sound database: the article is shown without its analysis.
        found = decode_analysis(data) or ArticleAnalysis(sentences=(), mentions=())
        self._decoded[article_id] = found
        return found

    def reorder(self, article_ids: list[str]) -> None:
        """Iterate in the corpus order (parsed articles arrive after cached ones)."""
        self._order = {k: None for k in article_ids if k in self._order}

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __repr__(self) -> str:
        return f"<LazyAnalyses {len(self._order)} articles, {len(self._decoded)} decoded>"


@dataclass(frozen=True)
class Index:
    articles: tuple[Article, ...]
    analyses: Mapping[str, ArticleAnalysis]  # a dict, or LazyAnalyses when built from the cache
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claim_groups: tuple[ClaimGroup, ...] = ()
    near_duplicates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stories: tuple[Story, ...] = ()
    problems: tuple[Problem, ...] = ()
    notices: tuple[str, ...] = ()
    parsed: int = 0  # how many texts this build had to parse (0: all from cache; copies count once)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def story_by_id(self) -> dict[str, Story]:
        return {s.id: s for s in self.stories}

    @cached_property
    def story_of_article(self) -> dict[str, str]:
        return {article_id: s.id for s in self.stories for article_id in s.articles}

    def for_story(self, story_id: str) -> "Index":
        """This index narrowed to one story: its articles and what was found in them.

        Entities, events and claim groups are linked within a story, so each belongs to one.
        """
        story = self.story_by_id[story_id]
        ids = set(story.articles)
        return replace(
            self,
            articles=tuple(a for a in self.articles if a.id in ids),
            entities=tuple(e for e in self.entities if e.articles and e.articles[0] in ids),
            events=tuple(e for e in self.events if e.articles and e.articles[0] in ids),
            claim_groups=tuple(g for g in self.claim_groups if g.claims and g.claims[0].article in ids),
            near_duplicates={k: v for k, v in self.near_duplicates.items() if k in ids},
            stories=(story,),
        )

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @cached_property
    def claim_group_by_id(self) -> dict[str, ClaimGroup]:
        return {g.id: g for g in self.claim_groups}

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
) -> tuple[Mapping[str, ArticleAnalysis], int, list[str]]:
    """Analyses for every article: cached where the key matches, parsed otherwise.

    Returns (analyses by article id, number parsed, notices). spaCy is imported only when at least
    one article is missing from the cache.
    """
    analyses, parsed, notices, _keys = _analyse(articles, settings, progress, cache)
    return analyses, parsed, notices


def _analyse(
    articles: list[Article],
    settings: Settings,
    progress: Progress | None,
    cache: Cache | None,
    meanwhile: Callable[[], object] | None = None,
    on_meanwhile: Callable[[Any], None] | None = None,
    while_parsing: Callable[[], None] | None = None,
) -> tuple["LazyAnalyses", int, list[str], list[str]]:
    """As `analyse_articles`, plus the cache keys; `meanwhile` runs alongside the parsing (only if
    some article needs parsing) and its result goes to `on_meanwhile`; `while_parsing` is work for
    this process while workers parse (see `parse_articles`)."""
    # NLP and linking are imported by the steps that run them (here and below): reopening a corpus
    # whose index is cached runs neither, and their imports cost ~80 ms (-X importtime).
    from newsx.core.nlp.pipeline import model_fingerprint, parse_articles

    notices: list[str] = []
    fingerprint = model_fingerprint(settings.model)
    keys = [analysis_key(a, fingerprint) for a in articles]
    raw = cache.get_raw_many(keys) if cache else {}
    analyses = LazyAnalyses()
    # Articles missing from the cache, by key: copies of one text (a wire story run by several
    # outlets, on the same date) are parsed once.
    todo: dict[str, list[int]] = {}
    for i, (article, key) in enumerate(zip(articles, keys)):
        if key in raw:
            analyses.add_raw(article.id, raw[key])
        else:
            todo.setdefault(key, []).append(i)
    total = len(articles)
    done = total - sum(len(v) for v in todo.values())
    if progress:
        progress("parse", done, total)
    if todo:
        pending: list[tuple[str, ArticleAnalysis]] = []
        last_commit = time.monotonic()
        todo_keys = list(todo)
        batch = [articles[todo[key][0]] for key in todo_keys]
        for position, analysis in parse_articles(
            batch, settings.model, n_process=settings.n_process, batch_size=settings.batch_size,
            meanwhile=meanwhile, on_meanwhile=on_meanwhile, while_parsing=while_parsing,
        ):
            key = todo_keys[position]
            for i in todo[key]:
                analyses[articles[i].id] = analysis
            pending.append((key, analysis))
            done += len(todo[key])
            # Commit in small transactions (by count or by time) so a killed run keeps what it finished.
            if cache and (len(pending) >= _COMMIT_EVERY or time.monotonic() - last_commit > _COMMIT_SECONDS):
                cache.put_many(pending)
                pending.clear()
                last_commit = time.monotonic()
            if progress:
                progress("parse", done, total)
        if cache:
            cache.put_many(pending)
    analyses.reorder([a.id for a in articles])
    if cache:
        notices.extend(cache.notices)
    return analyses, len(todo), notices, keys


def _prepare_linking(cache_dir: Path | None) -> None:
    """Build (or read) the gazetteer entity linking reads, 1-2 s: while the workers parse, rather
    than after them with one core idle (what was parsed is always linked: the corpus key changed)."""
    from newsx.core.nlp.gazetteer import warm_up

    warm_up(cache_dir)


def corpus_key(articles: list[Article], keys: list[str]) -> str:
    """What the corpus-level steps depend on: every analysis, every article's metadata, the code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for article, key in zip(articles, keys):
        for part in (article.id, key, article.path, article.title, article.outlet, article.published,
                     article.byline, article.dateline, article.url, str(article.title_guessed)):
            digest.update((part or "").encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
    return digest.hexdigest()


# Below this, forking a process to group claims costs about what it saves.
_LINK_ALONGSIDE_MIN_ARTICLES = 100

_CORPUS_PARTS = ("entities", "events", "claim_groups", "near_duplicates", "stories")


def build_index(
    loaded: LoadResult,
    settings: Settings,
    progress: Progress | None = None,
    long_lived: LongLived = nullcontext,
) -> Index:
    """The index of `loaded`: analyses and corpus-level results from the cache where they are
    there (read back inside `long_lived()`: they live as long as the index), the rest computed."""
    cache, notices = open_cache(settings.cache_dir)
    articles = list(loaded.articles)
    near: list[dict[str, tuple[str, ...]]] = []

    def find_duplicates() -> dict[str, tuple[str, ...]]:
        # Near-duplicates depend on the texts alone: found alongside the parsing, not after it.
        from newsx.core.link.duplicates import find_near_duplicates

        return find_near_duplicates(articles)

    try:
        cache_dir = cache.directory if cache else None
        analyses, parsed, cache_notices, keys = _analyse(
            articles, settings, progress, cache, find_duplicates, near.append, lambda: _prepare_linking(cache_dir)
        )
        key = corpus_key(articles, keys) if cache else ""
        stored = cache.get_corpus(key, long_lived) if cache else None
        if stored is not None and all(p in stored for p in _CORPUS_PARTS):
            index = Index(
                articles=tuple(articles),
                analyses=analyses,
                problems=tuple(loaded.problems),
                parsed=parsed,
                **{p: stored[p] for p in _CORPUS_PARTS},
            )
            if progress:
                progress("link", 5, 5)
        else:
            _prepare_linking(cache_dir)  # done already if workers parsed
            index = index_from_analyses(
                articles, analyses, loaded.problems, (), parsed, progress, near_duplicates=near[0] if near else None
            )
            if cache:
                cache.put_corpus(key, {p: getattr(index, p) for p in _CORPUS_PARTS})
        if cache:
            cache_notices += cache.notices
    finally:
        if cache:
            cache.close()
    notices.extend(n for n in dict.fromkeys(cache_notices) if n not in notices)
    return replace(index, notices=tuple(notices))


def index_from_analyses(
    articles: list[Article],
    analyses: Mapping[str, ArticleAnalysis],
    problems: list[Problem] | tuple[Problem, ...] = (),
    notices: list[str] | tuple[str, ...] = (),
    parsed: int = 0,
    progress: Progress | None = None,
    near_duplicates: dict[str, tuple[str, ...]] | None = None,
) -> Index:
    """The corpus-level steps, on plain data (no spaCy); `near_duplicates` if already found.

    The corpus is first split into stories; names, events and claims are linked within each.
    """
    from newsx.core.link.claims.dating import date_claims
    from newsx.core.link.duplicates import find_near_duplicates
    from newsx.core.link.stories.clustering import find_stories
    from newsx.core.link.stories.per_story import (
        group_claims_per_story,
        link_entities_per_story,
        link_events_per_story,
        merge_entities,
        story_articles,
    )
    from newsx.core.processes import alongside

    if progress:
        progress("link", 0, 5)
    near = find_near_duplicates(articles) if near_duplicates is None else near_duplicates
    stories = find_stories(articles, analyses, near)
    parts = story_articles(articles, stories)
    if progress:
        progress("link", 1, 5)
    entities, story_entities = merge_entities(link_entities_per_story(parts, analyses))
    if progress:
        progress("link", 2, 5)
    # Events and claim groups both follow from the entities alone: in a large corpus with no thread
    # running (`newsx index`), claims are grouped in a forked process while events are linked here
    # (itself in two processes, by event family, when there are many events).
    def group() -> list[ClaimGroup]:
        return group_claims_per_story(parts, analyses, story_entities)

    claims_grouped = alongside(group) if len(articles) >= _LINK_ALONGSIDE_MIN_ARTICLES else group
    events = link_events_per_story(parts, analyses, story_entities)
    if progress:
        progress("link", 3, 5)
    groups = claims_grouped()
    if progress:
        progress("link", 4, 5)
    # Claims of undated articles: the bounds their text, their events and their copies give.
    groups = date_claims(groups, articles, analyses, events, near)
    if progress:
        progress("link", 5, 5)
    return Index(
        articles=tuple(articles),
        analyses=analyses,
        entities=tuple(entities),
        events=tuple(events),
        claim_groups=tuple(groups),
        near_duplicates=near,
        stories=tuple(stories),
        problems=tuple(problems),
        notices=tuple(notices),
        parsed=parsed,
    )
