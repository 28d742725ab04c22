"""The cache keeps working, or steps aside with a notice, whatever state its file is in."""

from __future__ import annotations

import os
import random
import sqlite3

import pytest

from newsx.core.model.analyses import ArticleAnalysis, Mention
from newsx.core.store.cache import CACHE_FILE, Cache, open_cache


def _analysis(n: int) -> ArticleAnalysis:
    name = f"Person {n}"
    return ArticleAnalysis(sentences=((0, len(name) + 6),), mentions=(Mention(0, len(name), name, "PERSON"),))


def _filled(directory, count: int = 50) -> Cache:
    cache = Cache(directory)
    cache.put_many((f"key{i}", _analysis(i)) for i in range(count))
    return cache


def _set_aside_files(directory):
    return sorted(p.name for p in directory.iterdir() if ".bad-" in p.name)


def test_round_trip_and_reopen(tmp_path):
    cache = _filled(tmp_path)
    cache.close()
    again = Cache(tmp_path)
    got = again.get_many([f"key{i}" for i in range(60)])
    assert len(got) == 50
    assert got["key7"] == _analysis(7)
    assert again.notices == []


def test_foreign_sqlite_file_is_set_aside_not_deleted(tmp_path):
    foreign = sqlite3.connect(tmp_path / CACHE_FILE)
    foreign.execute("CREATE TABLE users (name TEXT)")
    foreign.execute("INSERT INTO users VALUES ('alice')")
    foreign.commit()
    foreign.close()

    cache, notices = open_cache(tmp_path)
    assert cache is not None
    assert len(notices) == 1 and "not a newsx cache" in notices[0]
    cache.put_many([("k", _analysis(1))])
    assert cache.get_many(["k"]) == {"k": _analysis(1)}
    cache.close()
    # The other program's data is still there, beside the new cache.
    [aside] = [p for p in _set_aside_files(tmp_path) if not p.endswith(("-wal", "-shm"))]
    kept = sqlite3.connect(tmp_path / aside)
    assert kept.execute("SELECT name FROM users").fetchall() == [("alice",)]
    kept.close()


def test_random_bytes_are_set_aside_and_rebuilt(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(random.Random(3).randbytes(20_000))
    cache, notices = open_cache(tmp_path)
    assert cache is not None
    assert notices and "damaged" in notices[0]
    cache.put_many([("k", _analysis(1))])
    assert cache.get_many(["k"]) == {"k": _analysis(1)}
    assert _set_aside_files(tmp_path)


def test_truncated_cache_is_detected_when_read_and_rebuilt(tmp_path):
    cache = _filled(tmp_path, 400)
    cache._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    path = tmp_path / CACHE_FILE
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 3)

    cache, notices = open_cache(tmp_path)
    assert cache is not None
    got = cache.get_many([f"key{i}" for i in range(400)])
    # Whatever could not be read is simply missing (it will be parsed again), never an exception.
    assert len(got) < 400
    assert any("damaged" in n for n in cache.notices + notices)
    cache.put_many([("again", _analysis(2))])
    assert cache.get_many(["again"]) == {"again": _analysis(2)}
    cache.close()
    # The rebuilt file is a sound database.
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()


def test_damaged_row_is_skipped(tmp_path):
    cache = _filled(tmp_path, 3)
    cache._conn.execute("UPDATE analyses SET data = '{not json' WHERE key = 'key1'")
    got = cache.get_many(["key0", "key1", "key2"])
    assert set(got) == {"key0", "key2"}


