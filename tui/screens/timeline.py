"""The Timeline screen: events by date, each with the sources that report it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Label, Static

from newsx.core.model.analyses import Event

from ..messages import OpenArticle
from ..widgets.footer import KeysFooter
from ..widgets.nav_table import NavTable
from ..widgets.progress import IndexStatus
from .base import DETAIL_ROW_LIMIT, TIMELINE_ROW_LIMIT, BrowseScreen, one_line, outlet_label, shown_of

# A label longer than this is cut, so the date and the sources stay on screen at 80 columns.
LABEL_WIDTH = 48


def _short(label: str) -> str:
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1].rstrip() + "…"


def ordered_events(events: tuple[Event, ...]) -> list[Event]:
    """By date (a month or year sorts before the days inside it); undated events last."""
    return sorted(events, key=lambda e: (e.date is None, e.date or "", -len(e.articles), e.label))


class TimelineScreen(BrowseScreen):
    BINDINGS = [Binding("a", "clear_filter", "All articles", id="view.all_articles")]

    _shown_event_id: str | None = None  # the event the lower panes show

    def compose(self) -> ComposeResult:
        yield Header()
        yield IndexStatus()
        yield Label(id="timeline-filter")
        yield NavTable(id="events")
        yield NavTable(id="event-sources")
        yield Static(id="event-sentence")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Timeline"
        events = self.query_one("#events", NavTable)
        # What happened first ("Earthquake strikes Aceh"), then when and how many sources report it.
        events.add_column("Event", key="label")
        events.add_column("Date", key="date")
        events.add_column("Src", key="sources")
        events.border_title = "Events"
        sources = self.query_one("#event-sources", NavTable)
        sources.add_column("Outlet", key="outlet", width=14)
        sources.add_column("Sentence", key="sentence")
        sources.border_title = "Sources (Enter opens the sentence)"
        self.follow_index()
        events.focus()

    def visible_events(self) -> list[Event]:
        if self.index is None:
            return []
        events = self.index.events
        if self.article_filter is not None:
            events = self.index.events_by_article.get(self.article_filter, ())
        if len(events) > TIMELINE_ROW_LIMIT:
            # A huge corpus: keep the events most sources report (ties: earlier in the index).
            ranked = sorted(range(len(events)), key=lambda i: -len(events[i].articles))
            events = tuple(events[i] for i in sorted(ranked[:TIMELINE_ROW_LIMIT]))
        return ordered_events(tuple(events))

    def event_count(self) -> int:
        if self.article_filter is not None:
            return len(self.index.events_by_article.get(self.article_filter, ()))
        return len(self.index.events)

    def populate(self) -> None:
        self.query_one("#timeline-filter", Label).update(self.filter_text())
        table = self.query_one("#events", NavTable)
        selected = table.current_key
        table.clear()
        events = self.visible_events()
        table.add_text_rows(
            (
                (Text(_short(e.label), style="bold"), Text(e.date or "undated"), Text(str(self._outlet_count(e)), justify="right")),
                e.id,
            )
            for e in events
        )
        if self.index is None:
            table.border_subtitle = self.empty_reason()
        elif len(events) < (total := self.event_count()):
            table.border_subtitle = f"the {len(events):,} most reported of {total:,} events"
        else:
            table.border_subtitle = f"{len(events)} events"
        if selected:
            table.move_to_key(selected)
        self.show_event(table.current_key)

    def _outlet_count(self, event) -> int:
        return len({outlet_label(self.app.article_by_id.get(a), a) for a in event.articles})

    def show_event(self, event_id: str | None) -> None:
        self._shown_event_id = event_id
        sources = self.query_one("#event-sources", NavTable)
        sources.clear()
        event = self.index.event_by_id.get(event_id) if self.index else None
        self._mentions = list(event.mentions[:DETAIL_ROW_LIMIT]) if event else []
        cut = shown_of(len(self._mentions), len(event.mentions), "sources") if event else ""
        sources.border_subtitle = cut or None
        self._sentences = [self._sentence_of(m) for m in self._mentions]
        sources.add_text_rows(
            (
                (Text(outlet_label(self.app.article_by_id.get(mention.article), mention.article)), Text(one_line(sentence))),
                str(n),
            )
            for n, (mention, sentence) in enumerate(zip(self._mentions, self._sentences))
        )
        self.show_sentence(0)

    def _sentence_of(self, mention) -> str:
        if mention.text:
            return mention.text
        article = self.app.article_by_id.get(mention.article)
        span = self.index.sentence(mention.article, mention.sentence) if self.index else None
        return article.text[span[0] : span[1]] if (article and span) else ""

    def show_sentence(self, position: int) -> None:
        """The whole sentence of the current source (the table cuts it short)."""
        sentences = getattr(self, "_sentences", [])
        text = sentences[position] if 0 <= position < len(sentences) else ""
        self.query_one("#event-sentence", Static).update(Text(" ".join(text.split())))

    def select(self, event_id: str) -> None:
        table = self.query_one("#events", NavTable)
        table.move_to_key(event_id)
        self.show_event(event_id)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "events":
            # The cursor landing on the event `populate` just showed is not a change.
            if event.row_key.value != self._shown_event_id:
                self.show_event(event.row_key.value)
        elif event.data_table.id == "event-sources" and event.row_key.value is not None:
            self.show_sentence(int(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "events":
            self.query_one("#event-sources").focus()
        elif event.data_table.id == "event-sources":
            mention = self._mentions[int(event.row_key.value)]
            span = self.index.sentence(mention.article, mention.sentence) if self.index else None
            start, end = span if span else (None, None)
            self.post_message(OpenArticle(mention.article, start, end))
