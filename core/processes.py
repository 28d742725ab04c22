"""How this process may start others: forked when that is safe, spawned otherwise; work done
alongside other work in a process of its own."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any


def worker_context():
    """The multiprocessing context for worker processes.

    "fork" when this process runs no other thread (the `newsx index` command, or the explorer
    before its app starts): workers inherit what is loaded here (modules, the spaCy pipeline)
    instead of importing and loading it again. Forking a process with other threads running can
    deadlock the child (a lock another thread held at the fork stays held forever), so the
    explorer, which indexes from a thread, gets "spawn", whose workers start from nothing.
    """
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def worker_count() -> int:
    """How many worker processes to start for CPU-bound work: one per core, at most four."""
    return max(1, min(os.cpu_count() or 1, 4))


def can_fork() -> bool:
    """Workers started now would be forked (see `worker_context`), and this process may start
    any: a process working aside (`Meanwhile`) is a daemon, and daemons have no children."""
    return not multiprocessing.current_process().daemon and worker_context().get_start_method() == "fork"


def prepare_spawn() -> None:
    """Start multiprocessing's resource tracker, which spawned workers need, with a usable stderr.

    The tracker's process is handed `sys.stderr.fileno()`. Under a full-screen app that captures
    output (Textual's capture answers -1), starting it fails with "bad value(s) in fds_to_keep"
    and no worker can be spawned; so it starts with stderr on the null device for that moment.
    """
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # no descriptor at all: the tracker simply passes none
    if usable:
        return
    with open(os.devnull, "w") as null:
        captured, sys.stderr = sys.stderr, null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured


def alongside(work: Callable[[], Any]) -> Callable[[], Any]:
    """Start `work` (no spaCy; its result picklable) in a forked process when forking is safe here
    (see `worker_context`); the function returned waits for the result. Otherwise, or if the
    process fails, the work runs here when the result is asked for."""
    results: list[Any] = []
    aside = Meanwhile(work, results.append)
    if can_fork():
        aside.start_aside(worker_context())

    def result() -> Any:
        aside.finish()
        return results[0]

    return result


class Meanwhile:
    """Work done alongside other work: in a forked process of its own (`start_aside`; its result
    comes back through a pipe), else here (`run_here`)."""

    def __init__(self, work: Callable[[], Any] | None, done: Callable[[Any], None] | None) -> None:
        self.work, self.done = work, done
        self._receive: Connection | None = None
        self._process: BaseProcess | None = None

    def run_here(self) -> None:
        if self.work is not None:
            result = self.work()
            if self.done is not None:
                self.done(result)
            self.work = None

    def start_aside(self, context) -> None:
        if self.work is None:
            return
        receive, send = context.Pipe(duplex=False)
        work = self.work

        def child() -> None:
            send.send(work())

        process = context.Process(target=child, daemon=True)
        process.start()
        self._process = process
        send.close()
        self._receive = receive

    def finish(self) -> None:
        """The result, from the process aside if one was started; if it failed, the work runs here."""
        if self._receive is not None:
            try:
                result = self._receive.recv()
            except (EOFError, OSError):
                pass
            else:
                if self.done is not None:
                    self.done(result)
                self.work = None
            finally:
                self._receive.close()
                if self._process is not None:
                    self._process.join()
                self._receive = self._process = None
        self.run_here()

    def abandon(self) -> None:
        """Stop the process aside, if the other work ends (or fails) before its result was taken."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            if self._receive is not None:
                self._receive.close()
            self._receive = self._process = None
