"""Help (`?`): every key of the current screen and the app, grouped by purpose, generated from the
live bindings (user keymap included), so it can never go stale.

API:
- `HelpScreen(screen)` or `HelpScreen.for_screen(screen)`: a modal listing the bindings of `screen`, of
  every widget in it (pane keys are marked with the pane they work in) and of the app. Build it
  from the screen the user is on, before pushing: `self.push_screen(HelpScreen.for_screen(self.screen))`.
  Esc, `q` or `?` close it; arrows/j/k/space scroll.
- `collect_bindings(screen) -> list[BindingRow]`: the same rows as data.
- `bindings_markdown(sections, keymap=None) -> str`: Markdown tables for the README from classes,
  without running the app: `sections` is a list of (title, [App/Screen/Widget classes]).
- `readme_markdown() -> str` (also `python -m newsx.tui.screens.help`): that, for the newsx app
  and its screens and panes, for pasting into the README.
- `group_of(binding) -> str`: purpose of a binding: the prefix of its id when it is one of
  GROUPS (`nav.down`, `pane.next`, `search.open`, `view.highlights`, `screen.read`, `app.quit`),
  otherwise guessed from its action name.

Widgets that take text (Input, TextArea) are left out: their editing keys are not newsx keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..textual_private import action_state, app_keymap, bindings_of, class_bindings, normalize_keymap

# In the order the help lists them: where one can go first (a new user's question), the
# details of moving inside a list last.
GROUPS: tuple[tuple[str, str], ...] = (
    ("screen", "Screens"),
    ("search", "Search"),
    ("app", "App"),
    ("view", "View"),
    ("pane", "Panes"),
    ("nav", "Navigation"),
)
_GROUP_TITLES = dict(GROUPS)

# Guesses for bindings without a namespaced id (Textual's own widgets, older code).
_ACTION_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("search", ("search", "find", "hit", "match", "mention")),
    ("screen", ("switch", "screen", "mode", "related", "back")),
    ("pane", ("focus", "pane", "maximize", "minimize", "sidebar")),
    ("view", ("toggle", "cycle", "theme", "highlight", "wrap", "sort", "filter", "zoom")),
    ("app", ("quit", "help", "command_palette", "copy", "screenshot", "pop", "dismiss", "close", "suspend", "bell", "keys", "skipped")),
)


@dataclass(frozen=True)
class BindingRow:
    group: str  # one of the GROUPS keys
    keys: tuple[str, ...]  # as shown: "j", "down", "ctrl+p"
    description: str
    action: str
    binding_id: str | None
    where: str  # "" for the app and the screen, else the pane it works in


def _action_name(action: str) -> str:
    name = action.split("(", 1)[0]
    return name.rsplit(".", 1)[-1]


def group_of(binding: Binding) -> str:
    if binding.id and "." in binding.id:
        prefix = binding.id.split(".", 1)[0]
        if prefix in _GROUP_TITLES:
            return prefix
    name = _action_name(binding.action).lower()
    for group, words in _ACTION_GROUPS:
        if any(word in name for word in words):
            return group
    return "nav"


def key_display(key: str, binding: Binding | None = None) -> str:
    if binding is not None and binding.key_display:
        return binding.key_display
    *modifiers, last = key.split("+")
    return "+".join([*modifiers, format_key(last)])


# Sideways scrolling in lists and the reader: never needed (text wraps), only noise in the help.
_SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right", "cursor_left", "cursor_right"}
_DESCRIPTIONS = {"command_palette": "Command palette"}


def _describe(binding: Binding) -> str:
    name = _action_name(binding.action)
    text = _DESCRIPTIONS.get(name) or binding.description or name.replace("_", " ").strip()
    return text[:1].upper() + text[1:].lower() if text[1:] != text[1:].upper() else text[:1].upper() + text[1:]


def _takes_text(node: DOMNode) -> bool:
    try:
        return bool(node.check_consume_key("a", "a"))
    except Exception:
        return False


def _pane_name(node: DOMNode) -> str:
    if node.id:
        return node.id.replace("-", " ").replace("_", " ").capitalize()
    return re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__).capitalize()


def _rows_from(bindings: BindingsMap, where: str, namespace: DOMNode | None = None, shadowed: set[str] | None = None) -> list[BindingRow]:
    """Rows for `bindings`; with a `namespace`, only the bindings it has enabled (`check_action`)
    and not the keys in `shadowed` (bound closer to the focus, so never reaching these)."""
    merged: dict[tuple[str, str, str], list[tuple[str, Binding]]] = {}
    for key, binding in bindings:
        if where and _action_name(binding.action) in _SIDEWAYS:
            continue
        if shadowed and key in shadowed:
            continue
        if namespace is not None and action_state(namespace.app, binding.action, namespace) is False:
            continue
        merged.setdefault((binding.action, _describe(binding), binding.id or ""), []).append((key, binding))
    rows = []
    for (action, description, binding_id), keyed in merged.items():
        keys = tuple(dict.fromkeys(key_display(k, b) for k, b in keyed))
        rows.append(BindingRow(group_of(keyed[0][1]), keys, description, action, binding_id or None, where))
    return rows


def _with_keymap(bindings: BindingsMap, keymap: Mapping[str, str]) -> BindingsMap:
    bindings = bindings.copy()
    if keymap:
        bindings.apply_keymap(dict(keymap))
    return bindings


def collect_bindings(screen: Screen) -> list[BindingRow]:
    """Bindings of the app, the screen and its widgets, with the app's keymap applied."""
    app = screen.app
    keymap = app_keymap(app)  # the normalised keymap Textual itself applies
    rows: list[BindingRow] = []
    screen_bindings = _with_keymap(bindings_of(screen), keymap)
    rows += _rows_from(screen_bindings, "", screen)
    for node in screen.walk_children(with_self=False):
        # Only panes the user can focus have keys of their own (not the footer or containers).
        if not node.can_focus or not bindings_of(node).key_to_bindings or _takes_text(node):
            continue
        rows += _rows_from(_with_keymap(bindings_of(node), keymap), _pane_name(node))
    # A key the screen binds never reaches the app's binding for it (ctrl+c copies, so the
    # app's "ctrl+c: how to quit" is not listed as a second ctrl+c).
    screen_keys = {key for key, binding in screen_bindings if action_state(app, binding.action, screen) is not False}
    rows += _rows_from(_with_keymap(bindings_of(app), keymap), "", shadowed=screen_keys)
    return _merge_rows(rows)


