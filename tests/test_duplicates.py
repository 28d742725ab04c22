"""Near-duplicates: a wire story published twice (reworded) is found; independent reports are not."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ECBPLUS, ecbplus_cluster
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core.link.duplicates import _aligned, _Sentences, aligned_share, find_near_duplicates, sentence_words
from newsx.core.model.articles import Article


def _pairs(near: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    return {tuple(sorted((a, b))) for a, others in near.items() for b in others}


def test_seeds_only_the_syndicated_ap_story_is_a_near_duplicate(seed_loaded):
    near = find_near_duplicates(seed_loaded.articles)
    pairs = _pairs(near)
    assert len(pairs) == 1
    (a, b), = pairs
    assert a.startswith("003_") and b.startswith("004_") and "#" not in b
    # Symmetric: each side lists the other.
    assert near[a] == (b,) and near[b] == (a,)


@pytest.mark.parametrize("cluster", ["18ecbplus", "8ecbplus"])
def test_ecbplus_near_duplicates_match_the_readers_table(cluster):
    from newsx.core.corpus.loading import load_corpus

    folder = ecbplus_cluster(cluster)
    expected = {tuple(sorted(p)) for p in json.loads((ECBPLUS / "claims" / f"{cluster}_claims.json").read_text())["near_duplicates"]}
    got = _pairs(find_near_duplicates(load_corpus([folder]).articles))
    assert got == expected


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", title=article_id, text=text)


STORY = (
    "The mayor opened the new bridge over the river on Monday after three years of work. "
    "Officials said the bridge cost about 40 million dollars and will carry 20,000 cars a day. "
    "Residents on both banks had waited for the crossing since the old ferry stopped running. "
    "The contractor said the last inspection found no problems with the steel frame."
)
REWORDED = (
    "On Monday the mayor opened the new bridge over the river, after three years of construction. "
    "The bridge cost about 40 million dollars and will carry 20,000 cars each day, officials said. "
    "Residents on both banks have waited for a crossing since the old ferry stopped running. "
    "According to the contractor, the final inspection found no problems with the steel frame."
)
OTHER = (
    "A new bridge opened in the city on Monday, drawing crowds of cyclists and walkers. "
    "Some shop owners worry that traffic will bypass the old town centre once drivers switch. "
    "The council plans a festival next month to celebrate the opening with music and food stalls. "
    "Critics argue the money would have been better spent on the bus network."
)


def test_a_reworded_copy_aligns_but_an_independent_report_does_not():
    assert aligned_share(sentence_words(STORY), sentence_words(REWORDED)) >= 0.75
    assert aligned_share(sentence_words(STORY), sentence_words(OTHER)) == 0.0
    near = find_near_duplicates([_article("a", STORY), _article("b", REWORDED), _article("c", OTHER)])
    assert _pairs(near) == {("a", "b")}


def test_no_articles_or_empty_texts_give_no_duplicates():
    assert find_near_duplicates([]) == {}
    assert find_near_duplicates([_article("a", ""), _article("b", "")]) == {}


def test_near_duplicate_sampling_is_the_same_in_every_process():
    """Which shingles are sampled must not depend on the process's string-hash seed, or two runs on
    one corpus could find different near-duplicates."""
    import subprocess
    import sys

    code = (
        "from newsx.core.link.duplicates import shingles;"
        "print(sorted(shingles('Troops crossed the border at dawn and the ministry said more would follow soon', sample=4)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and outputs.pop().strip() not in ("", "[]")


_sentence = st.frozensets(st.sampled_from("troops border missile launch minister talks army summit".split()), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(_sentence, max_size=8), st.lists(_sentence, max_size=8), st.sampled_from([0.3, 0.5, 0.6, 1.0]))
def test_the_early_stopping_alignment_agrees_with_the_share(a, b, threshold):
    """Pairs are checked with a test that stops as soon as the answer is known; it must say what
    the full share says."""
    assert _aligned(_Sentences(a), _Sentences(b), threshold) == (aligned_share(a, b) >= threshold)
