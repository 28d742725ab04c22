"""The search dialog (`/`): type a query, see every hit with its line, Enter opens one.

API:
- `SearchScreen(search_index, query="")`: a `ModalScreen[SearchChoice | None]`. Push it with a
  callback: `app.push_screen(SearchScreen(app.search_index, app.last_query), callback)`; the
  callback gets a `SearchChoice` when the user picks a hit (Enter) or None (Esc).
  `search_index` may be None while it is being built: the dialog says so, and shows the hits
  once the App hands it the index (`index_ready`).
- `SearchChoice(query, hit, hits)`: the chosen `newsx.core.search.Hit` (open `hit.article_id`
  and put the cursor at `hit.start`), the query and all hits, so the reader can step through the
  query's hits in that article with n/N (`search_index.hits_in(article_id, query)`).

Keys: typing searches as you go; Enter in the field or a result, or down, moves to / picks
results; Esc closes. Each result shows the matching line with the hit highlighted, under
its article's title (`search_hit_style`: reversed, visible without colour).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsx.core.search import Hit, SearchIndex
from newsx.tui.theming import search_hit_style

MAX_RESULTS = 300


@dataclass(frozen=True)
class SearchChoice:
    query: str
    hit: Hit
    hits: tuple[Hit, ...] = field(default=())


class SearchScreen(ModalScreen["SearchChoice | None"]):
    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > #search-box {
        width: 100%; max-width: 120; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    SearchScreen #search-input { margin: 0 0 1 0; }
    SearchScreen #search-status { height: 1; color: $text-muted; }
    SearchScreen #search-results { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, search_index: SearchIndex | None, query: str = "") -> None:
        super().__init__()
        self.search_index = search_index
        self.initial_query = query
        self.hits: list[Hit] = []
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(value=self.initial_query, placeholder='search: words, "a phrase", prefix*, a OR b', id="search-input")
            yield Static(id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search all articles"
        self.query_one("#search-input", Input).focus()
        self.run_search(self.initial_query)

    # ----------------------------------------------------------------- searching

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        # Wait for a pause in typing; the search itself is fast but rendering hundreds of rows is not.
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(0.15, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search-input")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        self.run_search(event.value)
        if len(self.hits) == 1:
            self._choose(0)
        elif self.hits:
            self.action_focus_results()

    def run_search(self, query: str) -> None:
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        self.hits = []
        if self.search_index is None:
            # `index_ready` runs the search again when the index is there.
            status.update("Indexing the articles for search… the hits show here when it is done.")
            return
        if not query.strip():
            status.update("Type to search titles and texts.")
            return
        found = self.search_index.search(query, limit=MAX_RESULTS)
        # A sentence that several articles share word for word (copies of a wire story) is listed
        # once, under its first article, with the others named.
        self.hits, also = [], {}
        first_of: dict[str, int] = {}
        for hit in found:
            key = " ".join(hit.line.split()).casefold()
            if key in first_of:
                also.setdefault(first_of[key], []).append(hit.article_id)
                continue
            first_of[key] = len(self.hits)
            self.hits.append(hit)
        articles = {h.article_id for h in found}
        more = "+" if len(found) >= MAX_RESULTS else ""
        status.update(Text(self._summary(len(self.hits), more, len(articles)) if self.hits else "No match."))
        width = max(20, (results.size.width or self.app.size.width) - 4)
        options = []
        for i, hit in enumerate(self.hits):
            # The article's title heads its first hit only: more hits fit on a small screen.
            first = i == 0 or self.hits[i - 1].article_id != hit.article_id
            rendered = self._render_hit(hit, width, with_title=first)
            if i in also:
                rendered.append(Text("\n  also in " + ", ".join(self._source_name(a) for a in also[i]), style="dim"))
            options.append(Option(rendered, id=str(i)))
        results.add_options(options)
        if self.hits:
            results.highlighted = 0

    @staticmethod
    def _summary(sentences: int, more: str, articles: int) -> str:
        def count(n: int, noun: str) -> str:
            return f"{n}{more if noun == 'sentence' else ''} {noun}{'' if n == 1 else 's'}"

        return f"{count(sentences, 'sentence')} in {count(articles, 'article')}"

    def _source_name(self, article_id: str) -> str:
        article = self.search_index.article_by_id.get(article_id) if self.search_index else None
        if article is None:
            return article_id
        return " · ".join(x for x in (article.outlet, article.published) if x) or (article.title or article_id)[:40]

    def index_ready(self, search_index: SearchIndex) -> None:
        """The search index finished while the dialog was open: show the hits of what is typed."""
        if self.search_index is None:
            self.search_index = search_index
            self.run_search(self.query_one("#search-input", Input).value)

    def _render_hit(self, hit: Hit, width: int, with_title: bool = True) -> Text:
        article = self.search_index.article_by_id.get(hit.article_id) if self.search_index else None
        title = article.title if article else hit.article_id
        about = " · ".join(x for x in (article.outlet, article.published) if x) if article else ""
        head = Text(title[:width], style="bold")  # titles are article data too: Text, not markup
        if hit.field == "title":
            # A hit in the title is shown in the title line itself.
            head.stylize(search_hit_style(self.app), hit.start, min(hit.end, width))
        if about and len(title) + len(about) + 3 <= width:
            head.append(f" · {about}", style="dim")
        if hit.field == "title":
            return head
        line, marks = hit.excerpt_marks(width - 2)
        body = Text("  " + line)
        for start, end in marks:
            body.stylize(search_hit_style(self.app), start + 2, end + 2)
        return Text("\n").join([head, body]) if with_title else body

    # ----------------------------------------------------------------- choosing

    @on(OptionList.OptionSelected, "#search-results")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.hits):
            query = self.query_one("#search-input", Input).value
            self.dismiss(SearchChoice(query, self.hits[index], tuple(self.hits)))

    def action_focus_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)
