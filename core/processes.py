"""How this process may start others: forked when that is safe, spawned otherwise."""

from __future__ import annotations


def worker_context():
    """The multiprocessing context for worker processes.

    "fork" when this process runs no other thread (the `newsx index` command, or the explorer
    before its app starts): workers inherit what is loaded here (modules, the spaCy pipeline)
    instead of importing and loading it again. Forking a process with other threads running can
    deadlock the child (a lock another thread held at the fork stays held forever), so the
    explorer, which indexes from a thread, gets "spawn", whose workers start from nothing.
    """
    import multiprocessing
    import threading

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def can_fork() -> bool:
    """Workers started now would be forked (see `worker_context`)."""
    return worker_context().get_start_method() == "fork"
