"""The gazetteer kept in the cache folder gives the same places as one built afresh, and a damaged
or planted copy is built again rather than trusted."""

import pickle

import pytest

from newsx.core.nlp import gazetteer


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(gazetteer, "_built", None)


def test_the_copy_kept_in_the_cache_folder_knows_the_same_places(fresh, tmp_path, monkeypatch):
    gazetteer.warm_up(tmp_path)
    built = {name: gazetteer.places(name) for name in ("Kiev", "Kyiv", "Texas", "Iran", "Khartoum")}
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    monkeypatch.setattr(gazetteer, "_built", None)
    monkeypatch.setattr(gazetteer, "_build_tables", lambda: pytest.fail("built again despite the copy"))
    gazetteer.warm_up(tmp_path)
    assert {name: gazetteer.places(name) for name in built} == built


def test_a_damaged_or_planted_copy_is_not_trusted(fresh, tmp_path, monkeypatch):
    gazetteer.warm_up(tmp_path)
    (copy,) = tmp_path.glob("gazetteer-*.pickle")
    for content in (b"not a pickle", pickle.dumps(print)):
        copy.write_bytes(content)
        monkeypatch.setattr(gazetteer, "_built", None)
        gazetteer.warm_up(tmp_path)
        assert gazetteer.place("Texas").kind == "subdivision"


def test_copies_of_older_versions_go_once_unused_and_one_in_use_stays(fresh, tmp_path):
    # Each version of newsx or of its data packages keeps a copy of ~5 MB: the cache folder must
    # not fill with them.
    import os
    import time

    old = tmp_path / "gazetteer-0123456789abcdef0123.pickle"
    recent = tmp_path / "gazetteer-fedcba9876543210fedc.pickle"
    for copy in (old, recent):
        copy.write_bytes(b"a copy of another version")
    long_ago = time.time() - (gazetteer.STALE_COPY_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    gazetteer.warm_up(tmp_path)
    assert not old.exists()
    assert recent.exists()  # another installed version may still read it
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 2
