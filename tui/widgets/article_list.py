"""The list of articles: one option per article, title on top and outlet · date below."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsx.core.model.articles import Article

from ..textual_private import clear_render_caches
from .wrapping import wrapped_height

if TYPE_CHECKING:
    from textual.visual import RulesMap

TITLE_MAX = 90  # long (lede-made) titles would fill the narrow list


def article_prompt(article: Article) -> ArticlePrompt:
    """Title on the first line, outlet and date dimmed on the second. Article strings are data."""
    title = article.title or article.id
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rstrip() + "…"
    # An unknown outlet or date is said so, not shown as the file id (which tells a reader nothing).
    meta = " · ".join(part for part in (article.outlet, article.published) if part) or "no outlet or date"
    # Content drops a few control codes (bell, backspace); loaded text has none (core.corpus.safety),
    # but spans must count what is left.
    title, meta = Content(title).plain, Content(meta).plain
    plain = f"{title}\n{meta}"
    spans = [Span(0, len(plain), _BOLD), Span(len(title) + 1, len(plain), _DIM)]
    return ArticlePrompt(plain, spans, strip_control_codes=False)


_BOLD = Style(bold=True)
_DIM = Style(dim=True)


class ArticlePrompt(Content):
    """An article's option text, which works out its height from the plain text.

    To add up the list's height, and again to index its lines, Textual wraps every option in full:
    at 10,000 articles the first layout took most of a second. The breaks are rich's `divide_line`
    on each line's plain text, as `Content` wraps (a test checks the two agree).
    """

    def get_height(self, rules: RulesMap, width: int) -> int:
        line_pad = rules.get("line_pad", 0) * 2
        width -= line_pad
        plain = self.plain
        if width < 1 or "\t" in plain:  # tabs are expanded before wrapping: leave those to Textual
            return super().get_height(rules, width + line_pad)
        fold = rules.get("text_overflow", "fold") == "fold"
        if rules.get("text_wrap", "wrap") == "nowrap":
            return sum(max(1, -(-cell_len(line) // width)) if fold else 1 for line in plain.split("\n"))
        return wrapped_height(plain, width, fold)


class ArticleList(OptionList):
    """Keyboard list of articles; option ids are article ids."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="nav.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="nav.up"),
        Binding("home,g", "first", "First", show=False, id="nav.first"),
        Binding("end,G", "last", "Last", show=False, id="nav.last"),
    ]

    _drawn_width: int | None = None
    _height_for: tuple[tuple, int] | None = None  # (what the height depends on, the height)
    # Called with the article id as soon as the highlight moves (the OptionHighlighted message
    # arrives a frame later: the reader and side pane would be drawn a frame after the list).
    on_highlight: Callable[[str], None] | None = None

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and self.on_highlight is not None and self.is_mounted:
            self.on_highlight(self.get_option_at_index(highlighted).id)

    def render_lines(self, crop: Region) -> list[Strip]:
        # OptionList caches each option's lines without their width; when the list narrows
        # without a resize (its scrollbar appears) they must be wrapped again.
        width = self.scrollable_content_region.width
        if width != self._drawn_width:
            self._drawn_width = width
            clear_render_caches(self)
        return super().render_lines(crop)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual wraps every option again on each layout to add up their heights: with 10,000
        # articles, coming back to this screen took half a second. They change only with the
        # width, the padding or the options.
        options = self.options
        key = (
            width,
            self.get_component_styles("option-list--option").padding.width,
            len(options),
            id(options[0]) if options else None,
            id(options[-1]) if options else None,
        )
        if self._height_for is None or self._height_for[0] != key:
            self._height_for = (key, super().get_content_height(container, viewport, width))
        return self._height_for[1]

    def set_articles(self, articles: Iterable[Article]) -> None:
        highlighted = self.highlighted_id
        self.clear_options()
        self.add_options([Option(article_prompt(a), id=a.id) for a in articles])
        if highlighted is not None:
            self.highlight_id(highlighted)
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def highlight_id(self, article_id: str) -> None:
        try:
            self.highlighted = self.get_option_index(article_id)
        except Exception:  # OptionDoesNotExist: article not in this list
            pass
