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
