"""Textual's Header, with a title that changes without a screen layout.

The Read screen's sub-title is the article's title, so it changes on every move through the
article list; the stock title widget asks for a layout of the whole screen each time, though
its size never changes (it fills the header, one line, cut with an ellipsis).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header

from ..textual_private import HeaderClockSpace, HeaderIcon, HeaderTitle


class FixedTitle(HeaderTitle):
    def update(self, content="", *, layout: bool = False) -> None:
        super().update(content, layout=layout)


class TitleHeader(Header):
    """The stock Header (no clock), its title redrawn in place."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield FixedTitle()
        yield HeaderClockSpace()

    def show_title(self) -> None:
        """Redraw the title now (the stock header waits for an async watcher: a frame later)."""
        titles = self.query(FixedTitle)
        if titles:
            titles.first().update(self.format_title())
