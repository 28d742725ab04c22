"""Article text is data: markup and terminal controls in a file never act on the terminal.

The hostile corpus is built here, by the test, and goes through the CLI (tables and JSON), the
explorer under Pilot, and the real `newsx` in a pseudo-terminal whose output bytes are searched for
the sequences planted in the article.
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsx.cli import main

ESC = "\x1b"
# Planted payloads; each is unique enough that finding it in terminal output proves it came from the article.
CSI_PAYLOAD = ESC + "[38;5;201mPWNED"
OSC52_PAYLOAD = ESC + "]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07"
OSC8_PAYLOAD = ESC + "]8;;http://evil.example/x" + ESC + "\\click here" + ESC + "]8;;" + ESC + "\\"
C1_CSI = "\x9b2J"
ZERO_WIDTH = "Jo\u200bhn"
BIDI = "\u202eEVIL\u202c"

TITLE = f"[bold red]Breaking[/] {CSI_PAYLOAD} news{OSC52_PAYLOAD}"
BODY = (
    f"Inspector Maria Lopez said on Monday that [link=http://evil.example]the report[/link] was false {OSC8_PAYLOAD}.\n\n"
    f"Maria Lopez told reporters that 40 officers searched the harbour{ESC}[2J{ESC}[H and found nothing\x07.\n\n"
    f"A clerk typed abc\x08\x08\x08xyz and safe\rOVERWRITTEN into the log, {C1_CSI} then {ZERO_WIDTH} Smith arrived.\n\n"
    f"The mayor of Lyon called the file {BIDI} a forgery, according to Maria Lopez.\n"
)

# What must never reach output raw: C0 controls but tab/newline, DEL, C1, bidi and zero-width marks.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    (folder / "plain.md").write_text(
        "# Harbour search ends\n\nMaria Lopez said the search of the harbour ended on Tuesday.\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile"))


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(text: str) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"raw control characters in output: {found!r}"


def test_articles_table_shows_markup_and_controls_as_text(capsys, hostile):
    code, out, err = run(capsys, "articles", hostile)
    assert code == 0, err
    assert_inert(out)
    assert "[bold red]Breaking[/]" in out  # markup is shown, not applied
    assert "\u241b[38;5;201mPWNED" in out  # ESC shown as a visible mark


def test_articles_json_carries_inert_text(capsys, hostile):
    code, out, err = run(capsys, "articles", hostile, "--json")
    assert code == 0, err
    assert_inert(out)
    article = next(a for a in json.loads(out) if a["id"] == "hostile")
    for field in ("title", "text"):
        assert_inert(article[field])
    assert "[link=http://evil.example]" in article["text"]
    assert "\u241b]52;c;" in article["title"] and "\u2407" in article["title"]
    assert "\u241b]8;;http://evil.example/x" in article["text"]
    assert "<U+202E>" in article["text"] and "<U+200B>" in article["text"] and "<U+009B>" in article["text"]
    assert "\u2408" in article["text"]  # backspace made visible
    assert "OVERWRITTEN" in article["text"]  # a carriage return cannot hide what comes before it


def test_entities_outputs_are_inert_and_offsets_hold(capsys, hostile):
    code, out, err = run(capsys, "entities", hostile)
    assert code == 0, err
    assert_inert(out)
    code, out, err = run(capsys, "entities", hostile, "--json")
    assert code == 0, err
    assert_inert(out)
    entities = json.loads(out)
    assert any("Lopez" in e["name"] for e in entities)
    code, articles_out, _ = run(capsys, "articles", hostile, "--json")
    texts = {a["id"]: a["text"] for a in json.loads(articles_out)}
    for entity in entities:
        for span in entity["mention_spans"]:
            assert texts[span["article"]][span["start"] : span["end"]] == span["text"]


async def test_explorer_shows_hostile_text_literally(hostile, tmp_path):
    from newsx.core.settings import Settings
    from newsx.tui.app import NewsxApp

    app = NewsxApp([hostile], Settings(cache_dir=tmp_path / "cache"))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(2):
            await pilot.press("down")
            await pilot.pause()
        screen = app.export_screenshot()
    assert ESC not in screen and "\x07" not in screen
    assert "[bold" in screen  # the title's markup is on screen as text
    assert "\u241b" in screen  # and so is the escape character, as a visible mark


def _read_until(fd: int, deadline: float, want: bytes | None = None) -> bytes:
    data = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if want and want in data:
                break
    return data


def test_real_terminal_receives_no_sequence_from_the_article(hostile, tmp_path):
    """Run `newsx` in a pseudo-terminal and search every byte it wrote for the planted sequences."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "40"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsx", str(hostile / "hostile.txt"), "--cache-dir", str(tmp_path / "cache")],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True,
    )
    os.close(slave)
    try:
        # The visible form of the planted CSI shows that the article has been drawn.
        out = _read_until(master, time.monotonic() + 60, want="PWNED".encode())
        for key in ("j", "\r", "j", "j"):
            os.write(master, key.encode())
            out += _read_until(master, time.monotonic() + 1.0)
        os.write(master, b"\x11")  # ctrl+q
        out += _read_until(master, time.monotonic() + 5)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        os.close(master)
    assert b"PWNED" in out, out[-2000:]
    assert CSI_PAYLOAD.encode() not in out
    assert b"\x1b]52" not in out  # no clipboard write at all
    assert b"\x1b]8;;http://evil" not in out
    assert b"\x1b[2J\x1b[H and found" not in out
    for raw in ("\u009b", "\u202e", "\u200b", "\u2066"):
        assert raw.encode() not in out
