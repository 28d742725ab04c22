"""A DataTable for lists of things: row cursor, vim keys, row keys that are ids."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class NavTable(DataTable):
    """Row cursor, j/k/g/G; `current_key` is the id of the row under the cursor."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="nav.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="nav.up"),
        Binding("home,g", "first", "First", show=False, id="nav.first"),
        Binding("end,G", "last", "Last", show=False, id="nav.last"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)

    def _update_dimensions(self, new_rows) -> None:
        super()._update_dimensions(new_rows)
        # New rows can widen the columns, but Textual keeps the lines it drew with the old widths
        # (its caches are keyed on the size, not the widths): a name cut to its column's title.
        # A restyle used to clear them by chance; clear them when the widths are worked out.
        self._clear_caches()

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
