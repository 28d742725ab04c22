"""The article list's options: their text, and heights worked out the way Textual wraps them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from newsx.core.model.articles import Article
from newsx.tui.widgets.article_list import article_prompt

# Words of mixed widths: ASCII, accented, double-width CJK, and one longer than any list is wide.
WORDS = st.sampled_from(["troops", "Pyongyang", "état", "북한군", "러시아", "—", "x" * 70, "11,000", "a"])
TITLES = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(title=TITLES, outlet=st.sampled_from(["Outlet", "", "아주경제 Aju Press"]), width=st.integers(1, 60),
       wrap=st.sampled_from(["wrap", "nowrap"]), overflow=st.sampled_from(["fold", "ellipsis", "clip"]))
def test_option_height_is_the_height_textual_draws(title, outlet, width, wrap, overflow):
    prompt = article_prompt(Article(id="a1", path="a.txt", title=title, text="", outlet=outlet or None, published="2024-10-08"))
    rules = {"text_wrap": wrap, "text_overflow": overflow}
    drawn = Content(prompt.plain, list(prompt.spans)).get_height(rules, width)
    assert prompt.get_height(rules, width) == drawn


def test_option_shows_the_title_then_outlet_and_date_dimmed():
    # Loaded text has no control codes (core.corpus.safety); the bell here is dropped as Textual would.
    article = Article(id="a1", path="a.txt", title="Troops\x07 arrive", text="", outlet="Wire", published="2024-10-08")
    prompt = article_prompt(article)
    assert prompt.plain == "Troops arrive\nWire · 2024-10-08"
    meta_start = prompt.plain.index("Wire")
    assert {(s.start, s.end) for s in prompt.spans} == {(0, len(prompt.plain)), (meta_start, len(prompt.plain))}
