"""The newsx Textual app: four screens over one corpus, the index built in a background worker.

Start-up: the corpus is loaded (fast, no NLP) and the Read screen shows at once; the index is
built in a thread worker that posts `IndexProgress` and then `IndexReady` or `IndexFailed`.
Workers never touch widgets; the App's handlers own the state (`index`, `index_progress`), and
screens follow it through `watch`. Tests pass a pre-built `loaded` corpus and/or `index`.

The first paint is kept cheap (benchmarks/bench_reopen.py): the theme is chosen before the
stylesheet is built (no CSS re-parse after mount), the other screens are imported and built on
their first visit, the footer's keys are one widget (widgets/footer.py), and the workers and the
Read screen's entity table wait until the first frame is written (`after_first_frame`).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterable
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from newsx.core.model.articles import Article, LoadResult
from newsx.core.settings import Settings

from . import keymap, theming
from .clipboard import copy_current
from .commands import NewsxCommands
from .gc_control import building_long_lived, collecting
from .messages import IndexFailed, IndexProgress, IndexReady, OpenArticle, SearchReady, ShowRelated
from .screens.read import ReadScreen
from .textual_private import FirstFrameApp, mark_styled
from .widgets.kinds import THEME_VARIABLE_DEFAULTS

if TYPE_CHECKING:
    from newsx.core.index import Index

# Colours for claim verdicts, overridable by themes like the entity colours.
VERDICT_VARIABLE_DEFAULTS = {
    "verdict-conflict": "#f66151",
    "verdict-changed": "#e5a50a",
    "verdict-agree": "#2ec27e",
    "verdict-single": "#9a9996",
}

# Seconds a worker waits for the first frame before it starts anyway.
FIRST_FRAME_WAIT = 1.0

# mode -> (module in newsx.tui.screens, class): all but the Read screen are imported on first visit.
SCREENS = {
    "read": ("read", "ReadScreen"),
    "entities": ("entities", "EntitiesScreen"),
    "claims": ("claims", "ClaimsScreen"),
    "timeline": ("timeline", "TimelineScreen"),
    "stories": ("stories", "StoriesScreen"),
}


def screen_class(mode: str) -> type[Screen]:
    module, name = SCREENS[mode]
    return getattr(import_module(f"newsx.tui.screens.{module}"), name)


def _new_screen(mode: str) -> Callable[[], Screen]:
    def make() -> Screen:
        screen = screen_class(mode)()
        # Textual restyles the whole app when a mode's screen is not marked as styled with the
        # current CSS; a new screen is styled when it mounts, so that would be wasted work.
        mark_styled(screen)
        return screen

    return make


class NewsxApp(FirstFrameApp):
    TITLE = "newsx"
    CSS_PATH = "app.tcss"
    MODES = {mode: _new_screen(mode) for mode in SCREENS}
    DEFAULT_MODE = "read"
    # Below 100 columns the Read screen hides its side pane and other screens stack their panes.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # Under 30 rows the tables one moves through get more of the height.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    COMMANDS = App.COMMANDS | {NewsxCommands}

    BINDINGS = [
        Binding("1", "switch_mode('read')", "Read", id="screen.read"),
        Binding("2,E", "switch_mode('entities')", "Entities", id="screen.entities"),
        Binding("3,C", "switch_mode('claims')", "Claims", id="screen.claims"),
        Binding("4,T", "switch_mode('timeline')", "Timeline", id="screen.timeline"),
        # Not in the footer: a corpus of one story keeps today's screens (a notice names the key
        # when there are several).
        Binding("5,S", "switch_mode('stories')", "Stories", show=False, id="screen.stories"),
        Binding("slash", "search", "Search", id="search.open"),
        Binding("y", "copy", "Copy", show=False, id="app.copy"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("s", "skipped", "Skipped files", show=False, id="app.skipped"),
        Binding("Q", "quit", "Quit", show=False, id="app.quit"),
    ]

    # What the screens show: the whole index, or one story of it (`action_narrow_story`).
    index: var[Index | None] = var(None, always_update=True)
    # The story the screens are narrowed to (None: all stories).
    story_id: var[str | None] = var(None)
    # (stage, done, total) while the worker runs; None when idle.
    index_progress: var[tuple[str, int, int] | None] = var(None)

    def __init__(
        self,
        paths: Iterable[Path] | None = None,
        settings: Settings | None = None,
        *,
        loaded: LoadResult | None = None,
        index: Index | None = None,
        build: bool = True,
    ) -> None:
        """`loaded`/`index` skip loading/indexing (tests); `build=False` never starts the worker."""
        self.paths = list(paths or [])
        self.settings = settings or Settings()
        if loaded is None and index is not None:
            loaded = LoadResult(list(index.articles), list(index.problems))
        if loaded is None:
            from newsx.core.corpus.loading import load_corpus

            loaded = load_corpus(self.paths, self.settings.max_file_mb, cache_dir=self.settings.cache_dir)
        self.loaded = loaded
        self.all_articles: list[Article] = list(loaded.articles)
        self.articles: list[Article] = self.all_articles  # the narrowed story's articles, or all
        self.full_index: Index | None = None  # the whole corpus's index, whatever the screens show
        self._initial_index = index
        self._build = build
        self._first_frame = threading.Event()  # set once the first frame is on the terminal
        self._after_first_frame_calls: list[Callable[[], object]] = []
        self.indexing_since: float | None = None  # time.monotonic() when the index worker started
        self.index_status: str | None = None  # why there is no index (model missing, failure)
        self.notices: list[str] = []
        self.search_index = None  # newsx.core.search.SearchIndex, built by a worker
        self.last_query = ""
        super().__init__()
        # Before the stylesheet is built, so the first paint is in the right colours.
        self._startup_notices = theming.setup_themes(self, self.settings.theme, before_start=True)
        if self.settings.keymap:
            # Before the screens are built, so the footer shows the user's keys from the start.
            # A keymap may name the bindings of any screen: import them all so their ids are known.
            for mode in SCREENS:
                screen_class(mode)
            from .screens import help, search, skipped  # noqa: F401

            self._startup_notices += keymap.apply_keymap(self, self.settings.keymap)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.all_articles}

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {
            **super().get_theme_variable_defaults(),
            **THEME_VARIABLE_DEFAULTS,
            **VERDICT_VARIABLE_DEFAULTS,
            **theming.THEME_VARIABLE_DEFAULTS,
        }

    # ----------------------------------------------------------------- start-up

    def on_load(self) -> None:
        # Textual styles the App node only after the first screen is composed; widgets drawn
        # during that compose would keep colours worked out without it (the reader's text came
        # out in the background colour). A theme refresh after mount used to hide that.
        self.stylesheet.apply(self)

    def on_mount(self) -> None:
        self._apply_user_settings()
        if self.loaded.problems:
            self.notify(
                f"{len(self.loaded.problems)} file(s) skipped or loaded with problems: press s to see them",
                severity="warning",
                timeout=8,
            )
        if not self.articles:
            self.notify("No articles could be loaded", severity="error")
        if self._initial_index is not None:
            self._index_built(self._initial_index)
        elif self._build and self.articles:
            self.indexing_since = time.monotonic()
            self.index_progress = ("parse", 0, len(self.articles))
            self.build_index_worker()
        if self._build and self.articles:
            self.build_search_worker()

    def frame_written(self) -> None:
        # Frames drawn while Textual batches the start-up are thrown away (and `call_after_refresh`
        # runs before the first frame is written): the first frame is the first one out of a batch.
        if not self._first_frame.is_set():
            gc.enable()  # paused for the start-up by cli.main; before the workers wake up
            self._first_frame.set()
            for callback in self._after_first_frame_calls:
                self.call_later(callback)
            self._after_first_frame_calls.clear()

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the first frame is on the terminal (work the first frame can do without)."""
        if self._first_frame.is_set():
            self.call_later(callback)
        else:
            self._after_first_frame_calls.append(callback)

    def _after_first_frame(self) -> None:
        """Workers share the interpreter (and its lock) with the UI: let the first frame out first."""
        self._first_frame.wait(timeout=FIRST_FRAME_WAIT)

    def _apply_user_settings(self) -> None:
        """Theme and keymap from the settings; each problem is one notice, never a crash."""
        for notice in self._startup_notices:
            self.notices.append(notice)
            self.notify(notice, severity="warning", timeout=8, markup=False)

    @work(thread=True, exclusive=True, group="search")
    def build_search_worker(self) -> None:
        """The full-text index (SQLite FTS5 in the cache folder), off the UI thread."""
        self._after_first_frame()
        from newsx.core.search import SearchIndex

        try:
            search_index = SearchIndex.for_articles(self.articles, self.settings.cache_dir)
        except Exception as exc:  # search is optional: the rest of the app works without it
            self.post_message(IndexFailed(f"search unavailable: {type(exc).__name__}: {exc}", notice_only=True))
            return
        self.post_message(SearchReady(search_index))

    def on_search_ready(self, message: SearchReady) -> None:
        self.search_index = message.search_index
        for screen in self.screen_stack:  # a search dialog opened while the index was building
            if hasattr(screen, "index_ready"):
                screen.index_ready(message.search_index)
        for notice in getattr(message.search_index, "notices", ()):
            self.notices.append(notice)

    @work(thread=True, exclusive=True, group="index")
    def build_index_worker(self) -> None:
        """Build the index off the UI thread; report only through messages."""
        self._after_first_frame()
        from newsx.core.index import build_index
        from newsx.core.nlp.pipeline import ModelNotFound

        def progress(stage: str, done: int, total: int) -> None:
            self.post_message(IndexProgress(stage, done, total))

        try:
            index = build_index(self.loaded, self.settings, progress=progress, long_lived=building_long_lived)
        except ModelNotFound as exc:
            self.post_message(IndexFailed(str(exc), model_missing=True))
            return
        except Exception as exc:  # one bad step must not take the reader down with it
            self.post_message(IndexFailed(f"indexing failed: {type(exc).__name__}: {exc}"))
            return
        self.post_message(IndexReady(index))

    def on_index_progress(self, message: IndexProgress) -> None:
        self.index_progress = (message.stage, message.done, message.total)

    def on_index_ready(self, message: IndexReady) -> None:
        self.index_progress = None
        for notice in message.index.notices:
            self.notices.append(notice)
            self.notify(notice, severity="warning", timeout=8, markup=False)
        self._index_built(message.index)
        # The articles and the index live as long as the app: move them out of the garbage
        # collector's sight. At 10,000 articles a full collection scans ~800,000 objects and
        # froze a key press for up to half a second.
        gc.freeze()

    def _index_built(self, index: Index) -> None:
        """A new whole index: shown whole, or narrowed to the story chosen before (when it is
        still there)."""
        self.full_index = index
        stories = index.stories
        if len(stories) > 1 and not self._told_stories:
            self._told_stories = True
            self.notify(f"{len(stories)} stories in this corpus: press 5 for the Stories screen", timeout=8)
        if self.story_id is not None and self.story_id in index.story_by_id:
            self.index = index.for_story(self.story_id)
        else:
            self.story_id = None
            self.index = index

    _told_stories = False

    async def action_narrow_story(self, story_id: str | None, go_read: bool = True) -> None:
        """Every screen shows only one story's articles, entities, events and claims (None: all)."""
        whole = self.full_index
        if whole is None or (story_id is not None and story_id not in whole.story_by_id):
            return
        index = whole if story_id is None else whole.for_story(story_id)
        ids = {a.id for a in index.articles}
        self.articles = self.all_articles if story_id is None else [a for a in self.all_articles if a.id in ids]
        self.index = index
        self.story_id = story_id
        if story_id is not None:
            self.notify(f"Only: {whole.story_by_id[story_id].title}  (5 then a: all stories)", timeout=4, markup=False)
        if go_read:
            await self.switch_to("read")

    def on_index_failed(self, message: IndexFailed) -> None:
        if message.notice_only:
            self.notices.append(message.message)
            self.notify(message.message, severity="warning", timeout=8, markup=False)
            return
        self.index_progress = None
        self.index_status = "No entities: " + message.message
        self.notices.append(message.message)
        self.notify(
            message.message + ("\nArticles are still readable." if message.model_missing else ""),
            title="Model not installed" if message.model_missing else "Indexing failed",
            severity="error",
            timeout=15,
            markup=False,  # the message names files and packages: data, not markup
        )
        self.index = None

    # ----------------------------------------------------------------- navigation

    async def on_open_article(self, message: OpenArticle) -> None:
        # The screen the reader was opened from: esc and q on the Read screen go back to it.
        came_from = self.current_mode if self.current_mode != "read" else None
        if came_from:
            await self.switch_mode("read")
        screen = self.screen
        if isinstance(screen, ReadScreen):
            if came_from:
                screen.set_return_mode(came_from)
            screen.open_article(message.article_id, message.start, message.end, message.entity_id, message.query)

    async def on_show_related(self, message: ShowRelated) -> None:
        await self.switch_mode(message.screen)
        screen = self.screen
        if hasattr(screen, "set_article_filter"):
            screen.set_article_filter(message.article_id)

    # ----------------------------------------------------------------- actions (keys and palette)

    async def switch_to(self, name: str) -> None:
        if name in self.MODES and name != self.current_mode:
            await self.switch_mode(name)

    def action_open_article(self, article_id: str, offset: int | None = None) -> None:
        self.post_message(OpenArticle(article_id, offset, offset))

    async def action_show_entity(self, entity_id: str) -> None:
        await self.switch_to("entities")
        self.screen.select(entity_id)

    async def action_show_claim_group(self, group_id: str) -> None:
        await self.switch_to("claims")
        self.screen.set_article_filter(None)
        self.screen.select(group_id)

    async def action_show_event(self, event_id: str) -> None:
        await self.switch_to("timeline")
        self.screen.set_article_filter(None)
        self.screen.select(event_id)

    async def action_filter_entity(self, entity_id: str | None) -> None:
        """Limit the article list to the articles that mention an entity (None: all articles)."""
        await self.switch_to("read")
        self.screen.set_entity_filter(entity_id)

    async def _read_screen(self) -> ReadScreen:
        await self.switch_to("read")
        return self.screen

    async def action_toggle_highlights(self) -> None:
        (await self._read_screen()).action_toggle_highlight()

    async def action_cycle_types(self) -> None:
        (await self._read_screen()).action_cycle_kinds()

    def action_copy(self) -> None:
        copy_current(self)

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        def chosen(choice) -> None:
            if choice is None:
                return
            self.last_query = choice.query
            hit = choice.hit
            if getattr(hit, "field", "text") == "title":
                self.post_message(OpenArticle(hit.article_id, query=choice.query))
            else:
                self.post_message(OpenArticle(hit.article_id, hit.start, hit.end, query=choice.query))

        self.push_screen(SearchScreen(self.search_index, self.last_query), chosen)

    def search_hits(self, article_id: str, query: str) -> list[tuple[int, int]]:
        """Spans of a search query's hits in one article's text (the search module's matching)."""
        if self.search_index is not None:
            hits = self.search_index.hits_in(article_id, query)
            return [span for h in hits if h.field != "title" for span in (h.spans or ((h.start, h.end),))]
        from newsx.core.search import find_spans

        article = self.article_by_id.get(article_id)
        return find_spans(article.text, query) if article else []

    def action_skipped(self) -> None:
        from .screens.skipped import SkippedScreen

        self.push_screen(SkippedScreen(self.loaded.problems, self.notices))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.for_screen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("command: skipped files", "Files that could not be loaded, and other notices", self.action_skipped)


def run_app(paths: list[Path], settings: Settings) -> int:
    from newsx.core.corpus.loading import load_corpus

    # cli.main paused the collector for the start-up; reading and cleaning files leaves garbage.
    with collecting():
        loaded = load_corpus(paths, settings.max_file_mb, cache_dir=settings.cache_dir, long_lived=building_long_lived)
    if not loaded.articles:
        for problem in loaded.problems:
            print(f"newsx: {problem.line()}", file=sys.stderr)
        print("newsx: nothing could be loaded", file=sys.stderr)
        return 1
    app = NewsxApp(paths, settings, loaded=loaded)
    app.run(**keymap.run_options(settings))
    return app.return_code or 0
