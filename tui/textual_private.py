"""Every use of Textual's private API in newsx, in one place.

newsx reaches under Textual's public surface in a few places: for speed (the first frame, tables
of thousands of rows, a footer drawn as one line) and to list what the Help screen shows (the
bindings Textual has merged, the keymap it applies). Textual renames such names between releases
without notice, so each one is here, behind a function or a base class with a public name, and
nowhere else in `tui/`. `tests/test_textual_private.py` names the release this was written for
(`WRITTEN_FOR`, within `SUPPORTED`) and checks that every name used here still exists in the installed Textual:
when upgrading Textual, run it first; it says which name moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual._context import NoActiveAppError
from textual.app import App
from textual.binding import BindingsMap
from textual.cache import LRUCache
from textual.content import _FormattedLine as FormattedLine
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle
from textual.widgets.data_table import DuplicateKey, Row, RowKey

# The release this module was written and checked against, and the range pyproject.toml allows
# (bug-fix releases of it): test_textual_private checks the installed Textual is in the range.
WRITTEN_FOR = "8.2.8"
SUPPORTED = ">=8.2.8,<8.3"

# Classes that live in private modules (imported from here, not from textual.*._x).
__all__ = [
    "WRITTEN_FOR",
    "NoActiveAppError",
    "FooterKey",
    "FormattedLine",
    "HeaderClockSpace",
    "HeaderIcon",
    "HeaderTitle",
    "FirstFrameApp",
    "DeferLayoutWhileStarting",
    "TextTable",
]

# The private attributes used below, by the class that has them: the test checks each exists.
USED: dict[type, tuple[str, ...]] = {
    App: ("_batch_count", "_css_update_count", "_keymap", "_bindings", "_check_action_state",
          "_normalize_keymap", "_display", "_refresh_truecolor_filter"),
    Screen: ("_refresh_layout", "_compositor_refresh", "_css_update_count", "_bindings"),
    DOMNode: ("_attach", "_merged_bindings", "_bindings"),
    DataTable: ("_render_cell", "_update_dimensions", "_clear_caches", "_highlight_cursor",
                "_scroll_cursor_into_view", "_row_locations", "_column_locations", "_data", "_new_rows",
                "_require_update_dimensions", "_update_count", "_show_hover_cursor", "_pseudo_class_state"),
    Widget: ("_scroll_update", "_get_style"),
}


# ----------------------------------------------------------------------------- bindings


def bindings_of(node: DOMNode) -> BindingsMap:
    """The bindings of one node (app, screen or widget), as Textual merged them."""
    return node._bindings


def class_bindings(cls: type[DOMNode]) -> BindingsMap | None:
    """The bindings a class and its bases declare (None before Textual merged them)."""
    return cls._merged_bindings


def action_state(app: App, action: str, namespace: DOMNode) -> bool | None:
    """What Textual decides for `action` on `namespace`: True, False (hidden) or None (disabled)."""
    return app._check_action_state(action, namespace)


def app_keymap(app: App) -> Mapping[str, str]:
    """The keymap Textual applies, normalised."""
    return app._keymap


def normalize_keymap(keymap: Mapping[str, str]) -> dict[str, str]:
    return App._normalize_keymap(dict(keymap))


# ----------------------------------------------------------------------------- start-up and styles


def is_starting(app: App) -> bool:
    """True while Textual batches the start-up's output (frames drawn then are thrown away)."""
    return bool(app._batch_count)


def css_generation(app: App) -> int:
    """A count that changes whenever the app's CSS is reapplied."""
    return app._css_update_count


def mark_styled(screen: Screen) -> None:
    """Tell Textual a new screen is styled with the app's current CSS (it is, once mounted), so
    switching to its mode does not restyle the whole app."""
    screen._css_update_count = screen.app._css_update_count


def attach(node: DOMNode, parent: DOMNode) -> None:
    """Put a stand-in node under `parent` without mounting it (to read the styles CSS gives it)."""
    node._attach(parent)


def refresh_native_colours(app: App) -> None:
    """What Textual does for an ANSI theme when the theme changes (its colour filter)."""
    refresh_filter = getattr(app, "_refresh_truecolor_filter", None)
    if refresh_filter is not None:
        refresh_filter(app.ansi_theme)


def clear_render_caches(widget: Widget) -> None:
    """Forget the lines a widget drew (OptionList, DataTable) so it draws them again."""
    widget._clear_caches()


def style_getter(widget: Widget) -> Callable[..., Any]:
    """The callable Textual's Content uses to turn style names into styles for `widget`."""
    return widget._get_style


def update_scroll(widget: Widget, size: Size) -> None:
    """Set a scrolling widget's virtual size without a layout of its screen."""
    widget._scroll_update(size)


class FirstFrameApp(App):
    """An App told when a frame reaches the terminal (`frame_written`), start-up frames excluded."""

    def _display(self, screen: Screen, renderable) -> None:
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count:
            self.frame_written()

    def frame_written(self) -> None:
        """Called after each frame written to the terminal."""


class DeferLayoutWhileStarting:
    """Mixed into a Screen: no layout or full render while Textual batches the start-up.

    Textual lays the screen out when it resumes and on each resize inside the start-up batch,
    then again for the frame after it, and it can render a whole frame inside the batch that is
    then thrown away (a tenth of the time to the first frame). Only the last one counts.
    """

    _pending_layout_size = None

    def _starting(self) -> bool:
        app = self.app  # type: ignore[attr-defined]
        return bool(app._batch_count) and self is app.screen and not app.is_inline

    def _refresh_layout(self, size=None, scroll: bool = False) -> None:
        if self._starting() and size is not None:
            self._pending_layout_size = size
            self.refresh(layout=True)  # type: ignore[attr-defined]
            return
        if size is None and self._pending_layout_size is not None:
            size = self._pending_layout_size
        self._pending_layout_size = None
        super()._refresh_layout(size, scroll)  # type: ignore[misc]

    def _compositor_refresh(self) -> None:
        if self._starting():
            self.refresh()  # type: ignore[attr-defined]
            return
        super()._compositor_refresh()  # type: ignore[misc]


# ----------------------------------------------------------------------------- tables


def _text_width(cell: object) -> int | None:
    """What Rich's measure gives for a Text cell (its widest line), without building console
    options per cell; None for anything else."""
    if cell is None:
        return 0
    if isinstance(cell, Text):
        lines = cell.plain.splitlines()
        return max(map(cell_len, lines)) if lines else 0
    return None


class TextTable(DataTable):
    """A DataTable of one-line Text cells, drawn and measured without most of its per-cell cost."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
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

    def scroll_cursor_into_view_later(self) -> None:
        """Keep the cursor's row in view once the next refresh has laid the table out."""
        self.call_after_refresh(self._scroll_cursor_into_view)
