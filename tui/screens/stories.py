"""The Stories screen: the stories newsx found in the corpus, each with its sources, its dates and
how many claim groups (and conflicts) it has. Enter narrows every screen to the story under the
cursor; `a` goes back to all stories.

The list always shows the whole corpus (`app.full_index`), whichever story the other screens are
narrowed to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Label, Static

from newsx.core.index import Index
from newsx.core.model.analyses import Story

from ..widgets.footer import KeysFooter
from ..widgets.nav_table import NavTable
from ..widgets.progress import IndexStatus
from .base import BrowseScreen, known_outlet, one_line


@dataclass(frozen=True)
class StoryRow:
    story: Story
    outlets: tuple[str, ...]  # distinct known outlets, most articles first
    no_outlet: int  # articles whose outlet is unknown (no byline credit, no site)
    claim_groups: int  # groups with claims from more than one article
    conflicts: int


def date_range(first: str | None, last: str | None) -> str:
    """"2024-10-30 – 10-31" (the year once when both are in it), one date, or "undated"."""
    if not first:
        return "undated"
    if not last or last == first:
        return first
    return f"{first} – {last[5:] if last[:4] == first[:4] else last}"


def story_rows(index: Index, outlet_of: Callable[[str], str | None]) -> list[StoryRow]:
    """Each story with its outlets (`outlet_of` an article id, None when unknown) and its claim
    groups that compare claims of several articles."""
    story_of = index.story_of_article
    groups: Counter[str] = Counter()
    conflicts: Counter[str] = Counter()
    for group in index.claim_groups:
        if not group.claims or len({c.article for c in group.claims}) < 2:
            continue
        story = story_of.get(group.claims[0].article)
        groups[story] += 1
        conflicts[story] += group.verdict == "conflict"
    rows = []
    for story in index.stories:
        named = [outlet_of(a) for a in story.articles]
        outlets = Counter(name for name in named if name)
        ordered = tuple(name for name, _ in outlets.most_common())
        rows.append(StoryRow(story, ordered, named.count(None), groups[story.id], conflicts[story.id]))
    return rows


def sources_count(row: StoryRow) -> str:
    """Known outlets, "+n" for articles of unknown outlet (each may be one more source)."""
    if not row.no_outlet:
        return str(len(row.outlets))
    return f"{len(row.outlets)}+{row.no_outlet}"


def sources_text(row: StoryRow) -> str:
    """"Reuters, AP and 2 articles of unknown outlet"."""
    parts = list(row.outlets)
    if row.no_outlet:
        unknown = f"{row.no_outlet} article{'s' if row.no_outlet != 1 else ''} of unknown outlet"
        return f"{', '.join(parts)} and {unknown}" if parts else unknown
    return ", ".join(parts)


class StoriesScreen(BrowseScreen):
    BINDINGS = [Binding("a", "all_stories", "All stories", id="view.all_stories")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield IndexStatus()
        yield Label(id="stories-filter")
        yield NavTable(id="stories")
        yield Static(id="story-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Stories"
        table = self.query_one("#stories", NavTable)
        table.add_column("Dates", key="dates")
        table.add_column("Src", key="sources")
        table.add_column("Claims", key="claims")
        table.add_column("Confl", key="conflicts")
        table.add_column("Story", key="title")
        table.border_title = "Stories (Enter: only this story)"
        self._rows: dict[str, StoryRow] = {}
        self.follow_index()
        table.focus()

    @property
    def whole(self) -> Index | None:
        return getattr(self.app, "full_index", None) or self.app.index

    def _outlet(self, article_id: str) -> str | None:
        return known_outlet(self.app.article_by_id.get(article_id))

    def populate(self) -> None:
        self.query_one("#stories-filter", Label).update(self.narrowed_text())
        table = self.query_one("#stories", NavTable)
        selected = table.current_key or getattr(self.app, "story_id", None)
        table.clear()
        whole = self.whole
        rows = story_rows(whole, self._outlet) if whole is not None else []
        self._rows = {row.story.id: row for row in rows}
        table.add_text_rows(
            (
                (
                    Text(date_range(row.story.first, row.story.last), style="bold"),
                    Text(sources_count(row), justify="right"),
                    Text(str(row.claim_groups), justify="right"),
                    Text(str(row.conflicts), justify="right", style="bold" if row.conflicts else "dim"),
                    Text(one_line(row.story.title, 90)),
                ),
                row.story.id,
            )
            for row in rows
        )
        if whole is None:
            table.border_subtitle = self.empty_reason()
        else:
            table.border_subtitle = f"{len(rows)} stories, {len(whole.articles)} articles"
        if selected:
            table.move_to_key(selected)
        self.show_story(table.current_key)

    def narrowed_text(self) -> Text:
        story_id = getattr(self.app, "story_id", None)
        whole = self.whole
        story = whole.story_by_id.get(story_id) if (whole is not None and story_id) else None
        if story is None:
            return Text("All stories", style="dim")
        line = Text("Only: ", style="bold")
        line.append(one_line(story.title, 90))
        line.append("  (a: all stories)", style="dim")
        return line

    def show_story(self, story_id: str | None) -> None:
        row = self._rows.get(story_id) if story_id else None
        detail = self.query_one("#story-detail", Static)
        if row is None:
            detail.update("")
            return
        text = Text(one_line(row.story.title, 300), style="bold")
        count = len(row.story.articles)
        text.append(f"\n{count} article{'s' if count != 1 else ''} from: ", style="dim")
        text.append(one_line(sources_text(row), 300))
        detail.update(text)

    def select(self, story_id: str) -> None:
        table = self.query_one("#stories", NavTable)
        table.move_to_key(story_id)
        self.show_story(story_id)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "stories":
            self.show_story(event.row_key.value)

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "stories" and event.row_key.value:
            await self.app.action_narrow_story(event.row_key.value)

    async def action_all_stories(self) -> None:
        await self.app.action_narrow_story(None, go_read=False)
