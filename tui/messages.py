"""Typed messages between workers, screens and the App.

Workers never touch widgets: they post these, and the App's handlers own every state change.
Screens post `OpenArticle` (and friends) to say what the user wants; the App decides how.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from newsx.core.index import Index  # annotations only: the index arrives from a worker


@dataclass
class IndexProgress(Message):
    """The index worker finished `done` of `total` steps of `stage` ("parse", "link")."""

    stage: str
    done: int
    total: int


@dataclass
class IndexReady(Message):
    index: Index


@dataclass
class IndexFailed(Message):
    """Indexing could not run; articles stay readable. `model_missing`: the spaCy model is absent."""

    message: str
    model_missing: bool = False
    notice_only: bool = False  # a side job failed (search): tell the user, keep the index state


@dataclass
class SearchReady(Message):
    """The full-text search index (a `newsx.core.search.SearchIndex`) is built."""

    search_index: object


@dataclass
class OpenArticle(Message):
    """Show an article in the reader, optionally scrolled to and marking `start:end`.

    `entity_id` selects that entity in the side pane (so n/N go through its mentions).
    `query` marks a search: n/N then go through its hits (case-insensitive, literal text); when
    no span is given the reader scrolls to the first hit.
    """

    article_id: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    query: str | None = None


@dataclass
class ShowRelated(Message):
    """Open the Claims or Timeline screen filtered to one article (`screen`: "claims"|"timeline")."""

    screen: str
    article_id: str | None
