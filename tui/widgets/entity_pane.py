"""The side pane of the Read screen: the current article's entities (name, type, count)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from newsx.core.models import Entity

from .nav_table import NavTable


class EntityPane(NavTable):
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
