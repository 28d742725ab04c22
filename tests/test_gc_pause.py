"""The garbage collector pause used while an index is read back from the cache."""

from __future__ import annotations

import gc

import pytest

from newsx.core.gc_pause import building_long_lived, collecting


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
    from newsx.core import corpus

    seen: list[bool] = []
    real = corpus.load_file

    def load_file(path, max_file_mb):
        seen.append(gc.isenabled())
        return real(path, max_file_mb)

    monkeypatch.setattr(corpus, "load_file", load_file)
    (tmp_path / "a.txt").write_text("Title\n\nSome text about troops.\n", encoding="utf-8")
    gc.disable()
    try:
        loaded = corpus.load_corpus([tmp_path])
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert loaded.articles and seen == [True]


def test_collecting_restores_a_paused_collector():
    gc.disable()
    try:
        with collecting():
            assert gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
