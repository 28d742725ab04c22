"""The command palette provider: namespaced entries that call the app's actions."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from newsx.tui.commands import NewsxCommands
from newsx.tui.theming import register_themes


class PaletteApp(App):
    COMMANDS = App.COMMANDS | {NewsxCommands}

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.calls: list[tuple] = []

    def compose(self) -> ComposeResult:
        yield Static("main")

    def on_mount(self) -> None:
        register_themes(self)

    def switch_to(self, name: str) -> None:
        self.calls.append(("screen", name))

    def action_open_article(self, article_id: str) -> None:
        self.calls.append(("article", article_id))

    def action_show_entity(self, entity_id: str) -> None:
        self.calls.append(("entity", entity_id))

    def action_show_claim_group(self, group_id: str) -> None:
        self.calls.append(("claims", group_id))

    def action_toggle_highlights(self) -> None:
        self.calls.append(("toggle",))


async def hits_for(app: App, query: str) -> list:
    provider = NewsxCommands(app.screen)
    return [hit async for hit in provider.search(query)]


async def test_every_namespace_is_offered(seed_index):
    app = PaletteApp(seed_index)
    async with app.run_test():
        texts = [e[0] for e in NewsxCommands(app.screen).entries()]
        prefixes = {t.split(": ", 1)[0] for t in texts}
        assert {"screen", "command", "theme", "article", "entity", "claims"} <= prefixes
        assert {"screen: Read", "screen: Entities", "screen: Claims", "screen: Timeline"} <= set(texts)
        assert "command: toggle entity highlights" in texts
        assert "command: copy sentence or claim" not in texts  # the app has no such action
        assert sum(t.startswith("article: ") for t in texts) == len(seed_index.articles)
        assert sum(t.startswith("entity: ") for t in texts) == len(seed_index.entities)


async def test_hits_call_the_right_action(seed_index):
    app = PaletteApp(seed_index)
    entity = max(seed_index.entities, key=lambda e: e.mentions)
    article = seed_index.articles[0]
    async with app.run_test():
        hits = await hits_for(app, f"entity: {entity.name}")
        best = max(hits, key=lambda h: h.score)
        assert best.text == f"entity: {entity.name}"
        best.command()
        hits = await hits_for(app, f"article: {article.title}")
        max(hits, key=lambda h: h.score).command()
        (max(await hits_for(app, "screen: timeline"), key=lambda h: h.score)).command()
    assert app.calls == [("entity", entity.id), ("article", article.id), ("screen", "timeline")]


async def test_palette_works_while_indexing(seed_loaded):
    app = PaletteApp(None)
    app.loaded = seed_loaded
    async with app.run_test():
        texts = [e[0] for e in NewsxCommands(app.screen).entries()]
        assert not any(t.startswith(("entity: ", "claims: ")) for t in texts)
        assert sum(t.startswith("article: ") for t in texts) == len(seed_loaded.articles)


async def test_palette_used_with_keys_changes_theme():
    app = PaletteApp(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme: newsx-high-contrast")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "newsx-high-contrast"


async def test_markup_in_titles_stays_text(tmp_path):
    from newsx.core.index import index_from_analyses
    from newsx.core.model.articles import Article

    article = Article(id="x", path="x.txt", title="[bold red]Breaking[/] news", text="Body.")
    app = PaletteApp(index_from_analyses([article], {}))
    async with app.run_test():
        (hit,) = [h for h in await hits_for(app, "breaking") if h.text.startswith("article:")]
        assert hit.match_display.plain == "article: [bold red]Breaking[/] news"


async def test_palette_in_newsx_reaches_a_screen_and_an_entity(seed_index):
    from newsx.tui.app import NewsxApp

    app = NewsxApp(index=seed_index, build=False)
    entity = max(seed_index.entities, key=lambda e: e.mentions)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"screen: Claims")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause(0.5)
        assert app.current_mode == "claims"
        hits = await hits_for(app, f"entity: {entity.name}")
        result = max(hits, key=lambda h: h.score).command()
        if result is not None:  # the app's actions may be coroutines, as the palette allows
            await result
        await pilot.pause(0.5)
        assert app.current_mode == "entities"
        assert app.screen.query_one("#entity-table").current_key == entity.id
