"""Shared helpers for the benchmarks: timed subprocesses, a pseudo-terminal, medians, memory."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

PYTHON = sys.executable
WORK = Path(os.environ.get("NEWSX_BENCH_DIR", Path(tempfile.gettempdir()) / "newsx-bench"))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done


def newsx_cmd(*args: str) -> list[str]:
    return [PYTHON, "-m", "newsx", *args]


def first_screen(cmd: list[str], markers: list[bytes], size=(120, 40), timeout=60.0, env=None) -> dict:
    """Run a full-screen program in a pseudo-terminal; time until any marker is drawn.

    Returns {"seconds": time to first marker, "rss_mb": peak resident memory, "output": bytes}.
    The program is then asked to quit (ctrl+q) and killed if it does not.
    """
    master, slave = pty.openpty()
    rows, cols = size[1], size[0]
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=full_env, close_fds=True, start_new_session=True)
    os.close(slave)
    out = b""
    seconds = float("nan")
    try:
        deadline = start + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.005)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
                if any(m in out for m in markers):
                    seconds = time.perf_counter() - start
                    break
        rss = peak_rss_mb(proc.pid)
        os.write(master, b"\x11")
        end = time.perf_counter() + 3
        while time.perf_counter() < end and proc.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    out += os.read(master, 1 << 16)
                except OSError:
                    break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)
    return {"seconds": seconds, "rss_mb": rss, "output": out}


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"
