"""The newsx Textual app: four screens over one corpus, the index built in a background worker.

Start-up: the corpus is loaded (fast, no NLP) and the Read screen shows at once; the index is
built in a thread worker that posts `IndexProgress` and then `IndexReady` or `IndexFailed`.
Workers never touch widgets; the App's handlers own the state (`index`, `index_progress`), and
screens follow it through `watch`. Tests pass a pre-built `loaded` corpus and/or `index`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from newsx.core.index import Index
from newsx.core.models import Article, LoadResult
from newsx.core.settings import Settings

from .messages import IndexFailed, IndexProgress, IndexReady, OpenArticle, ShowRelated
from .screens.claims import ClaimsScreen
from .screens.entities import EntitiesScreen
from .screens.read import ReadScreen
from .screens.skipped import SkippedScreen
from .screens.timeline import TimelineScreen
from .widgets.kinds import THEME_VARIABLE_DEFAULTS

SCREENS_BY_MODE = {"read": "Read", "entities": "Entities", "claims": "Claims", "timeline": "Timeline"}

# Colours for claim verdicts, overridable by themes like the entity colours.
VERDICT_VARIABLE_DEFAULTS = {
    "verdict-conflict": "#f66151",
    "verdict-changed": "#e5a50a",
    "verdict-agree": "#2ec27e",
    "verdict-single": "#9a9996",
}


class NewsxApp(App):
    TITLE = "newsx"
    CSS_PATH = "app.tcss"
    MODES = {"read": ReadScreen, "entities": EntitiesScreen, "claims": ClaimsScreen, "timeline": TimelineScreen}
    DEFAULT_MODE = "read"
    # Below 100 columns the Read screen hides its side pane and other screens stack their panes.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = [
        Binding("1", "switch_mode('read')", "Read", id="screen.read"),
        Binding("2,E", "switch_mode('entities')", "Entities", id="screen.entities"),
        Binding("3,C", "switch_mode('claims')", "Claims", id="screen.claims"),
        Binding("4,T", "switch_mode('timeline')", "Timeline", id="screen.timeline"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("s", "skipped", "Skipped files", show=False, id="app.skipped"),
        Binding("Q", "quit", "Quit", show=False, id="app.quit"),
    ]

    index: var[Index | None] = var(None, always_update=True)
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
            from newsx.core.corpus import load_corpus

            loaded = load_corpus(self.paths, self.settings.max_file_mb)
        self.loaded = loaded
        self.articles: list[Article] = list(loaded.articles)
        self._initial_index = index
        self._build = build
        self.index_status: str | None = None  # why there is no index (model missing, failure)
        self.notices: list[str] = []
        super().__init__()
        self.mouse_enabled = self.settings.mouse

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **THEME_VARIABLE_DEFAULTS, **VERDICT_VARIABLE_DEFAULTS}

    # ----------------------------------------------------------------- start-up

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
            self.index = self._initial_index
        elif self._build and self.articles:
            self.index_progress = ("parse", 0, len(self.articles))
            self.build_index_worker()

    def _apply_user_settings(self) -> None:
        """Theme and keymap from the settings (through the TUI extras modules when present)."""
        try:
            from newsx.tui import theming
        except ImportError:
            theming = None
        if theming is not None and hasattr(theming, "setup_themes"):
            for notice in theming.setup_themes(self, self.settings.theme) or ():
                self.notify(notice, severity="warning", timeout=8)
        try:
            from newsx.tui import keymap
        except ImportError:
            keymap = None
        if keymap is not None and hasattr(keymap, "apply_keymap"):
            for notice in keymap.apply_keymap(self, self.settings.keymap) or ():
                self.notify(notice, severity="warning", timeout=8)
        elif self.settings.keymap:
            self.set_keymap(self.settings.keymap)

    @work(thread=True, exclusive=True, group="index")
    def build_index_worker(self) -> None:
        """Build the index off the UI thread; report only through messages."""
        from newsx.core.index import build_index
        from newsx.core.nlp import ModelNotFound

        def progress(stage: str, done: int, total: int) -> None:
            self.post_message(IndexProgress(stage, done, total))

        try:
            index = build_index(self.loaded, self.settings, progress=progress)
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
            self.notify(notice, severity="warning", timeout=8)
        self.index = message.index

    def on_index_failed(self, message: IndexFailed) -> None:
        self.index_progress = None
        self.index_status = "No entities: " + message.message
        self.notices.append(message.message)
        self.notify(
            message.message + ("\nArticles are still readable." if message.model_missing else ""),
            title="Model not installed" if message.model_missing else "Indexing failed",
            severity="error",
            timeout=15,
        )
        self.index = None

    # ----------------------------------------------------------------- navigation

    async def on_open_article(self, message: OpenArticle) -> None:
        if self.current_mode != "read":
            await self.switch_mode("read")
        screen = self.screen
        if isinstance(screen, ReadScreen):
            screen.open_article(message.article_id, message.start, message.end, message.entity_id, message.query)

    async def on_show_related(self, message: ShowRelated) -> None:
        await self.switch_mode(message.screen)
        screen = self.screen
        if hasattr(screen, "set_article_filter"):
            screen.set_article_filter(message.article_id)

    def action_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.loaded.problems, self.notices))

    def action_help(self) -> None:
        try:
            from newsx.tui.screens.help import HelpScreen
        except ImportError:
            self.action_show_help_panel()
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode, name in SCREENS_BY_MODE.items():
            yield SystemCommand(f"screen: {name}", f"Show the {name} screen", lambda m=mode: self.switch_mode(m))
        yield SystemCommand("Skipped files", "Files that could not be loaded, and other notices", self.action_skipped)


def run_app(paths: list[Path], settings: Settings) -> int:
    from newsx.core.corpus import load_corpus

    loaded = load_corpus(paths, settings.max_file_mb)
    if not loaded.articles:
        for problem in loaded.problems:
            print(f"newsx: {problem.line()}", file=sys.stderr)
        print("newsx: nothing could be loaded", file=sys.stderr)
        return 1
    app = NewsxApp(paths, settings, loaded=loaded)
    app.run()
    return app.return_code or 0