def overview(rows: Sequence[BindingRow]) -> Text:
    """One line naming where one can go: the screens' keys, the palette and search."""
    parts: list[tuple[str, str]] = []
    for row in rows:
        name = _action_name(row.action)
        if row.group == "screen" and name == "switch_mode" and not row.where:
            parts.append((row.keys[0], row.description))
    for row in rows:
        if _action_name(row.action) == "command_palette":
            parts.append((row.keys[0], "command palette"))
        elif row.binding_id == "search.open":
            parts.append((row.keys[0], "search all articles"))
    out = Text()
    for i, (key, what) in enumerate(parts):
        if i:
            out.append(" · ", style="dim")
        out.append(key, style="bold")
        out.append(f" {what}")
    return out


def _merge_rows(rows: list[BindingRow]) -> list[BindingRow]:
    """One line per (keys, description): panes that share a key are listed together, and a
    binding the screen overrides for the app is listed once (the first, innermost, wins)."""
    unique: dict[tuple, BindingRow] = {}
    panes: dict[tuple, list[str]] = {}
    for row in rows:
        key = (row.keys, row.description, row.binding_id, row.where == "")
        if key not in unique:
            unique[key] = row
            panes[key] = []
        if row.where and row.where not in panes[key]:
            panes[key].append(row.where)
    merged = [replace(row, where=", ".join(panes[key])) for key, row in unique.items()]
    order = {name: i for i, (name, _) in enumerate(GROUPS)}
    return sorted(merged, key=lambda r: order.get(r.group, len(order)))


