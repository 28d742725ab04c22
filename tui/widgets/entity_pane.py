"""The side pane of the Read screen: the current article's entities (name, type, count)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.geometry import Size

from .nav_table import NavTable
from .scrolling import quiet_virtual_size, virtual_size_changed

if TYPE_CHECKING:
    from newsx.core.model.analyses import Entity


class EntityPane(NavTable):
    """Entities of one article, most mentioned first (refilled on every move through the list)."""

    virtual_size = quiet_virtual_size()

    def watch_virtual_size(self, size: Size) -> None:
        virtual_size_changed(self, size)

    def on_mount(self) -> None:
        self.add_column("#", key="count")
        self.add_column("Type", key="type")
        self.add_column("Entity", key="name")

    def set_entities(self, entities: Iterable[tuple[Entity, int]]) -> None:
        selected = self.current_key
        self.clear()
        # Measured now, not when the table is next idle: the frame after a move draws the filled
        # table once, not an empty one first.
        self.add_text_rows(
            ((Text(str(count), justify="right"), Text(entity.label, style="dim"), Text(entity.name)), entity.id)
            for entity, count in entities
        )
        if selected:
            self.move_to_key(selected)
