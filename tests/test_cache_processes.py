"""Real `newsx` processes on one cache: killed midway, run side by side, reopened without spaCy."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ECBPLUS, SEEDS

from newsx.core.store.cache import CACHE_FILE


def _paragraphs() -> list[str]:
    from newsx.core.corpus.cleaning import is_appeal, is_strong_caption

    files = sorted(SEEDS.glob("*.txt")) + sorted(ECBPLUS.glob("articles/*/*.txt"))
    paras = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            # Article sentences only: captions and appeals are page furniture the loader drops.
            if len(line.split()) >= 12 and not is_strong_caption(line) and not is_appeal(line, in_tail=True):
                paras.append(line.strip())
    return paras


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """100 short, distinct articles (about 60 words each) made of real news paragraphs."""
    folder = tmp_path_factory.mktemp("corpus")
    paras = _paragraphs()
    for i in range(100):
        body = "\n\n".join(paras[(i * 2 + k) % len(paras)] for k in range(2))
        (folder / f"story{i:03d}.txt").write_text(f"Report number {i} from the desk\n\n{body}\n", encoding="utf-8")
    return folder


def _newsx(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *kwargs.pop("py_flags", []), "-m", "newsx", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _rows(cache_dir: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{cache_dir / CACHE_FILE}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0


def _snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under `folder` with its size, modification time and inode."""
    seen = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            st = os.lstat(os.path.join(root, name))
            seen[os.path.relpath(os.path.join(root, name), folder)] = (st.st_size, st.st_mtime_ns, st.st_ino)
    st = os.stat(folder)
    seen["."] = (0, st.st_mtime_ns, st.st_ino)
    return seen


_INDEXED = re.compile(r"indexed (\d+) articles \((\d+) parsed, (\d+) from cache\)")


def _article_count(folder: Path) -> int:
    from newsx.core.corpus.loading import load_corpus

    return len(load_corpus([folder]).articles)


def _distinct_analyses(folder: Path) -> int:
    """Rows a complete cache holds: articles with the same text and date share one analysis."""
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.nlp.pipeline import model_fingerprint
    from newsx.core.settings import Settings
    from newsx.core.store.cache import analysis_key

    fingerprint = model_fingerprint(Settings().model)
    return len({analysis_key(a, fingerprint) for a in load_corpus([folder]).articles})


def test_kill_9_midway_then_the_next_run_completes(small_corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    count = _article_count(small_corpus)
    before = _snapshot(small_corpus)
    proc = _newsx("index", str(small_corpus), "--cache-dir", str(cache_dir))
    deadline = time.monotonic() + 120
    while _rows(cache_dir) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "indexing finished before it could be killed"
    kept = _rows(cache_dir)
    assert 0 < kept < _distinct_analyses(small_corpus)

    resumed = _newsx("index", str(small_corpus), "--cache-dir", str(cache_dir))
    _, err = resumed.communicate(timeout=180)
    assert resumed.returncode == 0, err
    total, parsed, from_cache = map(int, _INDEXED.search(err).groups())
    assert total == count and from_cache >= kept and parsed == count - from_cache
    assert "damaged" not in err and "without a cache" not in err
    assert _rows(cache_dir) == _distinct_analyses(small_corpus)

    # Complete now: a reopen reads everything from the cache and never imports spaCy.
    warm = _newsx("entities", str(small_corpus), "--cache-dir", str(cache_dir), "--json", py_flags=["-X", "importtime"])
    out, err = warm.communicate(timeout=120)
    assert warm.returncode == 0, err
    imported = {line.split("|")[-1].strip() for line in err.splitlines() if line.startswith("import time:")}
    assert imported and not any(name.split(".")[0] == "spacy" for name in imported)
    entities = json.loads(out)
    assert entities and all(e["articles"] for e in entities)

    assert _snapshot(small_corpus) == before, "newsx changed the user's folder"


def test_one_process_indexes_while_another_reads(small_corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    writer = _newsx("index", str(small_corpus), "--cache-dir", str(cache_dir))
    deadline = time.monotonic() + 120
    while _rows(cache_dir) == 0 and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    reader = _newsx("entities", str(small_corpus), "--cache-dir", str(cache_dir), "--json")
    r_out, r_err = reader.communicate(timeout=180)
    w_out, w_err = writer.communicate(timeout=180)
    assert writer.returncode == 0, w_err
    assert reader.returncode == 0, r_err
    for err in (w_err, r_err):
        assert "cache" not in err.replace("from cache", ""), err  # no fallback, no damage notice
    assert json.loads(r_out)
    assert _rows(cache_dir) == _distinct_analyses(small_corpus)
