"""The side pane of the Read screen: the current article's entities (name, type, count)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from newsx.core.models import Entity

from .kinds import kind_of


class EntityTable(DataTable):
    """A DataTable with vim keys; row keys are ids (entity, claim, event...)."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="nav.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="nav.up"),
        Binding("home,g", "first", "First", show=False, id="nav.first"),
        Binding("end,G", "last", "Last", show=False, id="nav.last"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)

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


def kind_cell(label: str, style: str = "") -> Text:
    return Text(label, style=style)


class EntityPane(EntityTable):
    """Entities of one article, most mentioned first."""

    def on_mount(self) -> None:
        self.add_column("#", key="count")
        self.add_column("Type", key="type")
        self.add_column("Entity", key="name")

    def set_entities(self, entities: Iterable[tuple[Entity, int]]) -> None:
        selected = self.current_key
        self.clear()
        for entity, count in entities:
            self.add_row(
                Text(str(count), justify="right"), Text(entity.label, style="dim"), Text(entity.name), key=entity.id
            )
        if selected:
            self.move_to_key(selected)


__all__ = ["EntityPane", "EntityTable", "kind_cell", "kind_of"]
