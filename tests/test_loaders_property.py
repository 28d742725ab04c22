"""Property tests: loaders and the cleaner never raise on arbitrary text or bytes, and keep their
invariants (an article with text, or a Problem; ids start with the stem; no control characters)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsx.core.corpus.building import build_article
from newsx.core.corpus.cleaning import normalize_line
from newsx.core.corpus.loading import load_corpus
from newsx.core.corpus.splitting import split_articles

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".xml", ".rss"]

# Text that looks like news pages: headlines, bylines, captions, datelines, furniture, mixed scripts.
news_bits = st.sampled_from(
    [
        "WASHINGTON (AP) — ", "By Jane Roe", "Posted : October 31, 2024", "Related:", "TT", "___", "닫기",
        "FILE PHOTO: A launch. KCNA via REUTERS", "Copyright ⓒ X All rights reserved.", "\n", "\n\n\n", " said Wednesday.",
        "Become a Patron!", "<p>", "</p>", "{\"text\": ", "\"}", "<rss><channel><item><description>", "---\ntitle: x\n---\n",
        "\x1b[31m", "\u202e", "\r", "\x00", "(left)", ". Yonhap", "Headline Words Here", "The minister said the troops left.",
    ]
)
newsish_text = st.lists(st.one_of(news_bits, st.text(max_size=40)), max_size=30).map("".join)


def check_result(result, stem: str):
    for article in result.articles:
        assert article.id == stem or article.id.startswith(stem + "#") or article.id.startswith(stem + "~")
        assert article.text.strip()
        for field in (article.text, article.title, article.outlet or "", article.byline or "", article.dateline or ""):
            assert not CONTROL.search(field)
            assert "\r" not in field
        assert article.title and "\n" not in article.title
        assert article.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)
    for problem in result.problems:
        assert problem.message and "\n" not in problem.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_load_or_give_a_problem(data, suffix):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"item{suffix}"
        f.write_bytes(data)
        result = load_corpus([f])
        assert result.articles or [p for p in result.problems if p.fatal]
        check_result(result, "item")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=newsish_text, suffix=st.sampled_from(SUFFIXES))
def test_any_text_loads_or_gives_a_problem(text, suffix):
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"story{suffix}"
        f.write_text(text, encoding="utf-8", errors="surrogatepass") if False else f.write_bytes(text.encode("utf-8", "replace"))
        result = load_corpus([f])
        assert result.articles or [p for p in result.problems if p.fatal]
        check_result(result, "story")


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.one_of(news_bits, st.text(max_size=80)), max_size=40))
def test_cleaner_and_splitter_never_raise_and_keep_text_non_empty(lines):
    normalised = [normalize_line(x) for chunk in lines for x in chunk.split("\n")]
    parts = split_articles(normalised)
    assert sum(len(p) for p in parts) <= len(normalised)
    for part in parts:
        built = build_article(part)
        if built is not None:
            assert built.text.strip() and built.title
            assert "\n\n\n" not in built.text
            # every paragraph of the output comes from the input
            source = set(normalised)
            assert all(p in source for p in built.text.split("\n\n"))