def render_rows(rows: Sequence[BindingRow]) -> Text:
    """Rows as Text: a heading per group, one line per binding."""
    out = Text()
    head = overview(rows)
    if head:
        out.append_text(head)
        out.append("\n")
    width = max((len(", ".join(r.keys)) for r in rows), default=8)
    width = min(max(width, 8), 22)
    for group, title in GROUPS:
        # The screens one key away come before the ones about the current article.
        members = sorted((r for r in rows if r.group == group), key=lambda r: _action_name(r.action) != "switch_mode")
        if not members:
            continue
        if out:
            out.append("\n")
        out.append(title + "\n", style="bold underline")
        for row in members:
            keys = ", ".join(row.keys)
            out.append(f"  {keys:<{width}} ", style="bold")
            out.append(row.description)
            if row.where:
                out.append(f"  ({row.where})", style="dim")
            if row.binding_id:  # the name to remap it by in the config file's [keymap]
                out.append(f"  {row.binding_id}", style="dim italic")
            out.append("\n")
    return out


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-box {
        width: 100%; max-width: 90; height: 100%; max-height: 40;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False, id="help.page_down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False, id="help.page_up"),
        Binding("g,home", "scroll('home')", "Top", show=False, id="help.top"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, source: "Screen | Sequence[BindingRow]", title: str | None = None) -> None:
        """`source`: the screen whose keys to list (read now, before this one is pushed), or rows."""
        super().__init__()
        if isinstance(source, Screen):
            name = source.title or source.name or re.sub(r"Screen$", "", type(source).__name__)
            self.rows = collect_bindings(source)
            self.title_text = title or f"Keys: {name}"
        else:
            self.rows = list(source)
            self.title_text = title or "Keys"

    @classmethod
    def for_screen(cls, screen: Screen) -> "HelpScreen":
        return cls(screen)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(render_rows(self.rows), id="help-text")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = self.title_text
        box.border_subtitle = "Esc closes · remap keys in the config \\[keymap] by the ids shown"

    def action_scroll(self, how: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        {
            "down": box.scroll_down, "up": box.scroll_up, "page_down": box.scroll_page_down,
            "page_up": box.scroll_page_up, "home": box.scroll_home, "end": box.scroll_end,
        }[how](animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


# ----------------------------------------------------------------------------- README


def _class_rows(classes: Iterable[type[DOMNode]], keymap: Mapping[str, str]) -> list[BindingRow]:
    rows: list[BindingRow] = []
    for cls in classes:
        declared = class_bindings(cls)
        merged = declared.copy() if declared is not None else BindingsMap()
        if issubclass(cls, App) and cls.ENABLE_COMMAND_PALETTE:
            # Textual adds the palette key when the app starts, not in BINDINGS.
            palette = Binding(cls.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
            merged.key_to_bindings.setdefault(palette.key, []).append(palette)
        normalised = normalize_keymap(keymap) if keymap else {}
        where = "" if issubclass(cls, (App, Screen)) else _pane_name_of_class(cls)
        rows += _rows_from(_with_keymap(merged, normalised), where)
    return rows


def _pane_name_of_class(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).capitalize()


def bindings_markdown(sections: Sequence[tuple[str, Sequence[type[DOMNode]]]], keymap: Mapping[str, str] | None = None) -> str:
    """Markdown: per section a table of Group | Keys | Action | Binding id (for remapping)."""
    order = {name: i for i, (name, _) in enumerate(GROUPS)}
    out: list[str] = []
    for title, classes in sections:
        rows = sorted(_class_rows(classes, keymap or {}), key=lambda r: order.get(r.group, len(order)))
        seen: set[tuple] = set()
        out += [f"### {title}", "", "| Purpose | Keys | Action | Binding id |", "| --- | --- | --- | --- |"]
        for row in rows:
            if (row.keys, row.description, row.where) in seen:
                continue
            seen.add((row.keys, row.description, row.where))
            keys = ", ".join(f"`{k}`" for k in row.keys).replace("|", "\\|")
            what = row.description + (f" ({row.where})" if row.where else "")
            out.append(f"| {_GROUP_TITLES.get(row.group, row.group)} | {keys} | {what} | {row.binding_id or ''} |")
        out.append("")
    return "\n".join(out)


def readme_markdown(keymap: Mapping[str, str] | None = None) -> str:
    """The keys of the newsx app, one section per screen (its panes included)."""
    from textual.widget import Widget

    from newsx.tui.app import NewsxApp, screen_class

    def panes_of(screen_cls: type) -> list[type]:
        # Widgets of newsx that the screen's module uses: their bindings work in that screen.
        import sys

        module = sys.modules[screen_cls.__module__]
        found = []
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Widget) and value.__module__.startswith("newsx.") and not issubclass(value, Screen):
                if value.__dict__.get("BINDINGS"):
                    found.append(value)
        return found

    sections: list[tuple[str, Sequence[type[DOMNode]]]] = [("Everywhere", [NewsxApp])]
    for mode in NewsxApp.MODES:
        screen_cls = screen_class(mode)
        sections.append((f"{mode.capitalize()} screen", [screen_cls, *panes_of(screen_cls)]))
    return bindings_markdown(sections, keymap)


if __name__ == "__main__":
    print(readme_markdown())
