"""The Entities screen: every entity with type, aliases and counts; its mentions in context."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input, Label

from newsx.core.model.analyses import Entity

from ..messages import OpenArticle
from ..widgets.footer import KeysFooter
from ..widgets.kinds import KIND_NAMES, kind_of, next_kind_filter
from ..widgets.nav_table import NavTable
from ..widgets.progress import IndexStatus
from .base import DETAIL_ROW_LIMIT, BrowseScreen, context_around, outlet_label, shown_of


def entity_matches(entity: Entity, needle: str) -> bool:
    needle = needle.casefold()
    return needle in entity.name.casefold() or any(needle in alias.casefold() for alias in entity.aliases)


class EntitiesScreen(BrowseScreen):
    BINDINGS = [
        Binding("t", "cycle_kinds", "Types", id="view.types"),
        Binding("f", "filter", "Filter", id="search.filter"),
        Binding("m", "only_mentioning", "Articles mentioning it", id="view.only_mentioning"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind_filter: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield IndexStatus()
        with Horizontal(id="entity-filters"):
            yield Label(id="entity-kind")
            yield Input(placeholder="filter by name (f)", id="entity-filter")
        yield NavTable(id="entity-table")
        yield NavTable(id="kwic")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Entities"
        table = self.query_one("#entity-table", NavTable)
        table.add_column("Entity", key="name")
        table.add_column("Type", key="type")
        table.add_column("Articles", key="articles")
        table.add_column("Mentions", key="mentions")
        table.add_column("Also written", key="aliases")
        table.border_title = "Entities"
        kwic = self.query_one("#kwic", NavTable)
        kwic.add_column("Article", key="article", width=14)
        kwic.add_column("Mention in context", key="context")
        kwic.border_title = "Mentions (Enter opens the article there)"
        self.follow_index()
        table.focus()

    # ----------------------------------------------------------------- filling

    def visible_entities(self) -> list[Entity]:
        if self.index is None:
            return []
        needle = self.query_one("#entity-filter", Input).value.strip()
        return [
            e
            for e in self.index.entities
            if (self.kind_filter is None or kind_of(e.label) == self.kind_filter)
            and (not needle or entity_matches(e, needle))
        ]

    def populate(self) -> None:
        kind = "all types" if self.kind_filter is None else KIND_NAMES[self.kind_filter]
        self.query_one("#entity-kind", Label).update(Text.assemble(("Type: ", "bold"), kind, ("  (t)", "dim")))
        table = self.query_one("#entity-table", NavTable)
        selected = table.current_key
        table.clear()
        entities = self.visible_entities()
        table.add_text_rows(
            (
                (
                    Text(e.name, style="bold"),
                    Text(e.label),
                    Text(str(len(e.articles)), justify="right"),
                    Text(str(e.mentions), justify="right"),
                    Text(", ".join(e.aliases)),
                ),
                e.id,
            )
            for e in entities
        )
        table.border_subtitle = f"{len(entities)} shown" if self.index else self.empty_reason()
        if selected:
            table.move_to_key(selected)
        self.show_mentions(table.current_key)

    def show_mentions(self, entity_id: str | None) -> None:
        kwic = self.query_one("#kwic", NavTable)
        # Mounting, filling and the first highlight all ask for the same entity: build it once.
        shown = (entity_id, id(self.index), kwic.scrollable_content_region.width)
        if shown == getattr(self, "_mentions_shown", None):
            return
        self._mentions_shown = shown
        kwic.clear()
        entity = self.index.entity_by_id.get(entity_id) if (self.index and entity_id) else None
        if entity is None:
            kwic.border_subtitle = None
            return
        # Context either side sized so the keyword sits mid-line in the pane as laid out.
        available = (kwic.scrollable_content_region.width or 100) - 14 - 6
        spans = entity.mention_spans[:DETAIL_ROW_LIMIT]
        rows = []
        for n, span in enumerate(spans):
            article = self.app.article_by_id.get(span.article)
            text = article.text if article else span.text
            side = max(8, (available - (span.end - span.start)) // 2)
            rows.append(((Text(outlet_label(article, span.article)), context_around(text, span.start, span.end, side)), f"{n}"))
        kwic.add_text_rows(rows)
        cut = shown_of(len(spans), len(entity.mention_spans), "mentions")
        cut = f" · {cut}" if cut else ""
        kwic.border_subtitle = Text(f"{entity.name}: {entity.mentions} mentions in {len(entity.articles)} articles{cut}")

    # ----------------------------------------------------------------- events and actions

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "entity-table":
            self.show_mentions(event.row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "entity-table":
            self.query_one("#kwic").focus()
        elif event.data_table.id == "kwic":
            entity_id = self.query_one("#entity-table", NavTable).current_key
            entity = self.index.entity_by_id.get(entity_id) if (self.index and entity_id) else None
            if entity is None:
                return
            span = entity.mention_spans[int(event.row_key.value)]
            self.post_message(OpenArticle(span.article, span.start, span.end, entity_id=entity.id))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.populate()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#entity-table").focus()

    def select(self, entity_id: str) -> None:
        """Show one entity and its mentions (clearing filters that would hide it)."""
        if entity_id not in {e.id for e in self.visible_entities()}:
            self.kind_filter = None
            self.query_one("#entity-filter", Input).value = ""
            self.populate()
        table = self.query_one("#entity-table", NavTable)
        table.move_to_key(entity_id)
        self.show_mentions(entity_id)
        table.focus()

    def action_only_mentioning(self) -> None:
        entity_id = self.query_one("#entity-table", NavTable).current_key
        if entity_id:
            self.run_worker(self.app.action_filter_entity(entity_id))

    def action_filter(self) -> None:
        self.query_one("#entity-filter", Input).focus()

    def action_cycle_kinds(self) -> None:
        self.kind_filter = next_kind_filter(self.kind_filter)
        self.populate()

    def action_back(self) -> None:
        # Esc in the filter box returns to the list instead of leaving the screen.
        if self.focused is self.query_one("#entity-filter"):
            self.query_one("#entity-table").focus()
            return
        super().action_back()
