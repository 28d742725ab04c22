"""Textual's Footer, the same look at a fraction of the cost of the first paint.

The stock Footer is a row of `FooterKey` widgets, one per key: each is mounted, styled, laid out
and drawn on its own, and that was the most expensive part of the Read screen's first frame.
Here every key is drawn by one widget, `KeysLine`, in the styles a `FooterKey` would have (taken
from the same CSS, through stand-in nodes), so the footer looks exactly the same; it keeps what
a key does under the mouse: hover highlight, tooltip, a click runs the key (a bell when the key
is disabled). Only the command palette key on the right is still a `FooterKey`, as in the stock
footer. Binding groups are not drawn grouped (newsx has none).

The keys are built with the footer, and rebuilt only when what they show has changed (moving
between panes whose own keys are hidden changes nothing).
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..textual_private import FooterKey, attach, css_generation


class ShownKey(NamedTuple):
    key: str  # what `App.simulate_key` gets on a click
    key_display: str
    description: str
    action: str
    disabled: bool = False
    tooltip: str = ""


class KeysLine(Widget, can_focus=False):
    """The footer's keys drawn as one line: styles, hover and clicks as `FooterKey` has them."""

    ALLOW_SELECT = False
    # Not drawn from: listed so a theme change restyles (and redraws) the line.
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}

    # FooterKey's CSS, applied to stand-in nodes (`-item` for the key widget itself). The line
    # itself has no colours of its own, so stand-ins under it compose like keys under the footer.
    DEFAULT_CSS = """
    KeysLine {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        &:hover { pointer: pointer; }
        & > .-item {
            background: $footer-item-background;
            & > .footer-key--key {
                color: $footer-key-foreground;
                background: $footer-key-background;
                text-style: bold;
                padding: 0 1;
            }
            & > .footer-key--description {
                padding: 0 1 0 0;
                color: $footer-description-foreground;
                background: $footer-description-background;
            }
            &.-hover {
                color: $footer-key-foreground;
                background: $block-hover-background;
            }
            &.-disabled { text-style: dim; }
        }
    }
    Footer.-compact KeysLine > .-item {
        & > .footer-key--key { padding: 0; }
        & > .footer-key--description { padding: 0 0 0 1; }
    }
    """

    def __init__(self, keys: tuple[ShownKey, ...] = ()) -> None:
        super().__init__()
        self.set_reactive(Widget.shrink, False)
        self.keys = keys
        self._hover: int | None = None
        self._styles_for: dict[tuple[bool, bool], tuple[Style, Style, Style, int, int, int, int]] = {}
        self._styles_key: tuple | None = None
        self._spans: list[tuple[int, int]] = []  # cells [start, end) of each key

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _theme: self._restyle(), init=False)

    def set_keys(self, keys: tuple[ShownKey, ...]) -> None:
        if keys != self.keys:
            self.keys = keys
            self._hover = None
            self.refresh(layout=True)

    # ----------------------------------------------------------------- drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles_for.clear()

    def _restyle(self) -> None:
        self._styles_for.clear()
        self.refresh()

    def _item_styles(self, hover: bool, disabled: bool) -> tuple[Style, Style, Style, int, int, int, int]:
        """(key widget, key, description) rich styles and paddings a FooterKey would draw with."""
        app = self.app
        footer = self.parent
        styles_key = (css_generation(app), app.theme, footer.has_class("-compact") if footer else False)
        if styles_key != self._styles_key:
            self._styles_key = styles_key
            self._styles_for.clear()
        if (hover, disabled) not in self._styles_for:
            stylesheet = app.stylesheet
            item = DOMNode(classes="-item" + (" -hover" if hover else "") + (" -disabled" if disabled else ""))
            attach(item, self)
            stylesheet.apply(item, animate=False)
            parts = []
            for name in ("footer-key--key", "footer-key--description"):
                node = DOMNode(classes=name)
                attach(node, item)
                stylesheet.apply(node, animate=False)
                parts.append(node)
            key, description = parts
            self._styles_for[(hover, disabled)] = (
                item.rich_style,
                key.rich_style,
                description.rich_style,
                key.styles.padding.left,
                key.styles.padding.right,
                description.styles.padding.left,
                description.styles.padding.right,
            )
        return self._styles_for[(hover, disabled)]

    def render(self) -> Text:
        line = Text(no_wrap=True, end="")
        self._spans = []
        gap = " " if self.parent is not None and self.parent.has_class("-compact") else ""  # FooterKey margin
        for index, shown in enumerate(self.keys):
            item_style, key_style, description_style, key_left, key_right, desc_left, desc_right = self._item_styles(
                index == self._hover, shown.disabled
            )
            # As FooterKey.render builds its label.
            if shown.description:
                label = Text.assemble(
                    (" " * key_left + shown.key_display + " " * key_right, key_style),
                    (" " * desc_left + shown.description + " " * desc_right, description_style),
                )
            else:
                label = Text.assemble((shown.key_display, key_style))
            label.stylize_before(item_style)
            start = line.cell_len
            line.append_text(label)
            self._spans.append((start, line.cell_len))
            if gap:
                line.append(gap)
        return line

    # ----------------------------------------------------------------- mouse

    def _key_at(self, x: int) -> int | None:
        for index, (start, end) in enumerate(self._spans):
            if start <= x < end:
                return index
        return None

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            tooltip = self.keys[index].tooltip if index is not None else ""
            self.tooltip = tooltip or None
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        shown = self.keys[index]
        if shown.disabled:
            self.app.bell()
        else:
            self.app.simulate_key(shown.key)


class KeysFooter(Footer):
    _rebuild_pending = False
    _shown: tuple | None = None  # what the keys on show were built from

    def compose(self) -> ComposeResult:
        # The stock footer starts empty and builds its keys on the first change of bindings; the
        # screen's and app's keys are known already, so build them now (usually for good).
        self._bindings_ready = True
        self._shown = self._to_show()
        _compact, _palette, keys, palette = self._shown
        yield KeysLine(keys)
        if palette is not None:
            key = FooterKey(palette.key, palette.key_display, palette.description, palette.action,
                            classes="-command-palette", disabled=palette.disabled, tooltip=palette.tooltip)
            # The stock footer leaves the palette key compact; it would switch once mounted.
            key.set_reactive(FooterKey.compact, True)
            key.set_class(True, "-compact", update=False)
            yield key

    def _to_show(self) -> tuple:
        """(compact, show palette, keys, palette key): everything the footer draws from the bindings."""
        app = self.app
        active = self.screen.active_bindings
        keys = []
        seen_actions: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            # As Footer.compose: shown bindings, one key per action (the first bound).
            if not binding.show or binding.action in seen_actions:
                continue
            seen_actions.add(binding.action)
            keys.append(ShownKey(binding.key, app.get_key_display(binding), binding.description, binding.action,
                                 not enabled, tooltip))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = ShownKey(binding.key, app.get_key_display(binding), binding.description, binding.action,
                               not enabled, binding.tooltip or binding.description)
        return (self.compact, self.show_command_palette, tuple(keys), palette)

    @property
    def keys(self) -> tuple[ShownKey, ...]:
        """The keys on show, left to right (not the command palette's)."""
        return self._shown[2] if self._shown else ()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        shown = self._to_show()
        if shown == self._shown:
            return
        old, self._shown = self._shown, shown
        if old is not None and old[3] == shown[3] and old[:2] == shown[:2]:
            self.query_one(KeysLine).set_keys(shown[2])  # only the keys changed: no new widgets
        else:
            await self.recompose()
