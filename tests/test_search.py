"""Full-text search: offsets, query syntax that never fails, the on-disk index and its fallbacks."""

from __future__ import annotations

import sqlite3

import pytest

from newsx.core.model.articles import Article
from newsx.core.search import SEARCH_FILE, SearchIndex, articles_mentioning, entity_hits, find_spans

ARTICLES = [
    Article(
        id="a",
        path="a.txt",
        title="Troops arrive in Kursk",
        text="About 3,000 troops arrived.\nOfficials in Séoul said more troops may follow.\nNo troop numbers were confirmed.",
    ),
    Article(id="b", path="b.txt", title="Missile test", text="The missile flew for 86 minutes, officials said."),
    Article(id="c", path="c.txt", title="Weather", text="Rain is expected in Seoul on Friday."),
]


def spans_text(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    out = []
    for hit in index.search(query):
        source = index.article_by_id[hit.article_id]
        value = source.title if hit.field == "title" else source.text
        out.extend((hit.article_id, value[start:end]) for start, end in hit.spans)
    return out


@pytest.fixture
def index(tmp_path):
    idx = SearchIndex.for_articles(ARTICLES, tmp_path)
    yield idx
    idx.close()


def test_hits_carry_offsets_into_the_article_text(index):
    hits = index.search("troops")
    text_hits = [h for h in hits if h.field == "text"]
    assert [(h.article_id, ARTICLES[0].text[h.start : h.end]) for h in text_hits] == [("a", "troops"), ("a", "troops")]
    assert [h.field for h in hits].count("title") == 1
    second = text_hits[1]
    assert second.line == "Officials in Séoul said more troops may follow."
    assert second.line[second.start - second.line_start : second.end - second.line_start] == "troops"


def test_words_must_all_match_and_case_and_accents_do_not_matter(index):
    assert {a for a, _ in spans_text(index, "SEOUL officials")} == {"a"}
    assert ("a", "Séoul") in spans_text(index, "seoul officials")
    assert {a for a, _ in spans_text(index, "seoul")} == {"a", "c"}


def test_phrase_prefix_or_and_numbers(index):
    assert spans_text(index, '"more troops"') == [("a", "more troops")]
    assert [t for _, t in spans_text(index, "troop*")] == ["Troops", "troops", "troops", "troop"]
    assert {a for a, _ in spans_text(index, "missile OR rain")} == {"b", "c"}
    assert spans_text(index, "3,000") == [("a", "3,000")]
    assert spans_text(index, "86") == [("b", "86")]


@pytest.mark.parametrize(
    "query",
    ['"unterminated', "((", "NEAR(a b", "AND", "title:troops", "*", "-", "^x", '"', "a:b:c", "troops)", "NOT", "😀", "\x00"],
)
def test_user_syntax_never_raises(index, query):
    hits = index.search(query)
    assert isinstance(hits, list)
    assert index.notices == []  # nothing reached FTS5 unquoted


def test_syntax_characters_are_words_not_operators(index):
    # "title:troops" is the two words title and troops, not a column filter.
    assert {a for a, _ in spans_text(index, "title:troops")} == set()
    assert {a for a, _ in spans_text(index, "troops)")} == {"a"}


def test_empty_query_finds_nothing(index):
    assert index.search("") == [] and index.search("   ") == [] and index.search("!!!") == []


def test_index_lives_in_the_cache_and_is_reused(tmp_path):
    first = SearchIndex.for_articles(ARTICLES, tmp_path)
    assert not first.in_memory and (tmp_path / SEARCH_FILE).is_file()
    first.close()
    changed = [ARTICLES[0], Article(id="b", path="b.txt", title="Missile test", text="The rocket flew for 87 minutes.")]
    second = SearchIndex.for_articles(changed, tmp_path)
    assert spans_text(second, "87") == [("b", "87")]
    assert spans_text(second, "86") == []  # the old text of b is not this corpus
    assert spans_text(second, "rain") == []  # nor is c
    second.close()
    rows = sqlite3.connect(tmp_path / SEARCH_FILE).execute("SELECT count(*) FROM docs").fetchone()[0]
    assert rows == 4  # a, b (old), c, b (new): each text indexed once


def test_without_cache_the_index_is_in_memory():
    idx = SearchIndex.for_articles(ARTICLES, None)
    assert idx.in_memory and idx.notices == []
    assert spans_text(idx, '"86 minutes"') == [("b", "86 minutes")]


def test_unusable_cache_folder_falls_back_to_memory(tmp_path):
    folder = tmp_path / "a-file"
    folder.write_text("not a folder")
    idx = SearchIndex.for_articles(ARTICLES, folder)
    assert idx.in_memory and "searching in memory" in idx.notices[0]
    assert spans_text(idx, "rain") == [("c", "Rain")]


def test_damaged_search_file_is_rebuilt(tmp_path):
    (tmp_path / SEARCH_FILE).write_bytes(b"this is not a database" * 100)
    idx = SearchIndex.for_articles(ARTICLES, tmp_path)
    assert any("rebuilt" in n for n in idx.notices)
    assert spans_text(idx, "rain") == [("c", "Rain")]


def test_hits_in_one_article_and_find_spans(index):
    hits = index.hits_in("a", "troops")
    assert [ARTICLES[0].text[h.start : h.end] for h in hits] == ["troops", "troops"]
    assert find_spans("Kim met Kim's aide.", "kim") == [(0, 3), (8, 11)]
    assert find_spans("nothing here", "kim") == []


def test_excerpt_keeps_the_hit_visible():
    text = "word " * 40 + "needle" + " word" * 40
    idx = SearchIndex.for_articles([Article(id="x", path="x", title="t", text=text)], None)
    (hit,) = idx.search("needle")
    line, start, end = hit.excerpt(40)
    assert len(line) <= 40 and line[start:end] == "needle"
    assert line.startswith("…") and line.endswith("…")


def test_entity_filter_on_the_seed_index(seed_index):
    entity = max(seed_index.entities, key=lambda e: len(e.articles))
    ids = articles_mentioning(seed_index, entity.id)
    assert set(ids) == set(entity.articles) and 0 < len(ids) <= len(seed_index.articles)
    hits = entity_hits(seed_index, entity.id)
    assert len(hits) == entity.mentions
    spans = {(s.article, s.start, s.end): s.text for s in entity.mention_spans}
    for hit in hits:
        text = seed_index.article_by_id[hit.article_id].text
        assert text[hit.start : hit.end] == spans[(hit.article_id, hit.start, hit.end)]
        assert text[hit.start : hit.end] in hit.line
    assert articles_mentioning(seed_index, "no-such-entity") == []


def test_a_locked_search_file_is_left_alone(tmp_path, monkeypatch):
    import newsx.core.search as search_module

    SearchIndex.for_articles(ARTICLES, tmp_path).close()
    other = sqlite3.connect(tmp_path / SEARCH_FILE, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # another process holds the file
    monkeypatch.setattr(search_module, "BUSY_TIMEOUT", 0.1)
    try:
        idx = SearchIndex.for_articles(ARTICLES, tmp_path)
        assert idx.in_memory and "searching in memory" in idx.notices[0]
        assert spans_text(idx, "rain") == [("c", "Rain")]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (tmp_path / SEARCH_FILE).stat().st_size > 0  # not deleted


def test_words_are_anded_within_a_sentence_and_each_sentence_is_listed_once():
    text = "The missile flew for 87 minutes, officials said. An earlier one flew 73 minutes.\nNo other test."
    idx = SearchIndex.for_articles([Article(id="m", path="m", title="Test", text=text)], None)
    hits = idx.search("87 minutes")
    assert len(hits) == 1  # one sentence, both words marked in it
    assert [text[s:e] for s, e in hits[0].spans] == ["87", "minutes"]
    assert hits[0].line == "The missile flew for 87 minutes, officials said."
    assert len(idx.search("minutes")) == 2  # two sentences
    assert idx.search("87 earlier") == []  # the words are in different sentences


def test_a_quoted_phrase_matches_only_as_a_phrase_in_straight_or_curly_quotes():
    text = "It flew 73 minutes. Minutes later, 87 people left."
    idx = SearchIndex.for_articles([Article(id="q", path="q", title="T", text=text)], None)
    for query in ('"73 minutes"', "“73 minutes”"):
        (hit,) = idx.search(query)
        assert text[hit.start : hit.end] == "73 minutes"
    assert idx.search('"87 minutes"') == []


def test_sentences_are_not_split_at_abbreviations_or_initials():
    from newsx.core.search import sentence_spans

    text = "Gen. Charles Brown met the U.S. envoy on Oct. 8 in Seoul. Then he left."
    assert [text[s:e].strip() for s, e in sentence_spans(text)] == [
        "Gen. Charles Brown met the U.S. envoy on Oct. 8 in Seoul.",
        "Then he left.",
    ]
