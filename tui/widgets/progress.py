"""Indexing status: a label and a progress bar, shown while the index is built."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

STAGE_NAMES = {"parse": "Parsing articles", "link": "Linking across articles"}


class IndexStatus(Horizontal):
    """Follows the app's `index_progress`; hides itself once the index is ready."""

    DEFAULT_CSS = """
    IndexStatus { height: 1; display: none; padding: 0 1; }
    IndexStatus.-busy { display: block; }
    IndexStatus Label { width: auto; margin-right: 1; }
    IndexStatus ProgressBar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Label("Indexing…")
        yield ProgressBar(show_eta=False)

    def on_mount(self) -> None:
        self.watch(self.app, "index_progress", self._show)

    def _show(self, progress: tuple[str, int, int] | None) -> None:
        self.set_class(progress is not None, "-busy")
        if progress is None:
            return
        stage, done, total = progress
        self.query_one(Label).update(f"{STAGE_NAMES.get(stage, stage)} {done}/{total}")
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
