"""A DataTable for lists of things: row cursor, vim keys, row keys that are ids."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.widgets import DataTable
from textual.widgets._data_table import DuplicateKey, Row, RowKey


def _text_width(cell: object) -> int | None:
    """What Rich's measure gives for a Text cell (its widest line), without building console
    options per cell; None for anything else."""
    if cell is None:
        return 0
    if isinstance(cell, Text):
        lines = cell.plain.splitlines()
        return max(map(cell_len, lines)) if lines else 0
    return None


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
        # Drawn one-line Text cells by what they show and where (see `_render_cell`).
        self._drawn_cells: LRUCache[tuple, list] = LRUCache(4096)

    def _render_cell(self, row_index: int, column_index: int, base_style, width: int, cursor: bool = False, hover: bool = False):
        # DataTable keeps drawn cells only until the table changes, so refilling it (the entity
        # pane, on every move through the articles) draws every cell again through Rich, about
        # 0.1 ms each. Types, counts and frequent names come back in the same rows: keep cells
        # by their text, styles and place (the place carries the row/column a click reports).
        cell = self._text_cell(row_index, column_index)
        if cell is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (
            row_index, column_index, cell.plain, cell.style, tuple(cell.spans), cell.justify, cell.overflow,
            cell.no_wrap, base_style, width, cursor, hover, self._show_hover_cursor, self._pseudo_class_state,
            self.fixed_rows, self.fixed_columns, self.cell_padding, self.show_cursor,
        )
        lines = self._drawn_cells.get(key)
        if lines is None:
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            self._drawn_cells[key] = lines
        return lines

    def _text_cell(self, row_index: int, column_index: int) -> Text | None:
        """The cell if it is a one-line Text in a one-line row, else None (drawn as usual)."""
        if row_index < 0 or column_index < 0 or row_index >= self.row_count:
            return None
        row_key = self._row_locations.get_key(row_index)
        row = self.rows.get(row_key)
        if row is None or row.height != 1 or row.label is not None:
            return None
        cell = self._data.get(row_key, {}).get(self._column_locations.get_key(column_index))
        return cell if isinstance(cell, Text) and "\n" not in cell.plain else None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn_cells.clear()  # a theme or a restyle changes what the component styles give

    def render_lines(self, crop):
        # DataTable asks for the table's own style on every line drawn, and Textual works it out
        # from every ancestor each time: once per frame is enough.
        self._frame_style = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    _frame_style = None

    @property
    def rich_style(self):
        return self._frame_style if self._frame_style is not None else super().rich_style

    def _update_dimensions(self, new_rows) -> None:
        # Textual measures every new cell through Rich with fresh console options: 0.2 ms a row,
        # most of the time it takes to open a screen with a thousand rows. Plain one-line Text
        # cells (all newsx puts in its tables) are measured here; anything else goes the usual way.
        usual = []
        columns = self.ordered_columns
        for row_key in new_rows:
            row = self.rows.get(row_key)
            if row is None or row_key not in self._row_locations:
                continue  # removed before the idle callback ran
            cells = self._data.get(row_key, {})
            widths = [_text_width(cells.get(column.key)) for column in columns]
            if row.label is not None or row.auto_height or None in widths:
                usual.append(row_key)
                continue
            for column, width in zip(columns, widths):
                column.content_width = max(column.content_width, width)
        super()._update_dimensions(usual)
        # New rows can widen the columns, but Textual keeps the lines it drew with the old widths
        # (its caches are keyed on the size, not the widths): a name cut to its column's title.
        # A restyle used to clear them by chance; clear them when the widths are worked out.
        self._clear_caches()

    def add_text_rows(self, rows: Iterable[tuple[Sequence[Text], str]]) -> None:
        """Add one-line rows of Text cells, each with its key, and measure them now.

        What `add_row` does for each row, with the per-row bookkeeping (column order, cursor
        check, an idle pass to measure) done once: a screen of 2,000 rows opens in a third of the
        time, and its first frame already has the final column widths (no second render).
        """
        columns = self.ordered_columns
        had_rows = self.row_count > 0
        added = []
        for cells, key in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = len(self.rows)
            self._data[row_key] = {column.key: (cells[n] if n < len(cells) else None) for n, column in enumerate(columns)}
            self.rows[row_key] = Row(row_key, 1)
            added.append(row_key)
        if added:
            self._update_count += 1  # before measuring: row offsets are cached per update count
        # Rows still waiting for the idle pass (and a `clear()`'s request for one) are measured
        # now too: that pass would only redo the widths and redraw the table.
        pending = [*self._new_rows, *added]
        self._new_rows.clear()
        self._require_update_dimensions = False
        self._update_dimensions(pending)
        if not added:
            return
        self.cursor_coordinate = self.cursor_coordinate
        if not had_rows and columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self.refresh()

    # Called with the table when its width changes (a screen fitting columns to it).
    on_width_change: Callable[["NavTable"], None] | None = None
    _last_width = 0

    def on_resize(self) -> None:
        # The panes around a table change height as one moves (a longer quote under it): keep
        # the cursor's row in view, not under the bottom edge or the scroll bar.
        if self.row_count and self.show_cursor:
            self.call_after_refresh(self._scroll_cursor_into_view)
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
