"""Over SSH: OSC 52 copy of a sentence, and `newsx serve` without its optional extra."""

from __future__ import annotations

import builtins
import sys

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable, Static

from newsx.core.model.articles import Article
from newsx.tui.clipboard import copy_current, copy_text, sentence_at
from newsx.tui.serve import command_for, serve

TEXT = "First sentence here. Second one, with a number: 3,000.\nNew paragraph."


def test_sentence_at_uses_the_analysis_then_the_paragraph():
    sentences = [(0, 20), (21, 55), (56, 70)]
    assert sentence_at(TEXT, sentences, 30) == "Second one, with a number: 3,000."
    assert sentence_at(TEXT, [], 30) == "First sentence here. Second one, with a number: 3,000."


async def test_copy_sends_osc52_and_tells_the_user():
    app = App()
    async with app.run_test() as pilot:
        written: list[str] = []
        original = app._driver.write
        app._driver.write = lambda data: (written.append(data), original(data))[1]
        assert copy_text(app, "  Second one,\n with a number.  ")
        await pilot.pause()
        assert app.clipboard == "Second one, with a number."
        assert any(w.startswith("\x1b]52;c;") for w in written)
        assert not copy_text(app, "   ")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "Copied sentence (26 characters)",
            "No sentence to copy here",
        ]


def test_serve_without_textual_serve_says_how_to_install(monkeypatch, capsys):
    real_import = builtins.__import__

    def no_textual_serve(name, *args, **kwargs):
        if name.startswith("textual_serve"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_textual_serve)
    monkeypatch.delitem(sys.modules, "textual_serve.server", raising=False)
    assert serve(["--port", "8123"], port=8123) == 1
    err = capsys.readouterr().err
    assert err == 'newsx: serve needs textual-serve: pip install "newsx[serve]"\n'


def test_serve_runs_newsx_with_the_same_arguments_minus_port():
    command = command_for(["corpus/", "--port", "9000", "--theme", "newsx-ansi", "--port=1"])
    assert command.endswith("-m newsx corpus/ --theme newsx-ansi")
    assert command.startswith(sys.executable)


class ReaderLike(Static):
    def __init__(self, article, marked):
        super().__init__("reader")
        self.article = article
        self.marked = marked


class CopyApp(App):
    BINDINGS = [("y", "copy", "Copy")]

    def __init__(self, widget_factory):
        super().__init__()
        self.widget_factory = widget_factory
        self.index = None

    def compose(self):
        yield from self.widget_factory()

    def action_copy(self):
        copy_current(self)


async def test_y_copies_the_marked_sentence_of_the_reader():
    article = Article(id="a", path="a.txt", title="T", text=TEXT)
    app = CopyApp(lambda: [ReaderLike(article, (TEXT.index("3,000"), TEXT.index("3,000") + 5))])
    async with app.run_test() as pilot:
        await pilot.press("y")
        assert app.clipboard == "First sentence here. Second one, with a number: 3,000."  # no analysis: the paragraph


async def test_y_copies_the_current_table_row():
    def widgets():
        table = DataTable()
        table.add_columns("Value", "Claimer", "Quote")
        table.add_row("3,000", Text("officials"), Text("[b]about[/b] 3,000 troops"))
        table.add_row("10,000", Text("the agency"), Text("up to 10,000"))
        return [table]

    app = CopyApp(widgets)
    async with app.run_test() as pilot:
        app.query_one(DataTable).focus()
        await pilot.press("down", "y")
        assert app.clipboard == "10,000 · the agency · up to 10,000"


async def test_y_with_nothing_to_copy_says_so():
    app = CopyApp(lambda: [Static("plain")])
    async with app.run_test() as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == ""
        assert ["Nothing to copy here" in n.message for n in app._notifications] == [True]