def test_cache_folder_that_cannot_be_created_means_no_cache_with_notice(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache, notices = open_cache(blocker / "cache")
    assert cache is None
    assert len(notices) == 1 and "working without a cache" in notices[0] and str(blocker) in notices[0]


def test_full_cache_keeps_working_in_memory(tmp_path):
    cache = _filled(tmp_path, 2)
    # A real SQLITE_FULL: the database may not grow past its current pages.
    pages = cache._conn.execute("PRAGMA page_count").fetchone()[0]
    cache._conn.execute(f"PRAGMA max_page_count = {pages}")
    big = ArticleAnalysis(sentences=tuple((i, i + 1) for i in range(20_000)), mentions=())
    cache.put_many([("big", big)])
    assert any("cache write failed" in n and "full" in n for n in cache.notices)
    assert not cache.writable
    cache.put_many([("more", _analysis(3))])  # no exception, no second notice
    assert sum("cache write failed" in n for n in cache.notices) == 1
    assert set(cache.get_many(["key0", "key1", "big"])) == {"key0", "key1"}


def test_reader_works_while_a_writer_holds_its_transaction(tmp_path):
    writer = _filled(tmp_path, 5)
    reader = Cache(tmp_path)
    writer._conn.execute("BEGIN IMMEDIATE")
    writer._conn.execute("DELETE FROM analyses WHERE key = 'key0'")
    # WAL: the reader sees the last committed state and does not wait for the writer.
    assert len(reader.get_many([f"key{i}" for i in range(5)])) == 5
    writer._conn.execute("COMMIT")
    assert len(reader.get_many([f"key{i}" for i in range(5)])) == 4


def test_two_caches_created_at_once_share_one_schema(tmp_path):
    first = Cache(tmp_path)
    first.put_many([("k", _analysis(1))])
    second = Cache(tmp_path)  # must not drop what the first one wrote
    assert second.get_many(["k"]) == {"k": _analysis(1)}


def test_corpus_results_keep_only_newsx_data(tmp_path):
    import pickle

    cache = Cache(tmp_path)
    cache.put_corpus("c", {"entities": (), "near_duplicates": {"a": ("b",)}})
    assert cache.get_corpus("c") == {"entities": (), "near_duplicates": {"a": ("b",)}}
    # A planted blob that would run code when unpickled is refused, not executed.
    evil = pickle.dumps(os.system)
    cache._conn.execute("UPDATE corpus_results SET data = ? WHERE key = 'c'", (evil,))
    assert cache.get_corpus("c") is None


def test_old_schema_is_replaced(tmp_path):
    cache = _filled(tmp_path, 2)
    cache._conn.execute("PRAGMA user_version = 1")
    cache.close()
    again = Cache(tmp_path)
    assert again.get_many(["key0"]) == {}
    again.put_many([("key0", _analysis(0))])
    assert again.get_many(["key0"]) == {"key0": _analysis(0)}


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_stray_journal_files_do_not_break_opening(tmp_path, suffix):
    cache = _filled(tmp_path, 3)
    cache.close()
    (tmp_path / (CACHE_FILE + suffix)).write_bytes(b"\x00" * 100)
    cache, notices = open_cache(tmp_path)
    assert cache is not None
    cache.put_many([("x", _analysis(9))])
    assert "x" in cache.get_many(["x"])


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    from newsx.core.corpus import loading as corpus
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Headline {i}\n\nBody of story {i} told in a sentence or two.\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    first = corpus.load_corpus([folder], cache_dir=cache_dir)

    reads = []
    real = corpus.load_file
    monkeypatch.setattr(corpus, "load_file", lambda path, *a, **k: reads.append(path.name) or real(path, *a, **k))
    again = corpus.load_corpus([folder], cache_dir=cache_dir)
    assert reads == [] and again.articles == first.articles

    (folder / "a1.txt").write_text("Headline one, revised\n\nA new body.\n", encoding="utf-8")
    changed = corpus.load_corpus([folder], cache_dir=cache_dir)
    assert reads == ["a1.txt"]
    assert [a.title for a in changed.articles][1] == "Headline one, revised"
    # Without a cache folder every file is read.
    corpus.load_corpus([folder])
    assert reads == ["a1.txt", "a0.txt", "a1.txt", "a2.txt"]


def test_cache_without_the_loaded_files_table_gains_it(tmp_path):
    cache = _filled(tmp_path, 2)
    cache._conn.execute("DROP TABLE loaded_files")
    cache.close()
    again = Cache(tmp_path)
    assert again.get_many(["key0", "key1"]) == {"key0": _analysis(0), "key1": _analysis(1)}
    again.put_files([("/x.txt", "stamp", '{"articles": [], "notes": []}')])
    assert again.get_files({"/x.txt": "stamp"}) == {"/x.txt": '{"articles": [], "notes": []}'}


def test_large_corpus_results_come_back_whole(tmp_path):
    """Stored results are streamed back from the database in pieces: several megabytes of them
    (a corpus of thousands of articles) must come back exactly as they were stored."""
    from newsx.core.model.articles import Problem

    problems = tuple(Problem(f"file-{n}.html", "reason " + "x" * (n % 97)) for n in range(60_000))
    data = {"entities": problems, "near_duplicates": {f"a{n}": (f"b{n}",) for n in range(20_000)}}
    Cache(tmp_path).put_corpus("big", data)
    assert Cache(tmp_path).get_corpus("big") == data
