"""A modal list of files that were skipped or loaded with a caveat, and other notices."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from newsx.core.model.articles import Problem


class SkippedScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,s", "dismiss", "Close", id="app.close_dialog"),
        Binding("down,j", "scroll_down", "Down", show=False, id="nav.scroll_down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="nav.scroll_up"),
    ]
    DEFAULT_CSS = """
    SkippedScreen { align: center middle; }
    SkippedScreen > VerticalScroll {
        width: 90%; max-width: 110; height: auto; max-height: 80%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    SkippedScreen .heading { text-style: bold; margin-top: 1; }
    """

    def __init__(self, problems: Sequence[Problem], notices: Sequence[str]) -> None:
        super().__init__()
        self.problems = list(problems)
        self.notices = list(notices)

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Skipped files and notices (Esc closes)"
            yield Label("Files", classes="heading")
            if not self.problems:
                yield Static("Every file loaded.")
            for problem in self.problems:
                line = Text(problem.path, style="bold")
                line.append(": ")
                line.append(problem.message)
                if not problem.fatal:
                    line.append(" (loaded)", style="dim")
                yield Static(line)
            if self.notices:
                yield Label("Notices", classes="heading")
                for notice in self.notices:
                    yield Static(Text(notice))

    def action_scroll_down(self) -> None:
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one(VerticalScroll).scroll_up()
