"""A DataTable for lists of things: row cursor, vim keys, row keys that are ids."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from ..textual_private import TextTable


class NavTable(TextTable):
    """Row cursor, j/k/g/G; `current_key` is the id of the row under the cursor."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="nav.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="nav.up"),
        Binding("home,g", "first", "First", show=False, id="nav.first"),
        Binding("end,G", "last", "Last", show=False, id="nav.last"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)

    # Called with the table when its width changes (a screen fitting columns to it).
    on_width_change: Callable[["NavTable"], None] | None = None
    _last_width = 0

    def on_resize(self) -> None:
        # The panes around a table change height as one moves (a longer quote under it): keep
        # the cursor's row in view, not under the bottom edge or the scroll bar.
        if self.row_count and self.show_cursor:
            self.scroll_cursor_into_view_later()
        width = self.scrollable_content_region.width
        if width != self._last_width:
            self._last_width = width
            if self.on_width_change is not None:
                self.call_after_refresh(self.on_width_change, self)

    def action_first(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    @property
    def current_key(self) -> str | None:
        if not self.row_count or self.cursor_row < 0:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:  # empty or stale cursor
            return None

    def move_to_key(self, key: str) -> None:
        try:
            self.move_cursor(row=self.get_row_index(key))
        except Exception:  # RowDoesNotExist
            pass
