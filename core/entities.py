"""Entities: per-article mentions (`core.mentions`) and corpus linking (`core.linking`).

`core.analysis` calls `extract_mentions(doc)`; `core.index` calls `link_entities(articles, analyses)`.
"""

from __future__ import annotations

from .linking import INDEX_LABELS, link_entities
from .mentions import extract_mentions, resolve_in_article

__all__ = ["INDEX_LABELS", "extract_mentions", "link_entities", "resolve_in_article"]
