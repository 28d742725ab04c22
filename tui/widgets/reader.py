"""The article reader: title, outlet/date/byline line, then the text with entities highlighted.

The reader is passive: the Read screen tells it what to show (`show_article`) and which span to
bring into view (`focus_span`). Highlight styles come from component classes whose colours are
theme variables; each kind also has a text style (bold, underline, italic) so highlights stay
distinguishable with NO_COLOR or 16 colours.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich._wrap import divide_line
from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from newsx.core.model.articles import Article

from ..textual_private import FormattedLine, style_getter
from .kinds import KINDS
from .scrolling import quiet_virtual_size, virtual_size_changed


class Highlight(NamedTuple):
    start: int
    end: int
    kind: str  # one of kinds.KINDS


def wrapped_line_of(text: str, offset: int, width: int) -> int:
    """The line (0-based) that character `offset` of `text` lands on when wrapped to `width` cells.

    As the reader wraps (rich's `divide_line`, as Textual wraps `Content`): each newline starts a
    line, long lines break at word boundaries, words longer than the width fold. A test checks the
    two agree on real articles.
    """
    width = max(width, 1)
    line = 0
    position = 0
    for paragraph in text.split("\n"):
        end = position + len(paragraph)
        breaks = divide_line(paragraph.replace("\t", " "), width, fold=True) if paragraph else []
        if offset <= end:
            return line + bisect_right(breaks, offset - position)
        line += len(breaks) + 1
        position = end + 1
    return line


def article_meta(article: Article) -> Text:
    parts = [p for p in (article.outlet, article.published, article.byline, article.dateline) if p]
    return Text(" · ".join(parts) if parts else article.id)


class Reader(ScrollView, can_focus=True):
    """Scrollable article text with highlighted entity mentions and one focused span.

    One line-API widget (not a scroll container of title, meta and body widgets): the article is
    wrapped once per width and only the lines in view are drawn, and showing another article
    repaints this pane alone (a container's new height re-laid out the whole screen).
    """

    COMPONENT_CLASSES = {f"reader--{kind}" for kind in KINDS} | {
        "reader--focus", "reader--hit", "reader--title", "reader--meta"
    }

    DEFAULT_CSS = """
    Reader { padding: 0 1; overflow-x: hidden; }
    Reader > .reader--title { text-style: bold; color: $text-primary; }
    Reader > .reader--meta { color: $text-muted; }
    Reader > .reader--person { color: $entity-person; text-style: bold; }
    Reader > .reader--org { color: $entity-org; text-style: underline; }
    Reader > .reader--place { color: $entity-place; text-style: italic; }
    Reader > .reader--group { color: $entity-group; text-style: bold italic; }
    Reader > .reader--other { color: $entity-other; text-style: underline; }
    Reader > .reader--hit { background: $search-hit; color: $background; text-style: bold underline; }
    Reader > .reader--focus { text-style: reverse bold; }
    """

    virtual_size = quiet_virtual_size()

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
        self._document: Content | None = None  # title, meta, a blank line, the text: built when first drawn
        self._header_lines = 0  # wrapped lines above the text, for the width in `_wrapped_for`
        self._lines: list[tuple[int, int, int, int]] = []  # see `_wrap`
        self._wrapped_for: tuple | None = None  # (article, width) the lines were wrapped for
        self._strips: dict[int, Strip] = {}  # drawn lines by index, for the current wrapping

    def watch_virtual_size(self, size: Size) -> None:
        virtual_size_changed(self, size)

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
        self.refresh_body()
        if not same:
            self.scroll_home(animate=False)

    def set_highlighting(self, on: bool, kind_filter: str | None) -> None:
        self.highlighting = on
        self.kind_filter = kind_filter
        self.refresh_body()

    def title_text(self) -> Text:
        if self.article is None:
            return Text("No article")
        # One line break per part of the document: `_header_lines` counts them by paragraph.
        return Text((self.article.title or self.article.id).replace("\n", " "))

    def meta_text(self) -> Text:
        if self.article is None:
            return Text("")
        meta = article_meta(self.article)
        return Text(meta.plain.replace("\n", " "))

    def body_text(self) -> Text:
        """The article text as a rich Text with highlight styles applied (never parsed as markup)."""
        if self.article is None:
            return Text("")
        text = Text(self._plain_text())
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
        hits = tuple(hits)
        if hits != self.hits:
            self.hits = hits
            self.refresh_body()

    def refresh_body(self) -> None:
        """Redraw from the current article, highlights and marks (styled when next drawn)."""
        self._document = None
        self._strips.clear()
        if self.is_mounted and self.size.width:
            self._update_virtual_size()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Checked when next drawn: a theme change recolours the lines, but moving the focus
        # restyles the pane (its border) without changing their styles, and redrawing every
        # line cost ~10 ms per Enter.
        self._check_styles = True

    def _drawing_styles(self) -> tuple:
        """Every style the drawn lines depend on: the pane's own and its component classes'."""
        return (self.visual_style, *(self.get_visual_style(name, partial=True) for name in sorted(self.COMPONENT_CLASSES)))

    def _forget_stale_lines(self) -> None:
        if not self._check_styles:
            return
        self._check_styles = False
        styles = self._drawing_styles()
        if styles != self._drawn_styles:
            self._drawn_styles = styles
            self._document = None
            self._strips.clear()

    _check_styles = True
    _drawn_styles: tuple | None = None

    def selection_updated(self, selection) -> None:
        self._strips.clear()
        self.refresh()

    def get_selection(self, selection):
        return selection.extract(self._get_document().plain), "\n"

    # ----------------------------------------------------------------- drawing

    def _get_document(self) -> Content:
        """Title (its own style), meta line, a blank line, then the text: one Content, so mouse
        selection has one set of line numbers."""
        if self._document is None:
            title = Content.from_rich_text(self.title_text()).stylize(self.get_visual_style("reader--title", partial=True))
            meta = Content.from_rich_text(self.meta_text()).stylize(self.get_visual_style("reader--meta", partial=True))
            body = Content.from_rich_text(self.body_text())
            self._document = Content("\n").join([title, meta, Content(""), body])
        return self._document

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def _wrap(self) -> list[tuple[int, int, int, int]]:
        """Where the document's lines break at the current width: (paragraph, start, end, x) per
        line, offsets into the document (x: into the paragraph). Styles do not move the breaks, so
        this is worked out once per article and width; lines are styled when drawn."""
        width = self._drawing[0] if self._drawing else self._text_width()
        key = (id(self.article), width)
        if self._wrapped_for != key:
            lines = []
            position = 0
            plain = "\n".join([self.title_text().plain, self.meta_text().plain, "", self._plain_text()])
            for y, paragraph in enumerate(plain.split("\n")):
                breaks = divide_line(paragraph, width, fold=True) if paragraph else []
                for start, end in zip([0, *breaks], [*breaks, len(paragraph)]):
                    lines.append((y, position + start, position + end, start))
                position += len(paragraph) + 1
            self._lines = lines
            self._header_lines = sum(1 for line in lines if line[0] < 3)
            self._wrapped_for = key
            self._strips.clear()
        return self._lines

    def _plain_text(self) -> str:
        return self.article.text.replace("\t", " ") if self.article is not None else ""

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._text_width(), len(self._wrap()))

    def on_resize(self) -> None:
        self._update_virtual_size()

    def render_lines(self, crop):
        self._forget_stale_lines()
        self._drawing = (self._text_width(), self.visual_style)  # once per frame, not per line
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    _drawing: tuple | None = None

    def render_line(self, y: int) -> Strip:
        lines = self._wrap()
        width, style = self._drawing or (self._text_width(), self.visual_style)
        if self.virtual_size.height != len(lines) or self.virtual_size.width != width:
            self.call_later(self._update_virtual_size)  # the width changed (a scrollbar came or went)
        index = self.scroll_offset.y + y
        if index >= len(lines):
            return Strip.blank(width, style.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_wrapped_line(lines, index, width, style)
            self._strips[index] = strip
        return strip

    def _render_wrapped_line(self, lines, index: int, width: int, style: VisualStyle) -> Strip:
        # As Textual draws wrapped Content: spaces at a break dropped, offsets kept for selection.
        paragraph, start, end, x = lines[index]
        line = self._get_document()[start:end]
        last = index + 1 == len(lines) or lines[index + 1][0] != paragraph
        line = line.truncate(width) if last else line.rstrip().truncate(width)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(paragraph)) is not None:
            selected_start, selected_end = span
            if selected_end == -1:
                selected_end = x + len(line.plain)
            cut_start, cut_end = max(selected_start - x, 0), min(selected_end - x, len(line.plain))
            if cut_start < cut_end:
                selection_style = VisualStyle.from_styles(self.screen.get_component_styles("screen--selection"))
                line = line.stylize(selection_style, cut_start, cut_end)
        formatted = FormattedLine(style_getter(self), line.rstrip_end(width), width, x, paragraph)
        return Strip(*formatted.to_strip(style)).extend_cell_length(width, style.rich_style)

    # ----------------------------------------------------------------- moving

    def focus_span(self, start: int, end: int) -> None:
        """Mark a span (a mention, a sentence) and scroll so it is in view, a few lines from the top."""
        self.marked = (start, end)
        self.refresh_body()
        self.call_after_refresh(self._scroll_to_offset, start)

    def line_of(self, offset: int) -> int:
        """The virtual line of the reader where a text offset is drawn."""
        self._wrap()
        text = self.article.text if self.article else ""
        return self._header_lines + wrapped_line_of(text, offset, self._text_width())

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
