"""Hostile and broken files: each is one clear Problem naming the file, the rest still loads,
and nothing in the user's folder is written."""

from __future__ import annotations

import json
import os
import sys

import pytest

from newsx.core.corpus import loading as corpus
from newsx.core.corpus.loading import load_corpus

GOOD = "Officials said on Monday that the bridge over the Tarn river would reopen next week after repairs.\n"

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><rss version="2.0"><channel><title>t</title><item><title>x</title><description>&lol9;</description></item></channel></rss>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<rss version='2.0'><channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>"
)


def _folder_state(folder):
    return sorted((p, os.lstat(p).st_size, os.lstat(p).st_mtime_ns) for p in (str(x) for x in folder.rglob("*")))


def _messages(result):
    return {os.path.basename(p.path): p.message for p in result.problems}


@pytest.fixture
def hostile(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n\t\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (d / "latin1.txt").write_bytes("Le café a rouvert ses portes à Zürich lundi, a déclaré le maire.\n".encode("cp1252"))
    (d / "broken_utf8.txt").write_bytes("Das Café in Zürich öffnete am Montag wieder, sagte der Bürgermeister.\n".encode() + b"\xff\xfe\xfa more text.\n")
    (d / "utf16.txt").write_bytes("\ufeffThe mayor said on Monday that the café would reopen after repairs.\n".encode("utf-16-le"))
    (d / "huge.txt").write_bytes(b"word " * 300_000)  # ~1.5 MB, over the 1 MB limit used below
    (d / "longline.txt").write_text("The council met again. " * 40_000, encoding="utf-8")
    (d / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (d / "nested.json").write_text(json.dumps({"text": GOOD, "x": json.loads("[" * 200 + "]" * 200)}), encoding="utf-8")
    (d / "bad.json").write_text('{"text": "unterminated', encoding="utf-8")
    (d / "deep.html").write_text("<html><body>" + "<div>" * 50_000 + "<p>" + GOOD + "</p>" + "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    (d / "malformed.html").write_text("<html><body><p>" + GOOD + "<table><tr><td><p></span></div></body", encoding="utf-8")
    (d / "laughs.xml").write_text(BILLION_LAUGHS, encoding="utf-8")
    (d / "xxe.rss").write_text(EXTERNAL_ENTITY, encoding="utf-8")
    (d / "laughs.html").write_text("<!DOCTYPE html [<!ENTITY a 'aaaaaaaaaa'>]><html><body><p>&a;&a;</p></body></html>", encoding="utf-8")
    (d / "truncated.xml").write_text("<?xml version='1.0'?><rss version='2.0'><channel><item><title>x</title><description>" + GOOD, encoding="utf-8")
    (d / "loop").mkdir()
    os.symlink(d / "loop", d / "loop" / "again")
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    return d


def test_each_bad_file_is_one_problem_and_the_rest_loads(hostile):
    before = _folder_state(hostile)
    result = load_corpus([hostile, hostile / "missing.txt"], max_file_mb=1)
    after = _folder_state(hostile)
    assert before == after, "the user's folder was changed"

    ids = {a.id for a in result.articles}
    assert {"good", "latin1", "broken_utf8", "utf16", "longline", "nested"} <= ids
    msgs = _messages(result)
    assert msgs["missing.txt"] == "no such file or folder"
    assert msgs["empty.txt"] == "empty file"
    assert msgs["blank.txt"] == "empty file"
    assert msgs["binary.txt"] == "binary file, not text"
    assert "too large" in msgs["huge.txt"] and "1 MB" in msgs["huge.txt"]
    assert "nested too deeply" in msgs["deep.json"]
    assert "invalid JSON" in msgs["bad.json"]
    for name in ("laughs.xml", "xxe.rss", "laughs.html"):
        assert "entit" in msgs[name], name
    assert "Windows-1252" in msgs["latin1.txt"]
    assert "invalid UTF-8" in msgs["broken_utf8.txt"]
    assert "UTF-16" in msgs["utf16.txt"]
    assert any("symlink loop" in p.message for p in result.problems)
    assert msgs["dangling.txt"] == "broken symbolic link"
    for p in result.problems:
        assert "\n" not in p.message and p.path
    # non-fatal notes go with an article that did load
    assert {os.path.basename(p.path) for p in result.problems if not p.fatal} >= {"latin1.txt", "broken_utf8.txt", "utf16.txt"}


def test_many_files_read_in_worker_processes_give_the_same_articles_and_problems(hostile, tmp_path, monkeypatch):
    """A large folder is read by several processes; bad files must still be one problem each, in
    the same order, with the same articles as when read here."""
    from newsx.core.processes import can_fork

    if not can_fork():
        pytest.skip("worker processes cannot be forked here (threads are running)")
    here = load_corpus([hostile], max_file_mb=1)
    monkeypatch.setattr(corpus, "PARALLEL_MIN_FILES", 2)
    readers = tmp_path / "readers.txt"  # which processes read a file (forked workers see this patch)
    real_load_file = corpus.load_file

    def load_file(file, max_file_mb):
        with open(readers, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real_load_file(file, max_file_mb)

    monkeypatch.setattr(corpus, "load_file", load_file)
    in_workers = load_corpus([hostile], max_file_mb=1)
    pids = set(readers.read_text().split())
    assert pids and str(os.getpid()) not in pids, "the files were read in this process, not in workers"
    assert in_workers.articles == here.articles
    assert in_workers.problems == here.problems
    assert len(here.problems) >= 10


def test_decoded_text_is_right(hostile):
    result = load_corpus([hostile / "latin1.txt", hostile / "utf16.txt", hostile / "broken_utf8.txt"])
    texts = {a.id: a.text for a in result.articles}
    assert "café" in texts["latin1"] and "Zürich" in texts["latin1"]
    assert texts["utf16"].startswith("The mayor said on Monday that the café")
    assert "Bürgermeister" in texts["broken_utf8"] and "\ufffd" in texts["broken_utf8"]


def test_deep_and_malformed_html_never_crash(hostile):
    result = load_corpus([hostile / "deep.html", hostile / "malformed.html", hostile / "truncated.xml"])
    loaded = {a.id for a in result.articles}
    named = {os.path.basename(p.path).split(".")[0] for p in result.problems if p.fatal}
    assert {"deep", "malformed", "truncated"} <= loaded | named
    assert "malformed" in loaded


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    sub = tmp_path / "closed"
    sub.mkdir()
    (sub / "inside.txt").write_text(GOOD, encoding="utf-8")
    sub.chmod(0)
    try:
        result = load_corpus([tmp_path])
    finally:
        locked.chmod(0o644)
        sub.chmod(0o755)
    assert [a.id for a in result.articles] == ["good"]
    msgs = _messages(result)
    assert msgs["locked.txt"] == "permission denied"
    assert any("closed" in p.path and "cannot read folder" in p.message for p in result.problems)


def test_file_that_vanishes_while_loading(tmp_path, monkeypatch):
    keep = tmp_path / "keep.txt"
    keep.write_text(GOOD, encoding="utf-8")
    gone = tmp_path / "gone.txt"
    real_iter = corpus.iter_files
    monkeypatch.setattr(corpus, "iter_files", lambda paths, problems: real_iter(paths, problems) + [gone])
    result = load_corpus([keep])
    assert [a.id for a in result.articles] == ["keep"]
    assert _messages(result) == {"gone.txt": "vanished while loading"}


def test_text_with_terminal_escapes_is_inert(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text("Evil \x1b]52;c;aGVsbG8=\x07Headline\n\nThe minister said \x1b[31mred\x1b[0m things on Monday, \u202eevil, and left.\r\n", encoding="utf-8")
    a = load_corpus([f]).articles[0]
    for field in (a.title, a.text):
        assert "\x1b" not in field and "\x07" not in field and "\u202e" not in field and "\r" not in field


def test_permission_denied_even_as_root(tmp_path, monkeypatch):
    """The same message when the OS refuses the read (simulated, since root may read anything)."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(corpus, "open", guarded, raising=False)
    result = load_corpus([tmp_path])
    assert [a.id for a in result.articles] == ["a"]
    assert _messages(result) == {"b.txt": "permission denied"}


def test_cli_names_each_bad_file_once_and_exit_status(hostile, tmp_path):
    import subprocess

    exe = os.path.join(os.path.dirname(sys.executable), "newsx")
    env = {**os.environ, "NEWSX_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run([exe, "articles", "--json", str(hostile / "empty.txt"), str(hostile / "good.txt")], capture_output=True, text=True, env=env)
    assert run.returncode == 0
    assert [a["id"] for a in json.loads(run.stdout)] == ["good"]
    assert run.stderr.count("empty.txt") == 1 and "empty file" in run.stderr
    run = subprocess.run([exe, "articles", str(hostile / "empty.txt"), str(hostile / "binary.txt")], capture_output=True, text=True, env=env)
    assert run.returncode == 1


def test_fifo_and_file_symlink_loop_are_named(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    result = load_corpus([tmp_path, tmp_path / "pipe.txt"])  # must not block on the pipe
    assert [a.id for a in result.articles] == ["good"]
    msgs = [(os.path.basename(p.path), p.message) for p in result.problems]
    assert ("a.txt", "symlink loop") in msgs and ("b.txt", "symlink loop") in msgs
    assert ("pipe.txt", "not a regular file, skipped") in msgs
    assert ("pipe.txt", "not a regular file or folder, skipped") in msgs


def test_declared_legacy_charset_is_used(tmp_path):
    f = tmp_path / "jp.html"
    body = "<p>東京で月曜日、市長は橋を修理のため閉鎖すると述べた。</p>" * 5
    f.write_bytes(f'<html><head><meta charset="shift_jis"><title>橋</title></head><body><article>{body}</article></body></html>'.encode("shift_jis"))
    result = load_corpus([f])
    assert "東京で月曜日" in result.articles[0].text
    assert any("shift_jis" in p.message for p in result.problems if not p.fatal)


def test_same_file_or_folder_given_twice_loads_once(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path.parent / (tmp_path.name + "-alias"))
    result = load_corpus([tmp_path, tmp_path / "good.txt", tmp_path.parent / (tmp_path.name + "-alias")])
    assert [a.id for a in result.articles] == ["good"]
    assert not result.problems


def test_a_reader_that_breaks_on_one_file_costs_only_that_file(tmp_path, monkeypatch):
    # e.g. the HTML extractor missing one of its own parts: the text files still load
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>" + GOOD + "</p></body></html>", encoding="utf-8")
    from newsx.core.corpus import readers
    def broken(raw):
        raise ImportError("a part of the extractor is missing.\nInstall it.")

    monkeypatch.setattr(readers, "read_html", broken)
    result = load_corpus([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    [problem] = result.problems
    assert problem.path.endswith("page.html") and problem.fatal
    assert "ImportError" in problem.message and "\n" not in problem.message
