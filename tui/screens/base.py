"""What the Entities, Claims and Timeline screens share: going back, panes, an article filter."""

from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding

from newsx.core.index import Index
from newsx.core.model.articles import Article

from .fresh import FreshScreen

_SPACES = re.compile(r"\s+")

# A detail table (mentions in context, the claims of a group) shows at most this many rows: at
# 10,000 articles one entity can have 100,000 mentions, and a DataTable row costs about 0.4 ms.
DETAIL_ROW_LIMIT = 200
# The Timeline lists at most this many events: the most reported ones, still in date order.
TIMELINE_ROW_LIMIT = 2000


def shown_of(shown: int, total: int, noun: str) -> str:
    """"first 200 of 81,234 mentions shown" when a table is cut, else "" ."""
    return f"first {shown:,} of {total:,} {noun} shown" if shown < total else ""


# A table cell holding a whole sentence is cut to this many characters: Rich renders a cell's
# whole text before cropping it to the column, and the pane under the table shows it in full.
CELL_TEXT_LIMIT = 160


def one_line(text: str, limit: int = CELL_TEXT_LIMIT) -> str:
    """`text` on one line (runs of whitespace become one space), cut to `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def context_around(text: str, start: int, end: int, width: int = 34) -> Text:
    """One KWIC line: `width` characters either side of text[start:end], the keyword marked.

    Runs of whitespace (paragraph breaks) become one space so every mention is one line.
    """
    left = _SPACES.sub(" ", text[max(0, start - width - 8) : start])[-width:]
    right = _SPACES.sub(" ", text[end : end + width + 8])[:width]
    line = Text(("…" if start > width else "") + left.rjust(width), style="dim")
    line.append(text[start:end].replace("\n", " "), style="bold reverse")
    line.append(right + ("…" if end + width < len(text) else ""), style="dim")
    return line


def known_outlet(article: Article | None) -> str | None:
    """The outlet, else the site the article came from; None when neither is known."""
    if article is None:
        return None
    return article.outlet or _host(article.url) or None


def outlet_label(article: Article | None, fallback: str) -> str:
    """The outlet, else the site the article came from, else its title in quotes (never the
    file id, which tells a reader nothing); one label per article when the outlet is unknown."""
    if article is None:
        return fallback
    known = known_outlet(article)
    if known:
        return known
    title = " ".join((article.title or "").split())
    return f"“{title}”" if title else article.id


def _host(url: str | None) -> str:
    if not url or "//" not in url:
        return ""
    host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


class BrowseScreen(FreshScreen):
    """A screen reached from the Read screen: Esc/q go back to Read, tab moves between panes."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="nav.back"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="pane.previous"),
    ]

    article_filter: str | None = None

    @property
    def index(self) -> Index | None:
        return self.app.index

    def follow_index(self) -> None:
        """Fill the screen now and whenever the index changes. Called from each screen's on_mount:
        not an `on_mount` here, which Textual would call a second time (it runs every class's)."""
        self.watch(self.app, "index", lambda _index: self.populate())

    def populate(self) -> None:  # pragma: no cover - every screen overrides it
        raise NotImplementedError

    def empty_reason(self) -> str:
        if self.app.index_progress is not None:
            return "Still indexing… the list fills in when it is done."
        return self.app.index_status or "Nothing found."

    def action_back(self) -> None:
        self.app.switch_mode("read")

    def set_article_filter(self, article_id: str | None) -> None:
        """Show only what concerns one article (None: everything)."""
        self.article_filter = article_id
        self.populate()

    def action_clear_filter(self) -> None:
        if self.article_filter is not None:
            self.set_article_filter(None)

    def filter_text(self) -> Text:
        story = self._narrowed_story()
        if self.article_filter is None:
            if story is not None:
                line = Text("Story: ", style="bold")
                line.append(one_line(story.title, 90))
                line.append("  (5 then a: all stories)", style="dim")
                return line
            return Text("All articles", style="dim")
        article = self.app.article_by_id.get(self.article_filter)
        line = Text("Only: ", style="bold")
        line.append(article.title if article else self.article_filter)
        line.append("  (a: show all)", style="dim")
        return line

    def _narrowed_story(self):
        story_id = getattr(self.app, "story_id", None)
        whole = getattr(self.app, "full_index", None)
        return whole.story_by_id.get(story_id) if (whole is not None and story_id) else None
