"""Event mentions and cross-article events (filled in by the events work)."""

from __future__ import annotations

from .models import Article, ArticleAnalysis, Entity, Event, Mention, RawEvent


def extract_events(doc, article: Article, mentions: tuple[Mention, ...]) -> list[RawEvent]:
    return []


def link_events(articles: list[Article], analyses: dict[str, ArticleAnalysis], entities: list[Entity]) -> list[Event]:
    return []
