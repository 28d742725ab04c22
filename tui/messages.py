"""Typed messages between workers, screens and the App.

Workers never touch widgets: they post these, and the App's handlers own every state change.
Screens post `OpenArticle` (and friends) to say what the user wants; the App decides how.

Plain classes, not dataclasses: this module is imported before the first frame, and making a
dataclass costs about half a millisecond each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from newsx.core.index import Index  # annotations only: the index arrives from a worker


class IndexProgress(Message):
    """The index worker finished `done` of `total` steps of `stage` ("parse", "link")."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage = stage
        self.done = done
        self.total = total


class IndexReady(Message):
    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index = index


class IndexFailed(Message):
    """Indexing could not run; articles stay readable. `model_missing`: the spaCy model is absent."""

    def __init__(self, message: str, model_missing: bool = False, notice_only: bool = False) -> None:
        super().__init__()
        self.message = message
        self.model_missing = model_missing
        self.notice_only = notice_only  # a side job failed (search): tell the user, keep the index state


class SearchReady(Message):
    """The full-text search index (a `newsx.core.search.SearchIndex`) is built."""

    def __init__(self, search_index: object) -> None:
        super().__init__()
        self.search_index = search_index


class OpenArticle(Message):
    """Show an article in the reader, optionally scrolled to and marking `start:end`.

    `entity_id` selects that entity in the side pane (so n/N go through its mentions).
    `query` marks a search: n/N then go through its hits (case-insensitive, literal text); when
    no span is given the reader scrolls to the first hit.
    """

    def __init__(
        self,
        article_id: str,
        start: int | None = None,
        end: int | None = None,
        entity_id: str | None = None,
        query: str | None = None,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.start = start
        self.end = end
        self.entity_id = entity_id
        self.query = query


class ShowRelated(Message):
    """Open the Claims or Timeline screen filtered to one article (`screen`: "claims"|"timeline")."""

    def __init__(self, screen: str, article_id: str | None) -> None:
        super().__init__()
        self.screen = screen
        self.article_id = article_id
