"""User keymaps and mouse: apply the config's `keymap` table (binding id -> keys) to an App.

API:
- `apply_keymap(app, keymap) -> list[str]`: `app.set_keymap(...)` with the entries whose binding
  id exists; returns one notice per unknown id (with the closest known id), so a typo in the
  config file is reported instead of silently ignored. Call it from `on_mount` (or before
  `run`); the change applies to every screen, including the help screen's listing.
- `known_binding_ids(app=None) -> set[str]`: every `Binding.id` declared on any imported App,
  Screen or Widget class (and on the live nodes of `app`, if given).
- `run_options(settings) -> dict`: keyword arguments for `App.run` / `App.run_async`
  (`mouse=settings.mouse`); mouse on/off can only be chosen when the app starts.

Binding ids are namespaced by purpose, which `newsx.tui.screens.help` also uses to group them:
`nav.*` (moving in a list or text), `pane.*`, `search.*`, `view.*`, `screen.*`, `app.*`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from .textual_private import bindings_of


def _all_subclasses(cls: type) -> Iterable[type]:
    seen: set[type] = set()
    stack = [cls]
    while stack:
        current = stack.pop()
        for sub in current.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                yield sub


def _ids_of(bindings: Iterable[Any]) -> set[str]:
    return {b.id for b in bindings if isinstance(b, Binding) and b.id}


def known_binding_ids(app: App | None = None) -> set[str]:
    ids: set[str] = set()
    for cls in (DOMNode, *_all_subclasses(DOMNode)):
        ids |= _ids_of(cls.__dict__.get("BINDINGS", ()))
    if app is not None:
        ids |= _ids_of(bindings_of(app))
        for screen in getattr(app, "screen_stack", ()):
            ids |= _ids_of(bindings_of(screen))
            for node in screen.walk_children(with_self=False):
                ids |= _ids_of(bindings_of(node))
    return ids


def apply_keymap(app: App, keymap: Mapping[str, str]) -> list[str]:
    """Set the user's keymap on `app`; unknown binding ids are left out and reported."""
    known = known_binding_ids(app)
    usable: dict[str, str] = {}
    notices: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id in known:
            usable[binding_id] = keys
            continue
        close = difflib.get_close_matches(binding_id, sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        notices.append(f"keymap: unknown binding id {binding_id!r}{hint}; ignored")
    app.set_keymap(usable)
    return notices


def run_options(settings: Any) -> dict[str, Any]:
    return {"mouse": bool(getattr(settings, "mouse", True))}
