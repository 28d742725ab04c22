"""Snapshots of each screen at 120x40 and 80x24, in the default and the 16-colour (ANSI) theme,
and the Read screen with NO_COLOR (regenerate with --snapshot-update when data changes)."""

from __future__ import annotations

import pytest

from newsx.core.settings import Settings
from newsx.tui.app import NewsxApp

SCREENS = {"read": (), "entities": ("2",), "claims": ("3",), "timeline": ("4",)}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("theme", ["newsx-dark", "newsx-ansi"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, ui_index, screen, theme, size):
    app = NewsxApp(settings=Settings(theme=theme), index=ui_index)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)


def test_read_screen_no_color_snapshot(snap_compare, ui_index, monkeypatch):
    """Without colour the entity types still differ: bold, italic, underline."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = NewsxApp(index=ui_index)
    assert app.no_color
    assert snap_compare(app, press=("tab",), terminal_size=(80, 24))


def test_reader_at_a_mention_snapshot(snap_compare, ui_index):
    assert snap_compare(NewsxApp(index=ui_index), press=("2", "enter", "j", "j", "enter"), terminal_size=(100, 30))
