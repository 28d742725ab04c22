"""Scrollable line-API widgets whose content size changes without a screen layout.

Textual's `virtual_size` asks for a layout of the whole screen when it changes, though a
scroll view's box stays the same size: only its scrollbar changes. The Read screen's reader and
entity table change it on every move through the article list, and each layout re-rendered the
screen. Here a layout is asked for only when a scrollbar has to appear or go.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget

from ..textual_private import update_scroll


def quiet_virtual_size() -> Reactive[Size]:
    """A `virtual_size` reactive for a ScrollView subclass that pairs with `virtual_size_changed`."""
    return Reactive(Size(0, 0), layout=False)


def virtual_size_changed(widget: Widget, size: Size) -> None:
    """Call from `watch_virtual_size`: update the scrollbars, lay out only if one shows or hides."""
    if not widget.is_mounted or not widget.container_size:
        widget.refresh(layout=True)
        return
    width, height = widget.container_size
    styles = widget.styles
    wants_vertical = styles.overflow_y == "scroll" or (styles.overflow_y == "auto" and size.height > height)
    wants_horizontal = styles.overflow_x == "scroll" or (styles.overflow_x == "auto" and size.width > width)
    if (wants_vertical, wants_horizontal) != (widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar):
        widget.refresh(layout=True)
        return
    update_scroll(widget, size)
    widget.refresh()
