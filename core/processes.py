"""How this process may start others: forked when that is safe, spawned otherwise; work done
alongside other work in a worker of a process pool."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import resource_tracker
from multiprocessing.context import BaseContext
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
    any (a daemon process, such as a worker of `multiprocessing.Pool`, may have no children)."""
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
    """Start `work` (no spaCy; its result picklable) in a forked worker of a pool of its own when
    forking is safe here (see `worker_context`); the function returned waits for the result and
    shuts the pool down. Otherwise, or if the worker fails, the work runs here when the result is
    asked for."""
    results: list[Any] = []
    aside = Meanwhile(work, results.append)
    pool = None
    if can_fork():
        context = worker_context()
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        aside.submit_to(pool, context)

    def result() -> Any:
        try:
            aside.finish()
        finally:
            if pool is not None:
                pool.shutdown(wait=True)  # its threads end here: this process may fork again
        return results[0]

    return result


# Work handed to forked workers without pickling it (a closure over large data, shared by the fork
# rather than copied through a pipe): registered here before the workers fork, looked up there.
_INHERITED: dict[int, Callable[[], Any]] = {}
_tokens = itertools.count()


def _run_inherited(token: int) -> Any:
    """Runs in a forked worker: the work was in `_INHERITED` when this process was forked."""
    return _INHERITED[token]()


class Meanwhile:
    """Work done alongside other work: in a forked worker of a `concurrent.futures` process pool
    (`submit_to`), else here (`run_here`); its result goes to `done`."""

    def __init__(self, work: Callable[[], Any] | None, done: Callable[[Any], None] | None) -> None:
        self.work, self.done = work, done
        self._future: Future[Any] | None = None
        self._token: int | None = None

    def run_here(self) -> None:
        if self.work is not None:
            result = self.work()
            if self.done is not None:
                self.done(result)
            self.work = None

    def submit_to(self, pool: ProcessPoolExecutor, context: BaseContext) -> None:
        """Hand the work to `pool`, a pool of forked workers, before its first other task: a pool
        forks its workers at its first submit, and only workers forked after the work was
        registered have it. With spawned workers the work stays here, for `finish`."""
        if self.work is None or context.get_start_method() != "fork":
            return
        self._token = next(_tokens)
        _INHERITED[self._token] = self.work
        self._future = pool.submit(_run_inherited, self._token)

    def finish(self) -> None:
        """The result, from the pool if the work was handed to one; if it failed, the work runs here."""
        if self._future is not None:
            try:
                result = self._future.result()
            except Exception:  # a worker that died or failed: the work is done here instead
                pass
            else:
                if self.done is not None:
                    self.done(result)
                self.work = None
            finally:
                self._forget()
        self.run_here()

    def abandon(self) -> None:
        """Drop the work handed to the pool, if the other work ends (or fails) before its result
        was taken (a task already running ends with the pool)."""
        if self._future is not None:
            self._future.cancel()
            self._forget()

    def _forget(self) -> None:
        if self._token is not None:
            _INHERITED.pop(self._token, None)
        self._future = self._token = None
