"""Snapshots of the help screen at 80x24 and 120x40, default and 16-colour (ANSI) theme."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from newsx.tui.keymap import apply_keymap
from newsx.tui.screens.help import HelpScreen
from newsx.tui.theming import setup_themes


class Pane(Static, can_focus=True):
    BINDINGS = [
        Binding("j,down", "down", "Down", id="nav.down"),
        Binding("k,up", "up", "Up", id="nav.up"),
        Binding("n", "next_hit", "Next hit", id="search.next"),
    ]


class Main(Screen):
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", id="pane.next"),
        Binding("h", "toggle_highlight", "Highlight", id="view.highlights"),
        Binding("2", "switch('entities')", "Entities", id="screen.entities"),
    ]

    def compose(self) -> ComposeResult:
        yield Pane("reader", id="reader")
        yield Footer()


class HelpSnapApp(App):
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="search.open"),
        Binding("Q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, theme_name: str):
        super().__init__()
        self.theme_name = theme_name

    def on_mount(self) -> None:
        setup_themes(self, self.theme_name)
        apply_keymap(self, {"view.highlights": "H"})
        self.push_screen(Main())

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("theme", ["newsx-dark", "newsx-ansi"])
def test_help_screen_snapshot(snap_compare, theme, size):
    assert snap_compare(HelpSnapApp(theme), press=("question_mark",), terminal_size=size)
