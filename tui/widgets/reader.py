"""The article reader: title, outlet/date/byline line, then the text with entities highlighted.

The reader is passive: the Read screen tells it what to show (`show_article`) and which span to
bring into view (`focus_span`). Highlight styles come from component classes whose colours are
theme variables; each kind also has a text style (bold, underline, italic) so highlights stay
distinguishable with NO_COLOR or 16 colours.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich._wrap import divide_line
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsx.core.models import Article

from .kinds import KINDS


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # one of kinds.KINDS


def wrapped_line_of(text: str, offset: int, width: int) -> int:
    """The line (0-based) that character `offset` of `text` lands on when wrapped to `width` cells.

    Mirrors how Textual wraps `Content` (which uses rich's `divide_line`): each newline starts a
    line, long lines break at word boundaries, words longer than the width fold. A test checks the
    two agree on real articles.
    """
    width = max(width, 1)
    line = 0
    position = 0
    for paragraph in text.split("\n"):
        end = position + len(paragraph)
        breaks = divide_line(paragraph.expandtabs(8), width, fold=True) if paragraph else []
        if offset <= end:
            return line + bisect_right(breaks, offset - position)
        line += len(breaks) + 1
        position = end + 1
    return line


def article_meta(article: Article) -> Text:
    parts = [p for p in (article.outlet, article.published, article.byline, article.dateline) if p]
    return Text(" · ".join(parts) if parts else article.id)


class Reader(VerticalScroll, can_focus=True):
    """Scrollable article text with highlighted entity mentions and one focused span."""

    COMPONENT_CLASSES = {f"reader--{kind}" for kind in KINDS} | {"reader--focus", "reader--hit"}

    DEFAULT_CSS = """
    Reader { padding: 0 1; }
    Reader #reader-title { text-style: bold; color: $text-primary; }
    Reader #reader-meta { color: $text-muted; margin-bottom: 1; }
    Reader > .reader--person { color: $entity-person; text-style: bold; }
    Reader > .reader--org { color: $entity-org; text-style: underline; }
    Reader > .reader--place { color: $entity-place; text-style: italic; }
    Reader > .reader--group { color: $entity-group; text-style: bold italic; }
    Reader > .reader--other { color: $entity-other; text-style: underline; }
    Reader > .reader--hit { background: $search-hit; color: $background; text-style: bold underline; }
    Reader > .reader--focus { text-style: reverse bold; }
    """

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False, id="nav.scroll_down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="nav.scroll_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="nav.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="nav.bottom"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="nav.page_down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="nav.page_up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.highlights: tuple[Highlight, ...] = ()
        self.highlighting = True
        self.kind_filter: str | None = None  # None: every kind
        self.marked: tuple[int, int] | None = None
        self.hits: tuple[tuple[int, int], ...] = ()  # search hits, marked whatever the highlighting

    def compose(self) -> ComposeResult:
        yield Static(id="reader-title")
        yield Static(id="reader-meta")
        yield Static(id="reader-body")

    def on_mount(self) -> None:
        # Highlight colours are theme variables: re-render when the theme changes.
        self.watch(self.app, "theme", lambda _theme: self.call_after_refresh(self.refresh_body), init=False)

    # Scrolling jumps without animation: crisp over slow SSH links, and exact for tests.
    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    # ----------------------------------------------------------------- what to show

    def show_article(self, article: Article | None, highlights: Iterable[Highlight] = ()) -> None:
        same = self.article is not None and article is not None and article.id == self.article.id
        self.article = article
        self.highlights = tuple(highlights)
        if not same:
            self.marked = None
        title = self.query_one("#reader-title", Static)
        meta = self.query_one("#reader-meta", Static)
        if article is None:
            title.update(Text("No article"))
            meta.update(Text(""))
        else:
            title.update(Text(article.title or article.id))
            meta.update(article_meta(article))
        self.refresh_body()
        if not same:
            self.scroll_home(animate=False)

    def set_highlighting(self, on: bool, kind_filter: str | None) -> None:
        self.highlighting = on
        self.kind_filter = kind_filter
        self.refresh_body()

    def body_text(self) -> Text:
        """The article text as a rich Text with highlight styles applied (never parsed as markup)."""
        if self.article is None:
            return Text("")
        text = Text(self.article.text)
        if self.highlighting:
            for h in self.highlights:
                if self.kind_filter is None or h.kind == self.kind_filter:
                    text.stylize(self.get_component_rich_style(f"reader--{h.kind}", partial=True), h.start, h.end)
        for start, end in self.hits:
            text.stylize(self.get_component_rich_style("reader--hit", partial=True), start, end)
        if self.marked is not None:
            text.stylize(self.get_component_rich_style("reader--focus", partial=True), *self.marked)
        return text

    def set_hits(self, hits) -> None:
        self.hits = tuple(hits)
        self.refresh_body()

    def refresh_body(self) -> None:
        self.query_one("#reader-body", Static).update(self.body_text())

    # ----------------------------------------------------------------- moving

    def focus_span(self, start: int, end: int) -> None:
        """Mark a span (a mention, a sentence) and scroll so it is in view, a few lines from the top."""
        self.marked = (start, end)
        self.refresh_body()
        self.call_after_refresh(self._scroll_to_offset, start)

    def line_of(self, offset: int) -> int:
        """The virtual line of the reader where a text offset is drawn."""
        body = self.query_one("#reader-body", Static)
        text = self.article.text if self.article else ""
        return body.virtual_region.y + wrapped_line_of(text, offset, body.content_region.width or self.scrollable_content_region.width)

    def _scroll_to_offset(self, offset: int) -> None:
        if self.article is None:
            return
        line = self.line_of(offset)
        self.scroll_to(y=max(0, line - 2), animate=False, immediate=True)

    def span_visible(self, offset: int) -> bool:
        line = self.line_of(offset)
        return self.scroll_y <= line < self.scroll_y + self.scrollable_content_region.height


def highlights_from(spans: Sequence[tuple[int, int, str]]) -> tuple[Highlight, ...]:
    return tuple(Highlight(s, e, k) for s, e, k in spans)
