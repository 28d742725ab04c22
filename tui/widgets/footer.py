"""Textual's Footer, the same look at a fraction of the cost of the first paint.

The stock Footer was the most expensive widget of the Read screen's first frame:
- each `FooterKey` starts compact and is switched to the footer's style by a data binding once
  mounted, each switch a restyle of the key: here each key is born with the class and value it
  ends up with;
- it starts empty, then every change of the active bindings (each focus change, also while the
  screen starts) rebuilt all the keys: here the keys are built with the footer and rebuilt only
  when what they would show has changed (moving between panes whose own keys are hidden
  changes nothing).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    _rebuild_pending = False
    _shown: tuple | None = None  # what the keys on show were built from

    def compose(self) -> ComposeResult:
        # The stock footer starts empty and builds its keys on the first change of bindings; the
        # screen's and app's keys are known already, so build them now (usually for good).
        self._bindings_ready = True
        self._shown = self._to_show()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Keys bound to the footer's `compact` end with its value; the palette key stays compact.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def _to_show(self) -> tuple:
        """Everything `Footer.compose` reads from the bindings, to tell whether a rebuild would differ."""
        app = self.app
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (key, binding.action, binding.description, app.get_key_display(binding), enabled, tooltip,
                 binding.group, binding.show or key == app.COMMAND_PALETTE_BINDING)
                for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == app.COMMAND_PALETTE_BINDING
            ),
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._to_show() != self._shown:
            await self.recompose()
