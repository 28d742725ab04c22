"""The command-line contract: exit codes, problems on stderr, cache options, incremental reuse."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEEDS

from newsx.cli import main
from newsx.core.store.cache import CACHE_FILE

TINY = (
    "Mayor Ellen Park opens the new bridge\n\n"
    "Mayor Ellen Park opened the Harbor Bridge in Portland on Monday, the city council said.\n\n"
    "Park said about 3,000 people crossed it in the first hour.\n"
)


@pytest.fixture
def tiny(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "bridge.txt").write_text(TINY, encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("newsx ")


@pytest.mark.parametrize(
    "argv",
    [["--no-such-option"], ["articles", "--bogus"], ["entities", "--max-file-mb", "lots"], ["index", "--model"]],
)
def test_bad_usage_exits_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "usage" in err.lower() and not out


def test_nothing_loadable_exits_1_naming_each_file_once(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    code, out, err = run(capsys, "articles", tmp_path)
    assert code == 1 and not out
    for name in ("empty.txt", "binary.txt"):
        assert err.count(name) == 1, err
    # A PATH that does not exist is a usage error of its own (issue 16), named once, before loading.
    code, out, err = run(capsys, "articles", tmp_path, tmp_path / "missing.txt")
    assert code == 2 and not out and err.count("missing.txt") == 1, err


def test_bad_files_are_named_once_and_the_rest_loads(capsys, tmp_path, tiny):
    (tiny / "empty.txt").write_text("  \n")
    (tiny / "binary.txt").write_bytes(bytes(range(256)) * 20)
    code, out, err = run(capsys, "articles", tiny, "--json")
    assert code == 0
    assert [a["id"] for a in json.loads(out)] == ["bridge"]
    assert err.count("empty.txt") == 1 and err.count("binary.txt") == 1


def test_no_cache_writes_no_cache(capsys, tiny, isolated_dirs):
    code, out, err = run(capsys, "entities", tiny, "--no-cache", "--json")
    assert code == 0, err
    assert any(e["name"] == "Ellen Park" for e in json.loads(out))
    assert not (isolated_dirs / "cache").exists()


def test_cache_dir_option_and_env(capsys, tiny, tmp_path, isolated_dirs):
    chosen = tmp_path / "chosen"
    code, _, err = run(capsys, "entities", tiny, "--cache-dir", chosen)
    assert code == 0, err
    assert (chosen / CACHE_FILE).is_file()
    assert not (isolated_dirs / "cache").exists()
    # Without the option, NEWSX_CACHE_DIR (set for every test) is used.
    code, _, err = run(capsys, "entities", tiny)
    assert code == 0, err
    assert (isolated_dirs / "cache" / CACHE_FILE).is_file()


def test_unusable_cache_folder_works_without_cache_with_a_notice(capsys, tiny, tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    code, out, err = run(capsys, "entities", tiny, "--cache-dir", blocker / "cache", "--json")
    assert code == 0
    assert json.loads(out)
    assert err.count("working without a cache") == 1


def test_missing_model_is_one_clear_line(capsys, tiny):
    code, out, err = run(capsys, "entities", tiny, "--model", "xx_no_such_model_sm")
    assert code == 1 and not out
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "xx_no_such_model_sm" in lines[0] and "pip install" in lines[0]


def test_changed_file_is_parsed_alone_and_warm_results_match(tmp_path, seed_index):
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index, index_from_analyses
    from newsx.core.settings import Settings

    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    settings = Settings(cache_dir=tmp_path / "cache")

    first = build_index(load_corpus([folder]), settings)
    assert first.parsed == 3

    changed = sorted(folder.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials said 42 more boats arrived on Friday.\n", encoding="utf-8")
    second = build_index(load_corpus([folder]), settings)
    assert second.parsed == 1

    warm = build_index(load_corpus([folder]), settings)
    assert warm.parsed == 0
    fresh = index_from_analyses(list(warm.articles), warm.analyses)
    # The corpus-level results read back from the cache are those linking gives now.
    assert warm.entities == fresh.entities
    assert warm.events == fresh.events
    assert warm.claim_groups == fresh.claim_groups
    assert warm.near_duplicates == fresh.near_duplicates
    assert warm.entities == second.entities


def test_copies_of_one_text_are_parsed_once(tmp_path, tiny):
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.settings import Settings

    (tiny / "copy.txt").write_text(TINY, encoding="utf-8")
    body = TINY.split("\n", 1)[1]
    (tiny / "retitled.txt").write_text("Bridge opens to crowds\n" + body, encoding="utf-8")
    loaded = load_corpus([tiny])
    assert len(loaded.articles) == 3 and len({a.text for a in loaded.articles}) == 1
    index = build_index(loaded, Settings(cache_dir=tmp_path / "cache"))
    # the headline is read too: a copy under another headline is parsed for its headline's events
    assert index.parsed == 2
    first, copy, retitled = (index.analyses[a.id] for a in sorted(loaded.articles, key=lambda a: a.id))
    assert first == copy and first.mentions
    assert retitled.mentions == first.mentions and retitled.events != first.events


def test_corrupt_cache_is_reported_once_and_rebuilt(capsys, tiny, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / CACHE_FILE).write_bytes(bytes(range(256)) * 40)
    code, out, err = run(capsys, "articles", tiny, "--cache-dir", cache_dir, "--json")
    assert code == 0 and json.loads(out)
    assert err.count("damaged") == 1 and err.count("\n") == 1
    assert any(".bad-" in p.name for p in cache_dir.iterdir())
    code, out, err = run(capsys, "articles", tiny, "--cache-dir", cache_dir, "--json")
    assert code == 0 and err == ""
