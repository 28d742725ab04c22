"""The headline names the story's event, often in words its body does not repeat: its events are
the article's own, and a source that reports the event only in its headline is one of its sources."""

from __future__ import annotations

from conftest import index_of_articles

from newsx.core.model.analyses import HEADLINE_SENTENCE
from newsx.core.model.articles import Article
from newsx.core.nlp.headlines import headline_text, sentence_case

DEAL_STORY = {
    # id: (headline, published, body)
    "d1": ("Harbor Foods buys Tidewater Dairy", "2021-05-03",
           "Harbor Foods bought Tidewater Dairy on Monday for $40 million, the company said."),
    "d2": ("Harbor Foods Acquires Tidewater Dairy in $40 Million Deal", "2021-05-03",
           "Harbor Foods has acquired Tidewater Dairy, a family business founded in 1952, for $40 million."),
    # The body only looks ahead: the headline is where this source reports the purchase.
    "d3": ("Harbor Foods Buys Tidewater Dairy", "2021-05-04",
           "Shares of Harbor Foods rose 3 percent on Tuesday. Analysts expect prices of milk to stay high "
           "in the region, said Dana Cole of Bay Capital."),
}


def _articles(story: dict[str, tuple[str, str, str]]) -> list[Article]:
    return [Article(id=k, path=f"{k}.txt", title=title, text=body, outlet=f"Outlet {k}", published=day)
            for k, (title, day, body) in story.items()]


def test_title_case_is_read_as_a_sentence_keeping_the_bodys_names():
    body = "The New Orleans Saints placed Pierre Thomas on injured reserve on Wednesday, coach Sean Payton said."
    title = "Pierre Thomas Placed on Injured Reserve by New Orleans Saints"
    cased = sentence_case(title, body)
    assert cased == "Pierre Thomas placed on injured reserve by New Orleans Saints"
    assert len(cased) == len(title)  # offsets into the parsed headline are offsets into the title
    # acronyms keep their capitals; a headline already in sentence case is left as written
    assert sentence_case("Saints Put RB Thomas on IR", "Thomas was hurt.") == "Saints put RB Thomas on IR"
    article = Article(id="a", path="a.txt", title="Saints place Thomas on IR", text=body)
    assert headline_text(article) == "Saints place Thomas on IR"


def test_a_title_made_from_the_lede_is_not_read_twice():
    body = "Harbor Foods bought Tidewater Dairy on Monday."
    guessed = Article(id="a", path="a.txt", title="Harbor Foods bought Tidewater Dairy", text=body, title_guessed=True)
    assert headline_text(guessed) == ""
    repeated = Article(id="b", path="b.txt", title="Harbor Foods bought Tidewater Dairy", text=body)
    assert headline_text(repeated) == ""  # the body opens with it


def test_a_source_that_reports_the_event_only_in_its_headline_is_one_of_its_sources(tmp_path):
    index = index_of_articles(_articles(DEAL_STORY), tmp_path)
    deals = [e for e in index.events if "Tidewater Dairy" in e.label]
    assert len(deals) == 1, [e.label for e in index.events]
    deal = deals[0]
    assert set(deal.articles) == set(DEAL_STORY)
    assert deal.date == "2021-05-03"
    # the source's row shows its headline, and the trigger's offsets are the headline's
    (row,) = [m for m in deal.mentions if m.article == "d3"]
    assert row.sentence == HEADLINE_SENTENCE and row.text == DEAL_STORY["d3"][0]
    assert DEAL_STORY["d3"][0][row.start : row.end].lower() == "buys"
    # the label is the body's words, not the headline's shorthand
    assert deal.label.startswith("Harbor Foods")


def test_a_headline_gives_the_analysis_its_own_key(tmp_path):
    from newsx.core.store.cache import analysis_key

    one = _articles(DEAL_STORY)[0]
    retitled = Article(id="x", path="x.txt", title="Dairy sold", text=one.text, published=one.published)
    assert analysis_key(one, "m") != analysis_key(retitled, "m")
    assert analysis_key(one, "m") == analysis_key(Article(id="y", path="y.txt", title=one.title, text=one.text,
                                                          published=one.published), "m")
