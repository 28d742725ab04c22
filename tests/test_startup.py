"""Start-up of the explorer: the garbage collector pause, and what reopening does not import."""

from __future__ import annotations

import gc
import subprocess
import sys

from newsx import cli
from newsx.tui.app import NewsxApp


async def test_the_garbage_collector_is_back_on_once_the_first_frame_is_out(seed_loaded):
    # cli.main pauses it for the start-up; a session that never collected would grow unbounded.
    gc.disable()
    try:
        app = NewsxApp(loaded=seed_loaded, build=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


def test_the_garbage_collector_is_back_on_when_nothing_could_be_opened(tmp_path, capsys, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(cli, "_stdout_is_terminal", lambda: True)  # pytest's captured stdout is not one
    assert cli.main([str(empty), "--no-cache"]) == 1
    assert gc.isenabled()
    assert "nothing could be loaded" in capsys.readouterr().err


def test_reopening_reads_articles_without_importing_the_analysis_models(tmp_path):
    # What the explorer imports and reads before its first frame (tui.app, core.corpus with a warm
    # cache); the analysis models come with the index, after it.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import newsx.tui.app\n"
        "from newsx.core.corpus.loading import load_corpus\n"
        f"for _ in range(2): loaded = load_corpus([], cache_dir=Path({str(tmp_path)!r}))\n"
        "assert loaded.articles\n"
        "print('newsx.core.model.analyses' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.strip() == "False"
