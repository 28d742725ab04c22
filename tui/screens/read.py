"""The Read screen: article list | reader with highlighted entities | the article's entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.widgets import DataTable, OptionList, Static

from newsx.core.model.articles import Article

from ..messages import ShowRelated
from ..textual_private import DeferLayoutWhileStarting
from ..widgets.article_list import ArticleList
from ..widgets.entity_pane import EntityPane
from ..widgets.footer import KeysFooter
from ..widgets.header import TitleHeader
from ..widgets.kinds import KIND_NAMES, kind_of, next_kind_filter
from ..widgets.progress import IndexStatus
from ..widgets.reader import Highlight, Reader
from ..widgets.wrapping import wrapped_height
from .fresh import FreshScreen

if TYPE_CHECKING:
    from newsx.core.index import Index


class ReadScreen(DeferLayoutWhileStarting, FreshScreen):
    """Reading one article at a time; the screen the app opens on."""

    BINDINGS = [
        # q quits from here, the first screen, unless the reader was opened from another screen:
        # then q (like esc) goes back there (one of the two is active at a time, see check_action).
        Binding("q", "quit_app", "Quit", id="app.quit_main"),
        Binding("q", "return", "Back", id="nav.return"),
        Binding("escape", "back", "Back", show=False, id="nav.back"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="pane.previous"),
        Binding("left_square_bracket", "previous_article", "Prev article", show=False, id="nav.previous_article"),
        Binding("right_square_bracket", "next_article", "Next article", show=False, id="nav.next_article"),
        Binding("h", "toggle_highlight", "Highlight", id="view.highlights"),
        Binding("t", "cycle_kinds", "Types", id="view.types"),
        Binding("n", "next_mention", "Next", id="search.next"),
        Binding("N", "previous_mention", "Previous", show=False, id="search.previous"),
        Binding("i", "toggle_side", "Entities pane", show=False, id="pane.side"),
        Binding("m", "only_mentioning", "Only articles mentioning the entity", show=False, id="view.only_mentioning"),
        Binding("c", "related('claims')", "Claims here", id="screen.article_claims"),
        Binding("e", "related('timeline')", "Events here", id="screen.article_events"),
    ]

    # The article's title, shown by the header: it changes on every move, and the stock reactive
    # repainted the whole screen for it (the header redraws its own title).
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        self.current_id: str | None = None
        self.highlighting = True
        self.kind_filter: str | None = None
        # (start, end, entity id, kind) per article, sorted by start.
        self._spans: dict[str, list[tuple[int, int, str, str]]] = {}
        self.query_text: str | None = None  # an active search: n/N go through its hits
        self.entity_filter: str | None = None  # list only the articles mentioning this entity
        self.return_mode: str | None = None  # the screen (mode) that opened the reader, if any

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield IndexStatus()
        with Horizontal(id="read-panes"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            with Vertical(id="side"):
                yield Static("Entities", id="side-title")
                # The entity table is mounted once the first frame is out (`_mount_entity_pane`):
                # the index that fills it is not there before then anyway.
        yield KeysFooter()

    def on_mount(self) -> None:
        settings = self.app.settings
        self.highlighting = settings.highlight
        types = [kind_of(t) for t in settings.highlight_types]
        self.kind_filter = types[0] if len(types) == 1 else None
        self.query_one(Reader).set_highlighting(self.highlighting, self.kind_filter)
        self._update_reader_title()
        articles = self.query_one(ArticleList)
        articles.border_title = "Articles"
        articles.on_highlight = self._highlighted
        articles.set_articles(self.app.articles)
        self.query_one("#side").border_title = "Entities"
        self.watch(self.app, "index", self._index_changed)
        if hasattr(self.app, "story_id"):
            self.watch(self.app, "story_id", lambda _story: self.set_entity_filter(None), init=False)
        articles.focus()
        after_first_frame = getattr(self.app, "after_first_frame", self.call_after_refresh)
        after_first_frame(self._mount_entity_pane)

    async def _mount_entity_pane(self) -> None:
        if self._entity_pane() is None:
            await self.query_one("#side").mount(EntityPane(id="side-entities"))
            if self.current_id:
                self._fill_side(self.current_id, self._spans.get(self.current_id, []))

    def _entity_pane(self) -> EntityPane | None:
        panes = self.query(EntityPane)
        return panes.first() if panes else None

    def _selected_entity(self) -> str | None:
        pane = self._entity_pane()
        return pane.current_key if pane is not None else None

    # ----------------------------------------------------------------- data

    @property
    def index(self) -> Index | None:
        return self.app.index

    def _index_changed(self, index: Index | None) -> None:
        self._spans = defaultdict(list)
        if index is not None:
            for entity in index.entities:
                kind = kind_of(entity.label)
                for span in entity.mention_spans:
                    self._spans[span.article].append((span.start, span.end, entity.id, kind))
            for spans in self._spans.values():
                spans.sort()
        if self.current_id:
            self._show(self.current_id)

    def article(self, article_id: str) -> Article | None:
        return self.app.article_by_id.get(article_id)

    # ----------------------------------------------------------------- showing

    def _highlighted(self, article_id: str) -> None:
        if article_id != self.current_id:
            self._show(article_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "articles":
            if event.option.id != self.current_id:
                self._show(event.option.id)
            self.query_one(Reader).focus()

    def _show(self, article_id: str) -> None:
        article = self.article(article_id)
        if article is None:
            return
        changed = article_id != self.current_id
        self.current_id = article_id
        if changed:
            self.query_text = None
            self.query_one(Reader).border_subtitle = None
        spans = self._spans.get(article_id, [])
        reader = self.query_one(Reader)
        reader.show_article(article, [Highlight(s, e, k) for s, e, _id, k in spans])
        reader.set_hits(self._search_hits())
        self._fill_side(article_id, spans)
        # Set without watchers, the header redrawn now: its own watcher redraws it a frame later.
        self.set_reactive(ReadScreen.sub_title, article.title)
        header = self.query(TitleHeader)
        if header:
            header.first().show_title()

    def _fill_side(self, article_id: str, spans: list[tuple[int, int, str, str]]) -> None:
        pane = self._entity_pane()
        side = self.query_one("#side")
        index = self.index
        if index is None:
            side.border_subtitle = None
            self._set_side_title(Text(self.app.index_status or "Finding entities…"))
            if pane is not None:
                pane.set_entities([])
            return
        counts = Counter(entity_id for _s, _e, entity_id, _k in spans)
        entities = [(index.entity_by_id[eid], n) for eid, n in counts.most_common()]
        if pane is not None:
            pane.set_entities(entities)
        claims = len(index.claim_groups_by_article.get(article_id, ()))
        events = len(index.events_by_article.get(article_id, ()))
        self._set_side_title(
            Text.assemble((f"{claims}", "bold"), " claim groups (c) · ", (f"{events}", "bold"), " events (e)")
        )
        side.border_subtitle = f"{len(entities)} entities"

    def _set_side_title(self, text: Text) -> None:
        # Its width is fixed: lay the screen out again only if the line count changes.
        title = self.query_one("#side-title", Static)
        width = title.content_region.width
        title.update(text, layout=not width or wrapped_height(text.plain, width) != wrapped_height(str(title.render()), width))

    def _update_reader_title(self) -> None:
        reader = self.query_one(Reader)
        if not self.highlighting:
            reader.border_title = "Reader · highlights off"
        elif self.kind_filter:
            reader.border_title = f"Reader · {KIND_NAMES[self.kind_filter]}"
        else:
            reader.border_title = "Reader"

    def open_article(
        self,
        article_id: str,
        start: int | None = None,
        end: int | None = None,
        entity_id: str | None = None,
        query: str | None = None,
    ) -> None:
        """Show an article, select an entity, mark a span and scroll to it (from other screens)."""
        self._show(article_id)
        self.query_one(ArticleList).highlight_id(article_id)
        pane = self._entity_pane()
        if entity_id and pane is not None:
            pane.move_to_key(entity_id)
        reader = self.query_one(Reader)
        if query:
            self.query_text = query
            hits = self._search_hits()
            reader.set_hits(hits)
            if start is None and hits:
                start, end = hits[0]
        if start is not None:
            reader.focus_span(start, end if end is not None else start)
        reader.focus()

    # ----------------------------------------------------------------- actions

    def set_return_mode(self, mode: str | None) -> None:
        """Where esc and q go back to (None: q quits, esc returns to the article list)."""
        self.return_mode = mode
        self.refresh_bindings()

    def on_screen_suspend(self) -> None:
        # Left for another screen (not a dialog over this one): a later visit starts afresh.
        if self.app.current_mode != "read":
            self.set_return_mode(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit_app":
            return self.return_mode is None
        if action == "return":
            return self.return_mode is not None
        return True

    def action_quit_app(self) -> None:
        self.app.exit()

    def action_return(self) -> None:
        mode, self.return_mode = self.return_mode, None
        self.refresh_bindings()
        if mode:
            self.app.switch_mode(mode)

    def action_back(self) -> None:
        if self.return_mode:
            self.action_return()
            return
        if self.query_text:
            self.query_text = None
            self.query_one(Reader).set_hits(())
            self.notify("Search cleared", timeout=2)
        self.query_one(ArticleList).focus()

    def set_entity_filter(self, entity_id: str | None) -> None:
        """List only the articles that mention an entity (None: every article)."""
        articles = self.query_one(ArticleList)
        entity = self.index.entity_by_id.get(entity_id) if (self.index and entity_id) else None
        self.entity_filter = entity.id if entity else None
        if entity is None:
            articles.set_articles(self.app.articles)
            articles.border_title = self._story_title()
            articles.border_subtitle = None
        else:
            mentioning = set(entity.articles)
            articles.set_articles([a for a in self.app.articles if a.id in mentioning])
            articles.border_title = Text(f"Articles · {entity.name}")
            articles.border_subtitle = "m: all"
        if articles.highlighted_id and articles.highlighted_id != self.current_id:
            self._show(articles.highlighted_id)

    def _story_title(self) -> str | Text:
        """"Articles", or "Articles · <story>" when the screens are narrowed to one story."""
        story_id = getattr(self.app, "story_id", None)
        whole = getattr(self.app, "full_index", None)
        story = whole.story_by_id.get(story_id) if (whole is not None and story_id) else None
        return Text(f"Articles · {story.title}") if story else "Articles"

    def action_only_mentioning(self) -> None:
        if self.entity_filter is not None:
            self.set_entity_filter(None)
            return
        entity_id = self._selected_entity()
        if entity_id is None:
            self.notify("Select an entity in the side pane first", timeout=3)
            return
        self.set_entity_filter(entity_id)

    def _step_article(self, step: int) -> None:
        articles = self.query_one(ArticleList)
        if not articles.option_count:
            return
        current = articles.highlighted if articles.highlighted is not None else 0
        articles.highlighted = max(0, min(articles.option_count - 1, current + step))

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_toggle_highlight(self) -> None:
        self.highlighting = not self.highlighting
        self.query_one(Reader).set_highlighting(self.highlighting, self.kind_filter)
        self._update_reader_title()

    def action_cycle_kinds(self) -> None:
        self.kind_filter = next_kind_filter(self.kind_filter)
        self.highlighting = True
        self.query_one(Reader).set_highlighting(True, self.kind_filter)
        self._update_reader_title()

    def action_toggle_side(self) -> None:
        self.toggle_class("-side-toggled")

    def action_related(self, screen: str) -> None:
        self.post_message(ShowRelated(screen, self.current_id))

    def _search_hits(self) -> list[tuple[int, int]]:
        if not self.current_id or not self.query_text:
            return []
        return self.app.search_hits(self.current_id, self.query_text)

    def _targets(self) -> tuple[list[tuple[int, int]], str]:
        """What n/N step through: search hits when a search is active, else the selected entity."""
        if self.query_text:
            return self._search_hits(), f"“{self.query_text}”"
        entity_id = self._selected_entity()
        if entity_id is None:
            return [], ""
        spans = [(s, e) for s, e, eid, _k in self._spans.get(self.current_id or "", []) if eid == entity_id]
        name = self.index.entity_by_id[entity_id].name if self.index and entity_id in self.index.entity_by_id else ""
        return spans, name

    def _jump(self, forward: bool) -> None:
        targets, what = self._targets()
        if not targets:
            self.notify("Select an entity in the side pane first" if not what else f"No {what} here", timeout=3, markup=False)
            return
        reader = self.query_one(Reader)
        here = reader.marked[0] if reader.marked else (-1 if forward else len(reader.article.text) + 1)
        if forward:
            after = [t for t in targets if t[0] > here]
            target = after[0] if after else targets[0]
        else:
            before = [t for t in targets if t[0] < here]
            target = before[-1] if before else targets[-1]
        position = targets.index(target) + 1
        reader.focus_span(*target)
        self.query_one("#reader").border_subtitle = Text(f"{what} {position}/{len(targets)}")

    def action_next_mention(self) -> None:
        self._jump(True)

    def action_previous_mention(self) -> None:
        self._jump(False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # Enter on an entity in the side pane: go to its next mention.
        if event.data_table.id == "side-entities":
            self._jump(True)
