"""The garbage collector, owned by the program's start-up: paused while an index is read back from
the cache, on while files are read."""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsx.core.settings import Settings
from newsx.tui.gc_control import building_long_lived, collecting


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()  # give this test process's objects back to the collector


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored_after_the_block(enabled, unfrozen):
    (gc.enable if enabled else gc.disable)()
    try:
        with building_long_lived():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_no_collection_inside_and_what_was_built_is_kept_out_of_later_ones(unfrozen):
    collections: list[int] = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with building_long_lived():
            built = [{"n": i} for i in range(50_000)]  # far past the collector's thresholds
        assert collections == []
        assert gc.get_freeze_count() >= len(built)
    finally:
        gc.callbacks.remove(count)


def test_state_is_restored_when_the_block_fails(unfrozen):
    with pytest.raises(ValueError):
        with building_long_lived():
            raise ValueError("damaged cache")
    assert gc.isenabled()


def test_files_are_read_with_the_collector_on_even_during_the_explorer_start_up(tmp_path, monkeypatch):
    # `newsx` pauses the collector until its first frame; cleaning thousands of files must not
    # pile up their garbage meanwhile.
    from newsx.core.corpus import loading as corpus
    from newsx.tui import app

    seen: list[bool] = []
    real = corpus.load_file

    def load_file(path, max_file_mb):
        seen.append(gc.isenabled())
        return real(path, max_file_mb)

    monkeypatch.setattr(corpus, "load_file", load_file)
    monkeypatch.setattr(app.NewsxApp, "run", lambda self, **options: None)  # no terminal here
    (tmp_path / "a.txt").write_text("Title\n\nSome text about troops.\n", encoding="utf-8")
    gc.disable()
    try:
        assert app.run_app([tmp_path], Settings(cache_dir=None)) == 0
        assert not gc.isenabled()  # still paused: the first frame turns it back on
    finally:
        gc.enable()
    assert seen == [True]


def test_articles_recalled_from_the_cache_are_built_inside_the_callers_context(tmp_path):
    from newsx.core.corpus import loading as corpus
    (tmp_path / "a.txt").write_text("Title\n\nSome text about troops.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    corpus.load_corpus([tmp_path / "a.txt"], cache_dir=cache)  # read and remembered
    entered: list[bool] = []

    @contextmanager
    def long_lived():
        entered.append(True)
        yield

    loaded = corpus.load_corpus([tmp_path / "a.txt"], cache_dir=cache, long_lived=long_lived)
    assert [a.title for a in loaded.articles] == ["Title"] and entered == [True]


def test_the_engine_never_touches_the_collector():
    import newsx.core

    core = Path(newsx.core.__file__).parent
    assert [p.name for p in core.rglob("*.py") if re.search(r"^\s*(import gc|from gc import)", p.read_text(encoding="utf-8"), re.M)] == []


def test_collecting_restores_a_paused_collector():
    gc.disable()
    try:
        with collecting():
            assert gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
