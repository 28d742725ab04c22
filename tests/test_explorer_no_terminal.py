"""The explorer with stdout piped: one line on stderr, a failing exit status, nothing in the pipe."""

from __future__ import annotations

import os
import subprocess
import sys


def test_explorer_into_a_pipe_says_so_and_writes_nothing(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Officials said on Monday that the bridge would reopen next week after repairs.\n", encoding="utf-8")
    env = {**os.environ, "NEWSX_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run(
        [sys.executable, "-m", "newsx", str(story)], stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120
    )
    assert run.returncode != 0
    assert run.stdout == b"", "escape codes were written into the pipe"
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "terminal" in lines[0] and "newsx articles" in lines[0]
    assert b"\x1b" not in run.stderr


def test_listings_still_write_to_a_pipe(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Officials said on Monday that the bridge would reopen next week after repairs.\n", encoding="utf-8")
    env = {**os.environ, "NEWSX_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-m", "newsx", "articles", str(story), "--json"], capture_output=True, env=env, timeout=300)
    assert run.returncode == 0 and b'"story"' in run.stdout
