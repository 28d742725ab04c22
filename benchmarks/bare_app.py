"""The baseline for time to first screen: a bare Textual app with a Header, a DataTable and a Footer.

It shows the same titles newsx shows (read from a JSON list given as the only argument).
"""

from __future__ import annotations

import json
import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App):
    def __init__(self, titles: list[str]):
        super().__init__()
        self.titles = titles

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Title")
        for title in self.titles:
            table.add_row(title)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        BareApp(json.load(fh)).run()
