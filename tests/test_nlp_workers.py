"""Parsing in worker processes gives exactly what parsing in one process gives."""

from __future__ import annotations

from newsx.core.nlp import parse_articles
from newsx.core.settings import DEFAULT_MODEL


def test_two_worker_processes_give_the_same_analyses_in_order(seed_loaded):
    articles = seed_loaded.articles
    here = list(parse_articles(articles, DEFAULT_MODEL, n_process=1, batch_size=2))
    seen = []
    # batches of two articles over two processes: results must come back in article order
    in_workers = list(parse_articles(articles, DEFAULT_MODEL, n_process=2, batch_size=2, on_done=lambda i, a: seen.append(i)))
    assert [i for i, _ in in_workers] == list(range(len(articles))) == seen
    assert [a.to_dict() for _, a in in_workers] == [a.to_dict() for _, a in here]
    assert all(a.mentions for _, a in in_workers)
