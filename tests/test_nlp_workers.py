"""Parsing in worker processes gives exactly what parsing in one process gives."""

from __future__ import annotations

import threading

from newsx.core.model.articles import Article
from newsx.core.nlp.pipeline import parse_articles, task_ranges
from newsx.core.settings import DEFAULT_MODEL


def test_two_worker_processes_give_the_same_analyses_in_order(seed_loaded):
    articles = seed_loaded.articles
    here = list(parse_articles(articles, DEFAULT_MODEL, n_process=1, batch_size=2))
    seen, meanwhile, while_parsing = [], [], []
    # batches of two articles over two processes: results must come back in article order
    in_workers = list(
        parse_articles(
            articles, DEFAULT_MODEL, n_process=2, batch_size=2,
            on_done=lambda i, a: seen.append(i), meanwhile=lambda: len(seen), on_meanwhile=meanwhile.append,
            while_parsing=lambda: while_parsing.append(len(seen)),
        )
    )
    assert [i for i, _ in in_workers] == list(range(len(articles))) == seen
    assert [a.to_dict() for _, a in in_workers] == [a.to_dict() for _, a in here]
    assert all(a.mentions for _, a in in_workers)
    assert meanwhile == [0]  # the other work ran once, and its result came before any analysis
    assert while_parsing == [0]  # and this process's own work, once, while the workers parsed


def test_workers_started_from_a_thread_give_the_same_analyses(seed_loaded):
    # The explorer indexes from a thread, where workers are spawned rather than forked.
    articles = seed_loaded.articles
    here = [a.to_dict() for _, a in parse_articles(articles, DEFAULT_MODEL, n_process=1, batch_size=2)]
    found: list = []
    thread = threading.Thread(
        target=lambda: found.extend(a.to_dict() for _, a in parse_articles(articles, DEFAULT_MODEL, n_process=2, batch_size=2))
    )
    thread.start()
    thread.join()
    assert found == here


def test_tasks_cover_every_article_once_and_shrink_towards_the_end():
    articles = [Article(id=str(i), path="", title="", text="word " * (200 + 37 * (i % 11))) for i in range(300)]
    ranges = task_ranges(articles, processes=2, batch_size=32)
    assert [i for r in ranges for i in r] == list(range(300))
    assert max(len(r) for r in ranges) <= 32
    assert len(ranges[0]) == 32 and len(ranges[-2]) < 32 / 4  # last tasks are small: no worker waits long for another


def test_work_done_alongside_gives_its_result_from_the_main_thread_and_from_a_thread():
    from newsx.core.processes import alongside

    words = ["claim", "group", "event"]
    assert alongside(lambda: sorted(words))() == ["claim", "event", "group"]  # forked when no thread runs
    found: list = []
    thread = threading.Thread(target=lambda: found.append(alongside(lambda: len(words))()))
    thread.start()
    thread.join()
    assert found == [3]


def test_work_done_alongside_may_itself_start_work_alongside(capfd):
    """Work done aside in a pool's worker may start work aside of its own (in a pool of its
    own, or in it when that cannot fork), with the same result and no error output."""
    from newsx.core.processes import alongside

    assert alongside(lambda: alongside(lambda: 41 + 1)() + 1)() == 43
    assert "Error" not in capfd.readouterr().err


def test_work_whose_result_cannot_come_back_from_its_worker_is_done_here():
    from newsx.core.processes import alongside

    # a function cannot be pickled back from the worker: the work runs here instead
    assert alongside(lambda: (lambda: 5))()() == 5


SPAWN_UNDER_CAPTURE = """
import io, multiprocessing, operator, sys, threading
from concurrent.futures import ProcessPoolExecutor
from newsx.core.processes import prepare_spawn

class Capture(io.TextIOBase):  # what a full-screen app puts in place of stderr
    def write(self, text): return len(text)
    def fileno(self): return -1

def index():
    try:
        prepare_spawn()
        with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
            print(list(pool.map(operator.neg, [1, 2, 3])))
    except Exception as exc:
        print(type(exc).__name__, exc)

if __name__ == "__main__":
    sys.stderr = Capture()
    thread = threading.Thread(target=index)
    thread.start()
    thread.join()
"""


def test_workers_can_be_spawned_while_a_full_screen_app_captures_stderr(tmp_path):
    """The explorer indexes a large corpus in spawned workers from a thread while Textual holds
    stderr (a capture without a file descriptor): the workers must still start."""
    import subprocess
    import sys

    script = tmp_path / "spawn_under_capture.py"
    script.write_text(SPAWN_UNDER_CAPTURE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[-1, -2, -3]", done.stdout + done.stderr
