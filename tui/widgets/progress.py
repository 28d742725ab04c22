"""Indexing status: a label and a progress bar, shown while the index is built.

It appears only once indexing has gone on for `SHOW_AFTER` seconds: a warm reopen has its index
by then, so its first frame is lighter and the panes do not jump down and back up.
"""

from __future__ import annotations

import time

from textual.containers import Horizontal
from textual.widgets import Label

STAGE_NAMES = {"parse": "Parsing articles", "link": "Linking across articles"}


class IndexStatus(Horizontal):
    """Follows the app's `index_progress`; hides itself once the index is ready."""

    SHOW_AFTER = 0.5  # seconds of indexing before the status shows

    DEFAULT_CSS = """
    IndexStatus { height: 1; display: none; padding: 0 1; }
    IndexStatus.-busy { display: block; }
    IndexStatus Label { width: auto; margin-right: 1; }
    IndexStatus ProgressBar { width: 1fr; }
    """

    # Its label and bar are mounted when the status first shows: a warm start never builds them.

    def on_mount(self) -> None:
        self._reveal_timer = None
        self.watch(self.app, "index_progress", self._show)

    def _show(self, progress: tuple[str, int, int] | None) -> None:
        if progress is None:
            self.remove_class("-busy")
            return
        stage, done, total = progress
        labels = self.query(Label)
        if labels:
            labels.first().update(f"{STAGE_NAMES.get(stage, stage)} {done}/{total}")
        bars = self.query("ProgressBar")
        if bars:
            bars.first().update(total=max(total, 1), progress=done)
        if not self.has_class("-busy") and self._reveal_timer is None:
            waited = time.monotonic() - _indexing_since(self.app)
            # Never a zero delay: a Textual timer of 0 s that fires late divides by zero.
            self._reveal_timer = self.set_timer(max(0.01, self.SHOW_AFTER - waited), self._reveal)

    async def _reveal(self) -> None:
        self._reveal_timer = None
        progress = self.app.index_progress
        if progress is None:
            return
        if not self.query("ProgressBar"):
            from textual.widgets import ProgressBar  # imported when first needed: not on a warm start

            await self.mount(Label("Indexing…"), ProgressBar(show_eta=False))
        self.add_class("-busy")
        self._show(progress)


def _indexing_since(app) -> float:
    """When the app started indexing (now, for an app that does not say)."""
    since = getattr(app, "indexing_since", None)
    return since if since is not None else time.monotonic()
