"""The search dialog: type, see hits with their lines, Enter returns the chosen hit."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from newsx.core.models import Article
from newsx.core.search import SearchIndex
from newsx.tui.screens.search import SearchChoice, SearchScreen

ARTICLES = [
    Article(id="a", path="a.txt", title="First story", text="Intro line.\nThe [bold]markup[/bold] troops line.\nMore troops here."),
    Article(id="b", path="b.txt", title="Second story", text="Nothing about soldiers."),
]


class SearchApp(App):
    BINDINGS = [Binding("slash", "search", "Search", id="search.open")]

    def __init__(self, search_index):
        super().__init__()
        self.search_index = search_index
        self.choices: list[SearchChoice | None] = []

    def compose(self) -> ComposeResult:
        yield Static("main")

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.search_index), self.choices.append)


async def test_search_lists_hits_and_enter_returns_the_chosen_one():
    app = SearchApp(SearchIndex.for_articles(ARTICLES, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"troops", "enter")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        assert results.option_count == 2 and app.screen.focused is results
        first = results.get_option_at_index(0).prompt
        assert "First story" in first.plain and "The [bold]markup[/bold] troops line." in first.plain
        # The hit is highlighted by style, and the article's brackets stayed text.
        assert any(first.plain[s.start : s.end] == "troops" for s in first.spans)
        # A second hit in the same article does not repeat its title.
        second = results.get_option_at_index(1).prompt
        assert second.plain.strip() == "More troops here."
        await pilot.press("down", "enter")
        await pilot.pause()
    (choice,) = app.choices
    assert choice.query == "troops" and choice.hit.article_id == "a"
    assert ARTICLES[0].text[choice.hit.start : choice.hit.end] == "troops"
    assert choice.hit.start == ARTICLES[0].text.rindex("troops")
    assert len(choice.hits) == 2


async def test_escape_closes_without_a_choice_and_bad_queries_are_harmless():
    app = SearchApp(SearchIndex.for_articles(ARTICLES, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *'"((', "enter")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
    assert app.choices == [None]


async def test_search_before_the_index_is_ready_says_so():
    app = SearchApp(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"x", "enter")
        await pilot.pause()
        status = app.screen.query_one("#search-status", Static)
        assert "still being built" in str(status.render())
