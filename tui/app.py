"""The newsx Textual app (first version: article list and reader)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from newsx.core.corpus import load_corpus
from newsx.core.models import LoadResult
from newsx.core.settings import Settings


class NewsxApp(App):
    TITLE = "newsx"
    CSS = """
    #articles { width: 45%; }
    #reader { width: 1fr; padding: 0 1; }
    """
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, paths: list[Path] | None = None, settings: Settings | None = None, loaded: LoadResult | None = None):
        super().__init__()
        self.paths = list(paths or [])
        self.settings = settings or Settings()
        self.loaded = loaded

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield DataTable(id="articles", cursor_type="row")
            with VerticalScroll(id="reader"):
                yield Static(id="reader-text")
        yield Footer()

    def on_mount(self) -> None:
        if self.loaded is None:
            self.loaded = load_corpus(self.paths, self.settings.max_file_mb)
        table = self.query_one(DataTable)
        table.add_columns("Outlet", "Date", "Title")
        for a in self.loaded.articles:
            table.add_row(Text(a.outlet or ""), Text(a.published or ""), Text(a.title), key=a.id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        article = next(a for a in self.loaded.articles if a.id == event.row_key.value)
        self.query_one("#reader-text", Static).update(Text(article.text))


def run_app(paths: list[Path], settings: Settings) -> int:
    NewsxApp(paths, settings).run()
    return 0
