"""The command palette (`ctrl+p`): articles, entities, claim groups, events, screens and commands.

API: `NewsxCommands`, a `textual.command.Provider`; add it to the app with
`COMMANDS = App.COMMANDS | {NewsxCommands}`. Every entry is namespaced so one query can reach
anything: "article: <title>", "entity: <name>", "claims: <topic>", "event: <label>",
"screen: Read|Entities|Claims|Timeline|Stories", "story: <title>" (narrows every screen to it;
"story: all stories" goes back), "theme: <name>", "command: <what>". With an empty query
the palette lists the screens and commands (`discover`).

What it needs from the app (the contract with the screens; missing methods are simply not
offered, so the provider works on any App):
- `app.index`: the `newsx.core.index.Index`, or None while indexing (then only articles from
  `app.loaded` (a LoadResult), screens and commands are offered).
- `app.action_open_article(article_id, offset=None)`: Read screen, that article; an app without it
  gets a `newsx.tui.messages.OpenArticle(article_id)` message instead.
- `app.action_show_entity(entity_id)`: Entities screen, that entity selected.
- `app.action_show_claim_group(group_id)`: Claims screen, that group selected.
- `app.action_show_event(event_id)`: Timeline screen, that event selected (optional).
- `app.action_filter_entity(entity_id)`: article list limited to articles mentioning it (optional).
- `app.action_narrow_story(story_id)`: every screen shows one story (None: all); stories are
  offered when `app.full_index` (or `app.index`) has more than one.
- `app.switch_to(name)` with name in `SCREENS` (read, entities, claims, timeline, stories); when the app
  has no `switch_to`, `app.switch_mode(name)` is used if `name` is one of `app.MODES`.
- commands, each offered when the app has it: `action_toggle_highlights`, `action_cycle_types`,
  `action_search`, `action_help`, `action_copy`, `action_change_theme` (Textual's theme picker),
  `action_quit`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

SCREENS = ("read", "entities", "claims", "timeline", "stories")

# (app method, palette text, help): offered when the app has the method.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("action_search", "command: search all articles", "Full-text search (/)"),
    ("action_toggle_highlights", "command: toggle entity highlights", "Show or hide entity colours in the reader"),
    ("action_cycle_types", "command: cycle highlighted entity types", "Highlight one entity type at a time"),
    ("action_copy", "command: copy sentence or claim", "Copy to the clipboard (OSC 52)"),
    ("action_change_theme", "command: change theme", "Pick a theme"),
    ("action_help", "command: help (keys)", "Every key of this screen"),
    ("action_quit", "command: quit", "Leave newsx"),
)

Entry = tuple[str, str, Callable[[], Any]]  # (text, help, callback)


def _highlight(matcher: Matcher, text: str) -> Content:
    """Like Matcher.highlight, but the text is never read as markup (titles are article data)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def switch_screen_callback(app: Any, name: str) -> Callable[[], Any] | None:
    if hasattr(app, "switch_to"):
        return partial(app.switch_to, name)
    if name in getattr(app, "MODES", {}):
        return partial(app.switch_mode, name)
    return None


def _post_open_article(app: Any) -> Callable[[str], Any] | None:
    try:
        from newsx.tui.messages import OpenArticle
    except ImportError:
        return None
    return lambda article_id: app.post_message(OpenArticle(article_id))


def _stories(app: Any) -> tuple:
    """The whole corpus's stories (whichever one the screens are narrowed to)."""
    index = getattr(app, "full_index", None) or getattr(app, "index", None)
    return tuple(getattr(index, "stories", ()) or ())


class NewsxCommands(Provider):
    def _screen_entries(self) -> Iterator[Entry]:
        try:  # the app may list the screens among its system commands already: no doubles
            system = {c.title for c in self.app.get_system_commands(self.screen)}
        except Exception:
            system = set()
        for name in SCREENS:
            if name == "stories" and len(_stories(self.app)) < 2:
                continue  # one story: the palette offers what it always did
            callback = switch_screen_callback(self.app, name)
            if callback is not None and f"screen: {name.capitalize()}" not in system:
                yield f"screen: {name.capitalize()}", f"Go to the {name.capitalize()} screen", callback

    def _command_entries(self) -> Iterator[Entry]:
        for method, text, help_text in COMMANDS:
            callback = getattr(self.app, method, None)
            if callable(callback):
                yield text, help_text, callback

    def _theme_entries(self) -> Iterator[Entry]:
        def set_theme(name: str) -> None:
            self.app.theme = name

        for name in sorted(self.app.available_themes):
            if name.startswith("newsx-"):
                yield f"theme: {name}", "Switch to this theme", partial(set_theme, name)

    def _data_entries(self) -> Iterator[Entry]:
        app = self.app
        index = getattr(app, "index", None)
        open_article = getattr(app, "action_open_article", None) or _post_open_article(app)
        if callable(open_article):
            articles = index.articles if index is not None else getattr(getattr(app, "loaded", None), "articles", ())
            for article in articles:
                about = " · ".join(x for x in (article.outlet, article.published) if x)
                yield f"article: {article.title}", about, partial(open_article, article.id)
        if index is None:
            return
        show_entity = getattr(app, "action_show_entity", None)
        if callable(show_entity):
            for entity in index.entities:
                about = f"{entity.label} · {_count(entity.mentions, 'mention')} in {_count(len(entity.articles), 'article')}"
                yield f"entity: {entity.name}", about, partial(show_entity, entity.id)
        filter_entity = getattr(app, "action_filter_entity", None)
        if callable(filter_entity):
            for entity in index.entities:
                yield f"filter: articles mentioning {entity.name}", entity.label, partial(filter_entity, entity.id)
        show_group = getattr(app, "action_show_claim_group", None)
        if callable(show_group):
            for group in index.claim_groups:
                about = f"{group.verdict} · {_count(len(group.claims), 'claim')} · {group.unit}"
                yield f"claims: {group.topic}", about, partial(show_group, group.id)
        show_event = getattr(app, "action_show_event", None)
        if callable(show_event):
            for event in index.events:
                about = " · ".join(x for x in (event.date, _count(len(event.articles), "article")) if x)
                yield f"event: {event.label}", about, partial(show_event, event.id)

    def _story_entries(self) -> Iterator[Entry]:
        app = self.app
        narrow = getattr(app, "action_narrow_story", None)
        stories = _stories(app)
        if not callable(narrow) or len(stories) < 2:
            return
        yield "story: all stories", "Every screen shows the whole corpus again", partial(narrow, None)
        for story in stories:
            dates = " – ".join(dict.fromkeys(d for d in (story.first, story.last) if d))
            about = " · ".join(x for x in (_count(len(story.articles), "article"), dates) if x)
            yield f"story: {story.title}", "Only this story on every screen · " + about, partial(narrow, story.id)

    def entries(self) -> Iterator[Entry]:
        yield from self._screen_entries()
        yield from self._command_entries()
        yield from self._theme_entries()
        yield from self._story_entries()
        yield from self._data_entries()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self.entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=text, help=escape(help_text) if help_text else None)

    async def discover(self) -> Hits:
        for text, help_text, callback in (*self._screen_entries(), *self._command_entries()):
            yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))
