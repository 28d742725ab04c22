"""What every newsx screen shares: it starts styled for the terminal it opens in, and moving the
focus repaints only what it changes.

Textual restyles a whole screen when it is first shown (styles "might have changed while it was
away") and again on the first resize, when it adds the width class (`-wide`/`-narrow`, from
`HORIZONTAL_BREAKPOINTS`). A new screen was styled a moment before, with nothing changed since:
each of those restyles cost a tenth of the time to the first frame.

Moving the focus restyles the widgets it leaves and enters (their `:focus` rules), and those
repaint themselves; Textual's `focused` reactive also repainted the whole screen, a full frame on
every Tab or Enter.
"""

from __future__ import annotations

from textual import events
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from ..textual_private import NoActiveAppError


class FreshScreen(Screen):
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown_before = False
        try:
            width, height = self.app.size
        except NoActiveAppError:
            return
        for breakpoints, dimension in (
            (self.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is not None else self.app.HORIZONTAL_BREAKPOINTS, width),
            (self.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is not None else self.app.VERTICAL_BREAKPOINTS, height),
        ):
            reached = [(minimum, name) for minimum, name in breakpoints or () if dimension >= minimum]
            if reached:
                self.add_class(max(reached)[1], update=False)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (Textual calls each class's handler, most derived first).
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
