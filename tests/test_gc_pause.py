"""The garbage collector pause used while an index is read back from the cache."""

from __future__ import annotations

import gc

import pytest

from newsx.core.gc_pause import building_long_lived


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
