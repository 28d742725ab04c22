"""Over SSH: OSC 52 copy of a sentence, and `newsx serve` without its optional extra."""

from __future__ import annotations

import builtins
import sys

from textual.app import App

from newsx.tui.clipboard import copy_text, sentence_at
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
