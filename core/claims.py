"""Attributed numeric claims and their comparison groups (filled in by the claims work)."""

from __future__ import annotations

from .models import Article, ArticleAnalysis, ClaimGroup, Entity, Mention, RawClaim


def extract_claims(doc, article: Article, mentions: tuple[Mention, ...]) -> list[RawClaim]:
    return []


def group_claims(articles: list[Article], analyses: dict[str, ArticleAnalysis], entities: list[Entity]) -> list[ClaimGroup]:
    return []
