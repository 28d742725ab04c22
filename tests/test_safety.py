"""core.corpus.safety: whatever a file holds, the text that leaves it is inert and keeps its words."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsx.core.corpus.safety import has_unsafe, inert_line, inert_text

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
nasty = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
        st.sampled_from(["\x1b", "\x07", "\x08", "\r", "\x9b", "\u202e", "\u2066", "\u200b", "\ufeff", "[bold]", "\x1b]52;c;"]),
    ),
    max_size=30,
).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(nasty)
def test_inert_text_leaves_no_control_characters(text):
    out = inert_text(text)
    assert not RAW_CONTROL.search(out)
    assert not has_unsafe(out)
    assert inert_text(out) == out  # idempotent: loading twice changes nothing


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(nasty)
def test_inert_line_is_one_line(text):
    out = inert_line(text)
    assert "\n" not in out and "\t" not in out and out == out.strip()
    assert not RAW_CONTROL.search(out)


def test_controls_become_visible_marks_and_markup_stays_text():
    out = inert_text("[bold]a\x1b[31mb\x07c\x08d\u202ee\u200bf\x9bg")
    assert out == "[bold]a\u241b[31mb\u2407c\u2408d<U+202E>e<U+200B>f<U+009B>g"


def test_line_ends_are_normalised_not_used_to_overwrite():
    assert inert_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
