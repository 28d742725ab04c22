"""Snapshots of each screen at 100x30 and 80x24 (regenerate with --snapshot-update when data changes)."""

from __future__ import annotations

import pytest

from newsx.tui.app import NewsxApp

SCREENS = {"read": (), "entities": ("2",), "claims": ("3",), "timeline": ("4",)}


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, ui_index, screen, size):
    assert snap_compare(NewsxApp(index=ui_index), press=SCREENS[screen], terminal_size=size)


def test_reader_at_a_mention_snapshot(snap_compare, ui_index):
    """The reader scrolled to an entity's mention, marked, after Enter in the Entities screen."""
    assert snap_compare(NewsxApp(index=ui_index), press=("2", "enter", "j", "j", "enter"), terminal_size=(100, 30))
