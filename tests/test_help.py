"""The help screen: generated from the live bindings, grouped by purpose, keymap included."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from newsx.tui.keymap import apply_keymap
from newsx.tui.screens.help import HelpScreen, bindings_markdown, collect_bindings, group_of


class Pane(Static, can_focus=True):
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", id="nav.down"),
        Binding("n", "next_hit", "Next hit", id="search.next"),
    ]

    def action_cursor_down(self) -> None:
        pass

    def action_next_hit(self) -> None:
        pass


class MainScreen(Screen):
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", id="pane.next"),
        Binding("h", "toggle_highlight", "Highlight", id="view.highlight"),
        Binding("2", "app.switch_to('entities')", "Entities", id="screen.entities"),
    ]

    def compose(self) -> ComposeResult:
        yield Pane("reader", id="reader")
        yield Input(id="filter")

    def action_toggle_highlight(self) -> None:
        pass


class HelpApp(App):
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("Q", "quit", "Quit", id="app.quit"),
        Binding("slash", "search", "Search", id="search.open"),
    ]

    def __init__(self, keymap=None):
        super().__init__()
        self.keymap = keymap or {}

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        apply_keymap(self, self.keymap)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        pass


def by_description(rows):
    return {r.description: r for r in rows}


async def test_help_lists_screen_pane_and_app_bindings_by_group():
    app = HelpApp()
    async with app.run_test(size=(80, 24)) as pilot:
        rows = by_description(collect_bindings(app.screen))
        assert rows["Down"].keys == ("j", "↓") and rows["Down"].group == "nav" and rows["Down"].where == "Reader"
        assert rows["Next hit"].group == "search"
        assert rows["Next pane"].group == "pane"
        assert rows["Highlight"].group == "view"
        assert rows["Entities"].group == "screen"
        assert rows["Help"].keys == ("?",) and rows["Quit"].group == "app"
        # The text field's editing keys are not newsx keys.
        assert "Delete character left" not in rows and "Go to start" not in rows
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for title in ("Navigation", "Panes", "Search", "View", "Screens", "App"):
            assert title in text
        # Where one can go comes first, the details of moving in a list last (issue 17).
        assert text.index("Screens") < text.index("Search") < text.index("App") < text.index("Navigation")
        # the hint names the config section literally, not as swallowed markup
        box = app.screen.query_one("#help-box")
        assert "config [keymap] by the ids" in Content.from_markup(box.border_subtitle).plain
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_help_shows_remapped_keys():
    app = HelpApp({"view.highlight": "H", "app.help": "question_mark,f1"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = by_description(app.screen.rows)
        assert rows["Highlight"].keys == ("H",)
        assert rows["Help"].keys == ("?", "f1")
        assert "H" in str(app.screen.query_one("#help-text").render())


def test_group_guessing_for_bindings_without_a_purpose_id():
    assert group_of(Binding("x", "app.quit", id="read.quit")) == "app"
    assert group_of(Binding("x", "switch_mode('claims')")) == "screen"
    assert group_of(Binding("x", "next_mention")) == "search"
    assert group_of(Binding("x", "cycle_kinds")) == "view"
    assert group_of(Binding("x", "app.focus_previous")) == "pane"
    assert group_of(Binding("x", "cursor_down")) == "nav"


def test_markdown_for_the_readme_lists_every_binding_with_its_id():
    md = bindings_markdown([("Main screen", [HelpApp, MainScreen, Pane])], keymap={"nav.down": "ctrl+n"})
    assert "### Main screen" in md
    assert "| Navigation | `ctrl+n` | Down (Pane) | nav.down |" in md
    assert "| Search | `/` | Search | search.open |" in md
    assert "| App | `?` | Help | app.help |" in md


async def test_help_on_the_real_app_with_a_keymap_from_settings(seed_loaded):
    from newsx.core.settings import Settings
    from newsx.tui.app import NewsxApp
    from newsx.tui.screens.read import ReadScreen

    # Whatever id the Read screen gives its highlight toggle, remapping it must show in the help.
    (highlight_id,) = [b.id for b in ReadScreen.BINDINGS if b.action == "toggle_highlight"]
    settings = Settings(keymap={highlight_id: "H"})
    app = NewsxApp(settings=settings, loaded=seed_loaded, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        assert {r.group for r in rows} >= {"nav", "pane", "view", "screen", "app"}
        (highlight,) = [r for r in rows if r.binding_id == highlight_id]
        assert highlight.keys == ("H",) and highlight.group == "view"
        screens = {r.description for r in rows if r.group == "screen"}
        assert {"Read", "Entities", "Claims", "Timeline"} <= screens
