"""Snapshots of the search dialog at 80x24 and 120x40, default and 16-colour (ANSI) theme."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from newsx.core.model.articles import Article
from newsx.core.search import SearchIndex
from newsx.tui.screens.search import SearchScreen
from newsx.tui.theming import setup_themes

TEXT = (
    "Officials said about 3,000 troops had arrived by Friday.\n"
    "A later estimate put the number of troops at 10,000, citing intelligence reports.\n"
    "The [bold]ministry[/bold] declined to comment on troop movements."
)
ARTICLES = [
    Article(id="wire", path="wire.txt", title="Troops arrive at the border", text=TEXT, outlet="Wire", published="2024-10-30"),
    Article(id="daily", path="daily.txt", title="Estimates differ", text="Estimates of the troops vary widely.", outlet="Daily"),
]


class SearchSnapApp(App):
    BINDINGS = [Binding("slash", "search", "Search", id="search.open")]

    def __init__(self, theme_name: str):
        super().__init__()
        self.theme_name = theme_name

    def compose(self) -> ComposeResult:
        yield Static("press / to search")
        yield Footer()

    def on_mount(self) -> None:
        setup_themes(self, self.theme_name)

    def action_search(self) -> None:
        self.push_screen(SearchScreen(SearchIndex.for_articles(ARTICLES, None)))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("theme", ["newsx-dark", "newsx-ansi"])
def test_search_dialog_snapshot(snap_compare, theme, size):
    assert snap_compare(SearchSnapApp(theme), press=("slash", *"troops", "enter"), terminal_size=size)


def test_search_dialog_no_color_snapshot(snap_compare, monkeypatch):
    """With NO_COLOR the hits stay visible: they are reversed, not only coloured."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = SearchSnapApp("newsx-dark")
    assert app.no_color
    assert snap_compare(app, press=("slash", *"troops", "enter"), terminal_size=(80, 24))
