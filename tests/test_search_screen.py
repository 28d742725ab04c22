"""The search dialog: type, see hits with their lines, Enter returns the chosen hit."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from newsx.core.model.articles import Article
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
        assert "show here when it is done" in str(status.render())
        # The index arrives while the dialog is open: the hits of what was typed appear.
        app.screen.index_ready(SearchIndex.for_articles(ARTICLES, None))
        await pilot.pause()
        assert "No match" in str(status.render()) or app.screen.query_one(OptionList).option_count > 0


async def test_a_sentence_two_articles_share_is_listed_once_and_counts_read_as_english():
    shared = "Officials said 87 minutes of flight was a record."
    articles = [
        Article(id="w1", path="w1.txt", title="Wire copy one", text=shared + "\nMore here.", outlet="Wire A"),
        Article(id="w2", path="w2.txt", title="Wire copy two", text="Other lead.\n" + shared, outlet="Wire B"),
        Article(id="w3", path="w3.txt", title="Third", text="It flew 73 minutes."),
    ]
    app = SearchApp(SearchIndex.for_articles(articles, None))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"87 minutes")
        await pilot.pause(0.4)
        results = app.screen.query_one(OptionList)
        assert results.option_count == 1  # not twice, and not the "73 minutes" sentence
        prompt = results.get_option_at_index(0).prompt.plain
        assert "also in Wire B" in prompt or "also in Wire A" in prompt
        status = str(app.screen.query_one("#search-status", Static).render())
        assert status == "1 sentence in 2 articles"
    app = SearchApp(SearchIndex.for_articles(articles[2:], None))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"73")
        await pilot.pause(0.4)
        assert str(app.screen.query_one("#search-status", Static).render()) == "1 sentence in 1 article"
