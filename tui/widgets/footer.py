"""Textual's Footer, the same look at a third of the cost of the first paint.

Two things made the stock Footer the most expensive widget of the first frame:
- each `FooterKey` starts compact and is switched to the footer's style by a data binding once
  mounted, each switch a restyle of the key: here each key is born with the class and value it
  ends up with;
- every change of the active bindings (each focus change while the screen starts) queued one
  more rebuild of all the keys: here changes that arrive together give one rebuild.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    _rebuild_pending = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Keys bound to the footer's `compact` end with its value; the palette key stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
