"""User keymaps: remapped keys work, unknown binding ids are reported; mouse on/off."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from newsx.core.settings import Settings
from newsx.tui.keymap import apply_keymap, known_binding_ids, run_options


class CounterApp(App):
    BINDINGS = [
        Binding("x", "bump", "Bump", id="nav.bump"),
        Binding("r", "reset", "Reset", id="view.reset"),
    ]

    def __init__(self, keymap: dict[str, str]):
        super().__init__()
        self.keymap = keymap
        self.count = 0
        self.notices: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("counter")

    def on_mount(self) -> None:
        self.notices = apply_keymap(self, self.keymap)

    def action_bump(self) -> None:
        self.count += 1

    def action_reset(self) -> None:
        self.count = 0


async def test_remapped_key_works_and_old_key_does_not():
    app = CounterApp({"nav.bump": "y,ctrl+b"})
    async with app.run_test() as pilot:
        await pilot.press("y", "ctrl+b")
        assert app.count == 2
        await pilot.press("x")
        assert app.count == 2  # the old key is gone
        await pilot.press("r")
        assert app.count == 0  # bindings not in the keymap keep their keys
    assert app.notices == []


async def test_unknown_binding_id_is_reported_with_a_suggestion():
    app = CounterApp({"nav.bumb": "y", "nothing.like.it": "z"})
    async with app.run_test() as pilot:
        await pilot.press("x")
        assert app.count == 1
    assert len(app.notices) == 2
    assert "unknown binding id 'nav.bumb' (did you mean 'nav.bump'?)" in app.notices[0]
    assert "'nothing.like.it'" in app.notices[1]


def test_known_ids_include_every_imported_class():
    assert {"nav.bump", "view.reset"} <= known_binding_ids()


def test_mouse_setting_becomes_a_run_option():
    assert run_options(Settings(mouse=False)) == {"mouse": False}
    assert run_options(Settings()) == {"mouse": True}
